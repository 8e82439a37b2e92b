// Schedules in the data: the v2 -> v3 upgrade makes every habit daily, the repository checks
// schedules, backup v2 carries them both ways, and version-1 files still import (as daily).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupToText, exportBackup } from '../../../src/data/backup/export.ts';
import { importBackup } from '../../../src/data/backup/import.ts';
import { parseBackup } from '../../../src/data/backup/validate.ts';
import { DB_NAME, DB_VERSION, SCHEMA } from '../../../src/data/db.ts';
import {
  allEventsForLearning,
  createHabit,
  eventsForHabit,
  getDb,
  listHabits,
  updateHabit,
} from '../../../src/data/repo.ts';
import { sampleBackup, sampleBackupV1 } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);

describe('migration v2 -> v3', () => {
  it('opens a version-2 database with the new code: every habit becomes daily, nothing else changes', async () => {
    const old = new Dexie(DB_NAME);
    old.version(2).stores(SCHEMA[2]);
    const habits = [
      {
        id: 'read',
        name: 'Read',
        createdAt: '2026-01-01T08:00:00.000+01:00',
        createdDay: '2026-01-01',
        archivedAt: null,
        order: 0,
        reminderTime: '21:00',
        color: '#3a7bd5',
      },
      {
        id: 'old',
        name: 'Old',
        createdAt: '2026-01-02T08:00:00.000+01:00',
        createdDay: '2026-01-02',
        archivedAt: '2026-02-01T08:00:00.000+01:00',
        order: 1,
        demo: true,
      },
    ];
    const event = {
      type: 'habitCompleted',
      habitId: 'read',
      at: '2026-01-01T21:40:00.000+01:00',
      t: Date.parse('2026-01-01T21:40:00.000+01:00'),
      offset: 60,
      day: '2026-01-01',
      habitKey: 'read',
      key: 'habitCompleted|read|2026-01-01T21:40:00.000+01:00|',
    };
    await old.table('habits').bulkAdd(habits);
    await old.table('events').add(event);
    await old.table('meta').put({ key: 'installMarker', value: { id: 'x' } });
    old.close();

    const db = getDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(3);
    expect(await listHabits({ includeArchived: true })).toEqual(
      habits.map((h) => ({ ...h, schedule: { kind: 'daily' } })),
    );
    expect(await eventsForHabit('read')).toEqual([{ ...event, id: 1 }]);
    // The two indexes no screen or reader queries are gone; readers in time order sort in memory.
    expect(db.events.schema.indexes.map((i) => i.name).sort()).toEqual(['[habitKey+day]', 'key']);
    expect((await allEventsForLearning()).map((e) => e.day)).toEqual(['2026-01-01']);
    expect((await db.meta.get('installMarker'))?.value).toEqual({ id: 'x' });
  });
});

describe('the repository', () => {
  it('stores a new habit as daily unless told, and refuses a bad schedule naming the field', async () => {
    const a = await createHabit({ name: 'Read' });
    expect(a.schedule).toEqual({ kind: 'daily' });
    const b = await createHabit({ name: 'Gym', schedule: { kind: 'weekdays', days: [4, 2] } });
    expect(b.schedule).toEqual({ kind: 'weekdays', days: [2, 4] });
    await expect(createHabit({ name: 'X', schedule: { kind: 'perWeek', times: 0 } })).rejects.toThrow(
      'Schedule times: must be a whole number of times per week, 1 to 7, got 0',
    );
    await updateHabit(a.id, { schedule: { kind: 'everyN', days: 3, from: '2026-01-01' } });
    await expect(updateHabit(a.id, { schedule: { kind: 'everyN', days: 3, from: 'soon' } as never })).rejects.toThrow(
      /Schedule from: must be the first due day/,
    );
    expect((await listHabits()).map((h) => h.schedule)).toEqual([
      { kind: 'everyN', days: 3, from: '2026-01-01' },
      { kind: 'weekdays', days: [2, 4] },
    ]);
  });
});

describe('backup v2', () => {
  it('export writes version 2 with every schedule, and export -> import -> export is identical', async () => {
    const b = sampleBackup();
    b.habits[0].schedule = { kind: 'everyN', days: 2, from: '2026-01-01' };
    await importBackup(JSON.stringify(b), 'replace');
    const first = await exportBackup(at('2026-11-24T08:00:00Z'));
    expect(first.version).toBe(2);
    expect(first.habits.map((h) => h.schedule)).toEqual([
      { kind: 'everyN', days: 2, from: '2026-01-01' },
      { kind: 'perWeek', times: 3 },
    ]);
    await freshDb();
    await importBackup(backupToText(first), 'replace');
    expect(await exportBackup(at('2026-11-24T08:00:00Z'))).toEqual(first);
  });
  it('a version-1 file still imports, its habits daily, and exports again as version 2', async () => {
    const r = await importBackup(JSON.stringify(sampleBackupV1()), 'replace');
    expect(r).toMatchObject({ habitsAdded: 2, eventsAdded: 7 });
    expect((await listHabits({ includeArchived: true })).map((h) => h.schedule)).toEqual([
      { kind: 'daily' },
      { kind: 'daily' },
    ]);
    const out = await exportBackup(at('2026-11-24T08:00:00Z'));
    expect(out.version).toBe(2);
    expect(out.events).toEqual(sampleBackupV1().events.sort((a, c) => Date.parse(a.at) - Date.parse(c.at)));
  });
  it('a bad schedule is refused with its path, and nothing is written', async () => {
    await createHabit({ name: 'Here' });
    const before = await dumpDb();
    const b = sampleBackup() as unknown as { habits: Record<string, unknown>[] };
    b.habits[1].schedule = { kind: 'perWeek', times: 12 };
    b.habits[0].schedule = { kind: 'fortnightly' };
    const parsed = parseBackup(JSON.stringify(b));
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      {
        path: 'habits[0].schedule.kind',
        message: 'must be one of daily, weekdays, perWeek, everyN, got "fortnightly"',
      },
      { path: 'habits[1].schedule.times', message: 'must be a whole number of times per week, 1 to 7, got 12' },
    ]);
    await expect(importBackup(JSON.stringify(b), 'merge')).rejects.toThrow(/habits\[0\]\.schedule\.kind/);
    expect(await dumpDb()).toEqual(before);
  });
  it('merge keeps the schedule of a habit already here; replace takes the file', async () => {
    await importBackup(JSON.stringify(sampleBackup()), 'replace');
    await updateHabit('run', { schedule: { kind: 'weekdays', days: [6] } });
    await importBackup(JSON.stringify(sampleBackup()), 'merge');
    expect((await getDb().habits.get('run'))?.schedule).toEqual({ kind: 'weekdays', days: [6] });
    await importBackup(JSON.stringify(sampleBackup()), 'replace');
    expect((await getDb().habits.get('run'))?.schedule).toEqual({ kind: 'perWeek', times: 3 });
  });
});
