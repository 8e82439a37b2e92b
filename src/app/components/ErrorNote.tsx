// Errors shown to people: the message the data layer wrote for them, never a stack trace.

/** The human-facing text of any thrown value. */
export function errorText(err: unknown): string {
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
