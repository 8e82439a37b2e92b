// Errors shown to people: the message the data layer wrote for them, never a stack trace.
import { ImportError } from '../../data/errors.ts';
import { noteStorageError } from '../../data/faults.ts';

/** The human-facing text of any thrown value. */
export function errorText(err: unknown): string {
  // A storage fault (disk full, storage blocked) gets a plain sentence and puts the app in read-only
  // mode; an import keeps its own message, which already says nothing was changed.
  const fault = noteStorageError(err);
  if (fault && !(err instanceof ImportError)) return fault.message;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** An inline alert; renders nothing without an error. */
export function ErrorNote({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  return (
    <p class="error" role="alert" id={id}>
      {errorText(error)}
    </p>
  );
}
