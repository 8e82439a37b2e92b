// Reading the Loop export the person chose, whichever of the two it is (told apart by its first
// bytes), into a checked backup and its summary. Nothing is written here: the preview shows the
// summary, and importBackupData writes the backup in one transaction.
import { ImportError } from '../errors.ts';
import { validateBackup } from '../backup/validate.ts';
import { convertLoop, type LoopImport } from './convert.ts';
import { LoopFileError, type LoopData } from './model.ts';
import { readLoopDatabase, type SqlDatabase } from './read-db.ts';
import { readLoopZip } from './read-zip.ts';

/** Opens SQLite bytes (sql.js; loaded only for a .db import). */
export type OpenSqlite = (bytes: Uint8Array) => Promise<SqlDatabase & { close(): void }>;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Reads a Loop CSV zip or database backup; throws LoopFileError naming the file and the problem. */
export async function readLoopExport(bytes: Uint8Array, fileName: string, openSqlite: OpenSqlite): Promise<LoopData> {
  if (startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006')) return readLoopZip(bytes, fileName);
  if (startsWith(bytes, SQLITE_MAGIC)) {
    let db: Awaited<ReturnType<OpenSqlite>>;
    try {
      db = await openSqlite(bytes);
    } catch (err) {
      throw new LoopFileError(fileName, `this database cannot be opened (${(err as Error).message || err})`);
    }
    try {
      return readLoopDatabase(db, fileName);
    } finally {
      db.close();
    }
  }
  throw new LoopFileError(
    fileName,
    bytes.length === 0
      ? 'the file is empty'
      : 'this is not a Loop Habit Tracker export: choose the "Loop Habits CSV … .zip" or the ' +
          '"Loop Habits Backup … .db" file that Loop writes',
  );
}

/**
 * Reads and converts a Loop export and checks the result with the backup validator (the one place the
 * rules live). Throws ImportError, each problem naming the file (and line); nothing is written.
 */
export async function prepareLoopImport(
  bytes: Uint8Array,
  fileName: string,
  opts: { openSqlite: OpenSqlite; now?: Date; offset: number },
): Promise<LoopImport> {
  let data: LoopData;
  try {
    data = await readLoopExport(bytes, fileName, opts.openSqlite);
  } catch (err) {
    if (err instanceof LoopFileError) throw new ImportError([err.problem]);
    throw err;
  }
  const converted = convertLoop(data, opts.now ?? new Date(), opts.offset);
  const checked = validateBackup(converted.backup);
  if (!checked.ok) throw new ImportError(checked.errors.map((e) => ({ ...e, path: `${fileName}: ${e.path}` })));
  return { backup: checked.backup, summary: converted.summary };
}
