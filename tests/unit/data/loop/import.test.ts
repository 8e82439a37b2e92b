// Importing from Loop Habit Tracker: both CSV formats and the SQLite backup give the same normalised
// data (schedules, colours, archived flags, reminders; manual yeses as completions, skips and explicit
// NOs as skips, numerical habits by their target), through the backup's validation and write.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { importBackupData } from '../../../../src/data/backup/import.ts';
import { ImportError } from '../../../../src/data/errors.ts';
import { prepareLoopImport, type OpenSqlite } from '../../../../src/data/loop/open.ts';
import { listHabits } from '../../../../src/data/repo.ts';
import { addDays } from '../../../../src/learn/time.ts';
import { bigLoop, sampleLoop } from '../../../fixtures/loop/sample.ts';
import { loopCsvZip, loopDatabase, sqlJs } from '../../../support/loop-export.ts';
import { dumpDb, freshDb } from '../helpers.ts';

const NOW = new Date('2026-03-20T10:00:00.000Z');
const TODAY = '2026-03-20';
const LAST = addDays(TODAY, -1);
const openSqlite: OpenSqlite = async (bytes) => new (await sqlJs()).Database(bytes);
const prepare = (bytes: Uint8Array, name: string) =>
  prepareLoopImport(bytes, name, { openSqlite, now: NOW, offset: 60 });

beforeEach(freshDb);

/** Each habit's events as "name: day type" lines, to compare imports. */
function eventLines(r: Awaited<ReturnType<typeof prepare>>): string[] {
  const names = new Map(r.backup.habits.map((h) => [h.id, h.name]));
  return r.backup.events.map((e) => `${names.get(e.habitId!)}: ${e.day} ${e.type}`).sort();
}

describe('the CSV export, 2.3.1 and later', () => {
  it('maps schedules, colours, archive, numerical habits and every entry value', async () => {
    const r = await prepare(loopCsvZip(sampleLoop(LAST)), 'Loop Habits CSV 2026-03-19.zip');
    const h = Object.fromEntries(r.backup.habits.map((x) => [x.name, x]));
    expect(Object.keys(h)).toEqual([
      'Méditer 🧘',
      'Gym, weights',
      'Água',
      'Coffee ☕',
      'Call grandma',
      'Old Spanish lessons',
    ]);
    expect(h['Méditer 🧘']).toMatchObject({ schedule: { kind: 'daily' }, color: '#00897b', archivedAt: null });
    expect(h['Gym, weights'].schedule).toEqual({ kind: 'perWeek', times: 3 });
    expect(h['Call grandma'].schedule).toEqual({ kind: 'everyN', days: 3, from: LAST });
    expect(h['Old Spanish lessons']).toMatchObject({ schedule: { kind: 'perWeek', times: 5 }, color: '#d32f2f' });
    expect(h['Old Spanish lessons'].archivedAt).toBe('2026-03-20T11:00:00.000+01:00');
    const count = (name: string, type: string) =>
      r.backup.events.filter((e) => e.habitId === h[name].id && e.type === type).length;
    expect([count('Méditer 🧘', 'habitCompleted'), count('Méditer 🧘', 'habitSkipped')]).toEqual([19, 2]);
    expect([count('Gym, weights', 'habitCompleted'), count('Gym, weights', 'habitSkipped')]).toEqual([9, 0]);
    expect([count('Água', 'habitCompleted'), count('Água', 'habitSkipped')]).toEqual([4, 1]);
    expect([count('Coffee ☕', 'habitCompleted'), count('Coffee ☕', 'habitSkipped')]).toEqual([3, 1]);
    // Every event marks its own day, recorded at that day's last second; creation is the first day.
    expect(r.backup.events.every((e) => e.day && e.at === `${e.day}T23:59:59.000+00:00`)).toBe(true);
    expect(h['Méditer 🧘'].createdAt).toBe(`${addDays(LAST, -20)}T00:00:00.000+00:00`);
    expect(r.summary).toMatchObject({ format: 'csv', habits: 6, archived: 1, lastDay: LAST });
    expect(r.summary.notes).toEqual([
      'Água is a numerical habit: a day with at least 8 copos counts as done, any other amount as skipped',
      'Coffee ☕ is a numerical habit: a day with at most 2 cups counts as done, any other amount as skipped',
      'Old Spanish lessons: 2 times in 3 days became 5 times a week (the nearest Nudge has)',
    ]);
  });
  it('imports all or nothing, and a second import of the same file adds nothing', async () => {
    const r = await prepare(loopCsvZip(sampleLoop(LAST)), 'loop.zip');
    const first = await importBackupData(r.backup, 'merge');
    expect(first).toMatchObject({ habitsAdded: 6, eventsAdded: r.backup.events.length, eventsSkipped: 0 });
    const again = await importBackupData((await prepare(loopCsvZip(sampleLoop(LAST)), 'loop.zip')).backup, 'merge');
    expect(again).toMatchObject({ habitsAdded: 0, eventsAdded: 0 });
    expect((await listHabits({ includeArchived: true })).map((x) => x.reminderTime)).toEqual(Array(6).fill(null));
  });
});

describe('all or nothing', () => {
  it('a failure in the middle of the write (replace) leaves every table as it was', async () => {
    await importBackupData((await prepare(loopCsvZip(sampleLoop(LAST)), 'first.zip')).backup, 'merge');
    const before = await dumpDb();
    const g = globalThis as { __nudgeFaults?: Record<string, string> };
    g.__nudgeFaults = { 'import:mid': 'throw' };
    try {
      const spec = sampleLoop(LAST);
      spec.habits[0].name = 'Another name';
      const r = await prepare(await loopDatabase(spec), 'second.db');
      await expect(importBackupData(r.backup, 'replace')).rejects.toThrow(/Nothing was changed/);
    } finally {
      delete g.__nudgeFaults;
    }
    expect(await dumpDb()).toEqual(before);
  });
});

describe('the older CSV export', () => {
  it('reads headerless date,int rows and the older Habits.csv: the same yes/no history', async () => {
    const spec = sampleLoop(LAST);
    spec.habits = spec.habits.filter((x) => !x.numerical && !x.archived);
    const modern = await prepare(loopCsvZip(spec), 'new.zip');
    const old = await prepare(loopCsvZip(spec, { old: true }), 'old.zip');
    expect(eventLines(old)).toEqual(eventLines(modern));
    expect(old.backup.habits.map((x) => x.schedule)).toEqual(modern.backup.habits.map((x) => x.schedule));
  });
});

describe('the SQLite backup', () => {
  for (const version of [22, 23, 24, 25]) {
    it(`reads PRAGMA user_version ${version}: the same data as the CSV, plus reminders`, async () => {
      const csv = await prepare(loopCsvZip(sampleLoop(LAST)), 'loop.zip');
      const db = await prepare(await loopDatabase(sampleLoop(LAST), version), 'Loop Habits Backup.db');
      expect(eventLines(db)).toEqual(eventLines(csv));
      expect(db.backup.habits.map((x) => x.id)).toEqual(csv.backup.habits.map((x) => x.id));
      expect(db.backup.habits.map((x) => [x.schedule, x.color, x.archivedAt])).toEqual(
        csv.backup.habits.map((x) => [x.schedule, x.color, x.archivedAt]),
      );
      expect(db.backup.habits[0].reminderTime).toBe('07:30');
      expect(db.summary.format).toBe('db');
    });
  }
  it('the CSV and the database of one history merge into one set of habits and events', async () => {
    await importBackupData((await prepare(loopCsvZip(sampleLoop(LAST)), 'a.zip')).backup, 'merge');
    const second = await importBackupData(
      (await prepare(await loopDatabase(sampleLoop(LAST)), 'b.db')).backup,
      'merge',
    );
    expect(second).toMatchObject({ habitsAdded: 0, eventsAdded: 0 });
  });
});

describe('each problem names the file and what is wrong, and nothing is written', () => {
  async function refused(bytes: Uint8Array, name: string): Promise<string> {
    const before = await dumpDb();
    const err = await prepare(bytes, name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect(await dumpDb()).toEqual(before);
    const e = (err as ImportError).errors[0];
    return `${e.path}: ${e.message}`;
  }
  it('a zip that is not a Loop export', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    expect(await refused(zipSync({ 'notes.txt': strToU8('hello') }), 'holiday.zip')).toBe(
      "holiday.zip: this zip is not a Loop Habit Tracker export: it has no Habits.csv (export again from Loop's " +
        'settings: Export as CSV)',
    );
  });
  it('a file of another kind, and an empty one', async () => {
    expect(await refused(new TextEncoder().encode('{"app":"nudge"}'), 'backup.json')).toMatch(
      /^backup\.json: this is not a Loop Habit Tracker export: choose the "Loop Habits CSV … \.zip"/,
    );
    expect(await refused(new Uint8Array(0), 'empty.db')).toBe('empty.db: the file is empty');
  });
  it('a corrupt database', async () => {
    const good = await loopDatabase(sampleLoop(LAST));
    const bad = good.slice(0, 4096);
    bad.fill(0x55, 100);
    expect(await refused(bad, 'Loop Habits Backup.db')).toMatch(
      /^Loop Habits Backup\.db: this file is not a readable SQLite database, or it is damaged \(/,
    );
  });
  it('a database made by an old Loop', async () => {
    expect(await refused(await loopDatabase(sampleLoop(LAST), 21), 'old.db')).toBe(
      'old.db: this backup was made by an old version of Loop (database version 21; Nudge reads 22 to 25): ' +
        'open it in an up-to-date Loop and export again',
    );
  });
  it('a SQLite database that is not Loop’s', async () => {
    const SQL = await sqlJs();
    const db = new SQL.Database();
    db.run('create table notes (id integer)');
    expect(await refused(db.export(), 'other.db')).toBe(
      'other.db: this database is not a Loop Habit Tracker backup (no Habits and Repetitions tables)',
    );
  });
  it('an unreadable CSV row, with its line number', async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(loopCsvZip(sampleLoop(LAST)));
    const name = Object.keys(files).find((n) => n.startsWith('002 '))!;
    const lines = strFromU8(files[name]).split('\n');
    lines[3] = `${lines[3].split(',')[0]},MAYBE,`;
    files[name] = strToU8(lines.join('\n'));
    expect(await refused(zipSync(files), 'loop.zip')).toBe(
      'loop.zip: 002 Gym weights/Checkmarks.csv, line 4: the value must be YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN ' +
        'or a whole number, got "MAYBE"',
    );
    lines[3] = '2026-02-30,YES_MANUAL,';
    files[name] = strToU8(lines.join('\n'));
    expect(await refused(zipSync(files), 'loop.zip')).toBe(
      'loop.zip: 002 Gym weights/Checkmarks.csv, line 4: the date must be written YYYY-MM-DD, got "2026-02-30"',
    );
  });
});

describe('5 years of 20 habits', () => {
  it('read from both formats into the same validated data', async () => {
    const spec = bigLoop(LAST);
    const csv = await prepare(loopCsvZip(spec), 'big.zip');
    const db = await prepare(await loopDatabase(spec), 'big.db');
    expect(csv.summary.habits).toBe(20);
    expect(csv.backup.events.length).toBeGreaterThan(25_000);
    expect(db.backup.events).toEqual(csv.backup.events);
    expect(csv.summary.firstDay).toBe(addDays(LAST, -1825));
  });
});
