// Loop's full backup, "Loop Habits Backup <date>.db": a SQLite file with tables Habits and
// Repetitions (schema of Loop's migrations 22 to 25). This module reads an already opened
// database through the one method it needs, so it runs with sql.js in the browser and in Node.
import { numberToDay } from '../../learn/time.ts';
import { LOOP_PALETTE, LoopFileError, type LoopData, type LoopEntry, type LoopHabit } from './model.ts';

/** The part of a sql.js Database this reader uses. */
export interface SqlDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
}

/** The oldest and newest `PRAGMA user_version` of Loop's database this reader knows. */
export const LOOP_DB_VERSIONS = { oldest: 22, newest: 25 } as const;
const MS_PER_DAY = 86_400_000;

function rows(db: SqlDatabase, sql: string): Record<string, unknown>[] {
  const r = db.exec(sql)[0];
  if (!r) return [];
  return r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c.toLowerCase(), v[i]])));
}

function int(v: unknown, fallback: number): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : fallback;
}

function time(h: unknown, m: unknown): string | null {
  const hh = int(h, -1);
  const mm = int(m, -1);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return null;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

function readSafely<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof LoopFileError) throw err;
    throw new LoopFileError(
      fileName,
      `this file is not a readable SQLite database, or it is damaged (${(err as Error).message || err})`,
    );
  }
}

/** Reads Loop's habits and entries; throws LoopFileError for another kind of file or an old Loop. */
export function readLoopDatabase(db: SqlDatabase, fileName: string): LoopData {
  return readSafely(fileName, () => {
    const tables = new Set(
      rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name).toLowerCase()),
    );
    if (!tables.has('habits') || !tables.has('repetitions'))
      throw new LoopFileError(
        fileName,
        'this database is not a Loop Habit Tracker backup (no Habits and Repetitions tables)',
      );
    const version = int(rows(db, 'PRAGMA user_version')[0]?.user_version, 0);
    if (version < LOOP_DB_VERSIONS.oldest)
      throw new LoopFileError(
        fileName,
        `this backup was made by an old version of Loop (database version ${version}; Nudge reads ` +
          `${LOOP_DB_VERSIONS.oldest} to ${LOOP_DB_VERSIONS.newest}): open it in an up-to-date Loop and export again`,
      );
    const list = rows(
      db,
      'SELECT id, name, position, freq_num, freq_den, color, archived, reminder_hour, reminder_min, type, ' +
        'target_type, target_value, unit FROM Habits ORDER BY position, id',
    );
    const byId = new Map<number, LoopHabit>();
    const habits = list.map((r, i): LoopHabit => {
      const color = int(r.color, -1);
      const h: LoopHabit = {
        // Numbered as the CSV export numbers them, so both exports give a habit the same identity.
        position: i + 1,
        name: typeof r.name === 'string' ? r.name : String(r.name ?? ''),
        numerical: int(r.type, 0) === 1,
        freqNum: int(r.freq_num, 1),
        freqDen: int(r.freq_den, 1),
        color: LOOP_PALETTE[color] ?? null,
        archived: int(r.archived, 0) !== 0,
        reminderTime: time(r.reminder_hour, r.reminder_min),
        targetType: int(r.target_type, 0) === 1 ? 'atMost' : 'atLeast',
        targetValue: typeof r.target_value === 'number' ? r.target_value : 0,
        unit: typeof r.unit === 'string' ? r.unit : '',
      };
      byId.set(int(r.id, -1), h);
      return h;
    });
    const entries = new Map<number, LoopEntry[]>();
    const reps = db.exec('SELECT habit, timestamp, value FROM Repetitions ORDER BY habit, timestamp')[0]?.values ?? [];
    for (const [habit, ts, value] of reps) {
      const h = byId.get(int(habit, -1));
      const t = int(ts, Number.NaN);
      if (!h || !Number.isFinite(t)) continue;
      // Loop stamps a day at 00:00 UTC of the local day it means.
      const e = { day: numberToDay(Math.floor(t / MS_PER_DAY)), value: int(value, Number.NaN) };
      const list = entries.get(h.position);
      if (list) list.push(e);
      else entries.set(h.position, [e]);
    }
    return { format: 'db', habits, entries };
  });
}
