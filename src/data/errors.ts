// Errors the data layer throws; their messages are written for people, not for logs.

/** Bad input from the person or the app (a name too long, an unknown habit): nothing was written. */
export class ValidationError extends Error {
  override name = 'ValidationError';
}

/** One problem in a backup file, with where it is (e.g. "events[12].at"; "" for the whole file). */
export type BackupError = { path: string; message: string };

/** A backup that could not be imported; `errors` lists every problem found. Nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly errors: BackupError[];
  constructor(errors: BackupError[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    super(first ? `${first.path ? `${first.path}: ` : ''}${first.message}${more}` : 'The backup could not be imported');
    this.errors = errors;
  }
}
