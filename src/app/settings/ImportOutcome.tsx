// What an import ended with, shown the same way for a backup and a Loop export: a success line, or
// every problem with its place in the file and the reassurance that nothing changed.
import { plural } from '../humanize.ts';
import type { ImportResult } from '../../data/backup/import.ts';

/** The result of one import attempt. */
export type Outcome =
  | { kind: 'ok'; text: string }
  | { kind: 'errors'; fileName: string; errors: { path: string; message: string }[] }
  | { kind: 'failed'; text: string };

/** Shows at most this many import errors (the count says how many more). */
const MAX_ERRORS_SHOWN = 50;

/** The problems an ImportError carries, or null for any other error. */
export function errorsOf(err: unknown): { path: string; message: string }[] | null {
  const list = (err as { errors?: unknown })?.errors;
  return Array.isArray(list) ? (list as { path: string; message: string }[]) : null;
}

/** "Imported <file> (merge): 2 habits added, 40 events added." */
export function importedText(name: string, how: 'merge' | 'replace', c: ImportResult): string {
  const parts = [
    `${plural(c.habitsAdded, 'habit')} added`,
    c.habitsUpdated ? `${plural(c.habitsUpdated, 'habit')} updated` : '',
    `${plural(c.eventsAdded, 'event')} added`,
    c.eventsSkipped ? `${plural(c.eventsSkipped, 'event')} already here (skipped)` : '',
  ].filter(Boolean);
  return `Imported ${name} (${how}): ${parts.join(', ')}.`;
}

/** The outcome's text (success, failure, or the list of problems). */
export function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === 'ok') return <p class="success">{outcome.text}</p>;
  if (outcome.kind === 'failed')
    return (
      <p class="error" role="alert">
        Nothing was imported: {outcome.text}
      </p>
    );
  return (
    <div class="error" role="alert">
      <p>
        Nothing was imported: {outcome.fileName} has {plural(outcome.errors.length, 'problem')}. Your data is unchanged.
      </p>
      <ul class="error-list">
        {outcome.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
          <li key={i}>
            <code>{e.path || '(file)'}</code>: {e.message}
          </li>
        ))}
      </ul>
      {outcome.errors.length > MAX_ERRORS_SHOWN && <p>…and {outcome.errors.length - MAX_ERRORS_SHOWN} more.</p>}
    </div>
  );
}
