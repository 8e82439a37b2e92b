// Writes a Loop Habit Tracker history the way Loop itself exports it, so the import is tested on
// files shaped like real ones (read from Loop's source: HabitsCSVExporter.kt, HabitList.writeCSV,
// the SQLite migrations 09-25 and HabitRecord/EntryRecord):
// - the CSV zip, 2.3.1+ ("Date,Value,Notes" with named values) or older (headerless "date,int");
// - the SQLite backup at PRAGMA user_version 22 to 25.
import initSqlJs from 'sql.js';
import { strToU8, zipSync } from 'fflate';
import { dayToNumber } from '../../src/learn/time.ts';

/** One habit as Loop holds it; palette colour index 0-19. */
export interface LoopSpecHabit {
  name: string;
  question?: string;
  freqNum: number;
  freqDen: number;
  color: number;
  archived?: boolean;
  numerical?: boolean;
  unit?: string;
  targetType?: 'atLeast' | 'atMost';
  targetValue?: number;
  reminder?: { hour: number; min: number; days: number };
  /** Loop's stored values per day (amount x 1000 for numerical habits). */
  entries: { day: string; value: number }[];
}

/** A Loop history: habits in Loop's order. */
export interface LoopSpec {
  habits: LoopSpecHabit[];
}

const PALETTE = [
  '#D32F2F',
  '#E64A19',
  '#F57C00',
  '#FF8F00',
  '#F9A825',
  '#AFB42B',
  '#7CB342',
  '#388E3C',
  '#00897B',
  '#00ACC1',
  '#039BE5',
  '#1976D2',
  '#303F9F',
  '#5E35B1',
  '#8E24AA',
  '#D81B60',
  '#5D4037',
  '#303030',
  '#757575',
  '#aaaaaa',
];
const NAMED: Record<number, string> = { 2: 'YES_MANUAL', 1: 'YES_AUTO', 0: 'NO', 3: 'SKIP', [-1]: 'UNKNOWN' };
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

/** opencsv without quoting everything: a field is quoted only when it needs to be. */
function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/** Loop's folder name for a habit: "NNN " and the name stripped to ASCII letters, digits, space, . _ -. */
export function loopFolder(position: number, name: string): string {
  const sane = name.replace(/[^ a-zA-Z0-9._-]+/g, '').slice(0, 100);
  return `${String(position).padStart(3, '0')} ${sane}`.trim();
}

/** The CSV zip Loop writes ("Loop Habits CSV <date>.zip"); `old` writes the pre-2.3.1 files. */
export function loopCsvZip(spec: LoopSpec, opts: { old?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const habits = opts.old
    ? csvLine(['Position', 'Name', 'Question', 'Description', 'NumRepetitions', 'Interval', 'Color'])
    : csvLine([
        'Position',
        'Name',
        'Type',
        'Question',
        'Description',
        'FrequencyNumerator',
        'FrequencyDenominator',
        'Color',
        'Unit',
        'Target Type',
        'Target Value',
        'Archived?',
      ]);
  let text = habits;
  spec.habits.forEach((h, i) => {
    const pos = String(i + 1).padStart(3, '0');
    const color = PALETTE[h.color];
    if (opts.old) text += csvLine([pos, h.name, h.question ?? '', '', String(h.freqNum), String(h.freqDen), color]);
    else
      text += csvLine([
        pos,
        h.name,
        h.numerical ? 'NUMERICAL' : 'YES_NO',
        h.question ?? '',
        '',
        String(h.freqNum),
        String(h.freqDen),
        color,
        h.numerical ? (h.unit ?? '') : '',
        h.numerical ? (h.targetType === 'atMost' ? 'AT_MOST' : 'AT_LEAST') : '',
        h.numerical ? String(h.targetValue ?? 0) : '',
        String(!!h.archived),
      ]);
    const folder = loopFolder(i + 1, h.name);
    // Newest first, as Loop writes them.
    const rows = [...h.entries].sort((a, b) => (a.day < b.day ? 1 : -1));
    let checks = opts.old ? '' : csvLine(['Date', 'Value', 'Notes']);
    for (const e of rows) {
      const value = !opts.old && !h.numerical && e.value in NAMED ? NAMED[e.value] : String(e.value);
      checks += opts.old ? `${e.day},${e.value}\n` : csvLine([e.day, value, '']);
    }
    files[`${folder}/Checkmarks.csv`] = strToU8(checks);
    files[`${folder}/Scores.csv`] = strToU8(opts.old ? '' : 'Date,Score\n');
  });
  files['Habits.csv'] = strToU8(text);
  // The wide files at the top: the reader must not take them for a habit's.
  files['Checkmarks.csv'] = strToU8(`Date,${spec.habits.map((h) => h.name).join(',')},\n`);
  files['Scores.csv'] = strToU8(`Date,${spec.habits.map((h) => h.name).join(',')},\n`);
  return zipSync(files, { mtime: FIXED_TIME });
}

let engine: Promise<Awaited<ReturnType<typeof initSqlJs>>> | null = null;
/** sql.js in Node (tests and scripts). */
export function sqlJs(): Promise<Awaited<ReturnType<typeof initSqlJs>>> {
  engine ??= initSqlJs();
  return engine;
}

/** The SQLite backup Loop writes ("Loop Habits Backup <date>.db"), at a schema version 22 to 25. */
export async function loopDatabase(spec: LoopSpec, userVersion = 25): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  const v = userVersion;
  db.run(`create table Habits (id integer primary key autoincrement, archived integer, color integer,
    description text, freq_den integer, freq_num integer, highlight integer, name text, position integer,
    reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,
    type integer not null default 0, target_type integer not null default 0,
    target_value real not null default 0, unit text not null default ""
    ${v >= 23 ? ', question text' : ''}${v >= 24 ? ', uuid text' : ''});
  create table Repetitions (id integer primary key autoincrement, habit integer not null references habits(id),
    timestamp integer not null, value integer not null${v >= 25 ? ', notes text' : ''});
  create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
  create table Events (id integer primary key autoincrement, timestamp integer, message text, server_id integer);`);
  const addHabit = db.prepare(
    `insert into Habits (id, archived, color, description, freq_den, freq_num, highlight, name, position,
      reminder_hour, reminder_min, reminder_days, type, target_type, target_value, unit)
     values (?, ?, ?, '', ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addRep = db.prepare('insert into Repetitions (habit, timestamp, value) values (?, ?, ?)');
  db.run('begin');
  spec.habits.forEach((h, i) => {
    // Ids out of list order, as after habits were reordered in Loop: the position decides the order.
    const id = 100 + ((i * 7) % spec.habits.length);
    addHabit.run([
      id,
      h.archived ? 1 : 0,
      h.color,
      h.freqDen,
      h.freqNum,
      h.name,
      i,
      h.reminder?.hour ?? null,
      h.reminder?.min ?? null,
      h.reminder?.days ?? 0,
      h.numerical ? 1 : 0,
      h.targetType === 'atMost' ? 1 : 0,
      h.targetValue ?? 0,
      h.unit ?? '',
    ]);
    // Loop stores the original entries only: no automatic yeses.
    for (const e of h.entries) if (e.value !== 1) addRep.run([id, dayToNumber(e.day) * 86_400_000, e.value]);
  });
  if (v >= 23) db.run("update Habits set question = ''");
  if (v >= 24) db.run('update Habits set uuid = lower(hex(randomblob(16)))');
  db.run('commit');
  addHabit.free();
  addRep.free();
  db.run(`PRAGMA user_version = ${v}`);
  const bytes = db.export();
  db.close();
  return bytes;
}
