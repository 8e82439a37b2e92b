// The v1 -> v2 upgrade keeps only rows the backup rules accept: a v1 database full of odd rows
// upgrades to one whose export imports again, with every refused row quarantined with its reason,
// every filled-in habit field recorded, and nothing valid lost.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { beforeEach, expect, it } from 'vitest';
import { exportBackupChecked, backupToText } from '../../../src/data/backup/export.ts';
import { parseBackup } from '../../../src/data/backup/validate.ts';
import { getDb } from '../../../src/data/connection.ts';
import { DB_NAME, SCHEMA } from '../../../src/data/db.ts';
import { QUARANTINE_KEY, REPAIRS_KEY } from '../../../src/data/migrations.ts';
import { listHabits } from '../../../src/data/repo.ts';
import { parseInstant } from '../../../src/learn/time.ts';
import { at, freshDb } from './helpers.ts';

beforeEach(freshDb);

const GOOD_EVENTS = [
  { type: 'appOpened', at: '2026-01-01T08:00:00.000+01:00' },
  { type: 'habitCompleted', habitId: 'read', at: '2026-01-02T21:00:00.000+01:00' },
  { type: 'habitCompleted', habitId: 'read', at: '2026-01-04T08:00:00.000+01:00', day: '2026-01-03' },
  { type: 'habitSkipped', habitId: 'nocreated', at: '2026-01-05T21:00:00.000+01:00' },
  { type: 'habitCompleted', habitId: 'nocreated', at: '2026-01-06T08:00:00.000+01:00', day: '2026-01-04' },
  { type: 'habitCompleted', habitId: 'messy', at: '2026-01-02T20:00:00.000+01:00' },
];
const BAD_EVENTS: [Record<string, unknown>, string][] = [
  [
    { type: 'habitCompleted', habitId: 'gone', at: '2026-01-03T21:00:00.000+01:00' },
    'habitId: No habit with id "gone" in this file',
  ],
  [
    { type: 'habitCompleted', habitId: 'read', at: '2026-01-04T08:00:00.000+01:00', day: '2026-01-09' },
    'day: 2026-01-09 is after the day the event was recorded (2026-01-04): a day can only be marked afterwards',
  ],
  [
    { type: 'habitCompleted', habitId: 'read', at: '2026-01-05T09:00:00.000+01:00', day: '2026-1-4' },
    'day: must be written YYYY-MM-DD, got "2026-1-4"',
  ],
  [
    { type: 'habitCompleted', habitId: 'read', at: '2025-12-31T21:00:00.000+01:00' },
    'at: 2025-12-31T21:00:00.000+01:00 is on 2025-12-31, before habit "read" was created (2026-01-01)',
  ],
  [
    { type: 'habitCompleted', habitId: 'read', at: '2026-01-05T09:00:00.000+01:00', day: '2025-12-30' },
    'day: 2025-12-30 is before habit "read" was created (2026-01-01)',
  ],
  [
    { type: 'habitCompleted', habitId: 'read', at: '1969-07-20T21:00:00.000+01:00' },
    'at: 1969-07-20T21:00:00.000+01:00 is before 1970: no Nudge data is that old (a typo in the year?)',
  ],
  [
    { type: 'habitDone', habitId: 'read', at: '2026-01-02T21:00:00.000+01:00' },
    'type: Unknown event type "habitDone": ' +
      'expected one of appOpened, reminderTapped, habitCompleted, habitSkipped, reminderShown',
  ],
  [{ type: 'habitCompleted', habitId: 'read', at: '2026-01-02T21:00:00+01:00' }, 'duplicate of an earlier event'],
];

async function v1Database(): Promise<void> {
  const old = new Dexie(DB_NAME);
  old.version(1).stores(SCHEMA[1]);
  await old.table('habits').bulkAdd([
    {
      id: 'read',
      name: 'Read',
      createdAt: '2026-01-01T08:00:00.000+01:00',
      archivedAt: null,
      reminderTime: '21:00',
      color: '#3a7bd5',
    },
    { id: 'nocreated', name: 'Old habit' },
    { id: 'lonely', name: 'Never done', createdAt: '' },
    {
      id: 'messy',
      name: 'x'.repeat(70),
      createdAt: '2026-01-02T07:00:00.000+01:00',
      archivedAt: 'last week',
      reminderTime: '9pm',
      color: 'blue',
    },
  ]);
  await old
    .table('events')
    .bulkAdd([
      ...GOOD_EVENTS,
      { type: 'appOpened', habitId: 'read', at: '2026-01-03T08:00:00.000+01:00' },
      ...BAD_EVENTS.map(([row]) => row),
    ]);
  old.close();
}

it('upgrades a v1 database with rows the import would refuse into one whose export imports again', async () => {
  await v1Database();
  const before = Date.now();
  await getDb().open();
  const after = Date.now();

  const { backup, leftOut } = await exportBackupChecked(at('2026-02-01T00:00:00Z'));
  expect(leftOut).toEqual([]);
  const parsed = parseBackup(backupToText(backup));
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);

  // Nothing valid is lost: every good row is in the file as it was written, the appOpened without its stray habitId.
  const key = (e: { type: unknown; habitId?: unknown; at: unknown; day?: unknown }) =>
    `${e.type}|${e.habitId ?? ''}|${Date.parse(e.at as string)}|${e.day ?? ''}`;
  const expected = [...GOOD_EVENTS, { type: 'appOpened', at: '2026-01-03T08:00:00.000+01:00' }].map(key).sort();
  expect(backup.events.map(key).sort()).toEqual(expected);

  // Each refused row is kept aside, whole, with the rule it breaks.
  const q = (await getDb().meta.get(QUARANTINE_KEY))?.value as {
    table: string;
    row: Record<string, unknown>;
    reason: string;
  }[];
  const pairs = (list: [unknown, string][]) => list.map(([row, reason]) => JSON.stringify([row, reason])).sort();
  expect(pairs(q.map(({ row: { id: _id, ...row }, reason }) => [row, reason]))).toEqual(pairs(BAD_EVENTS));
  expect(q.every((x) => x.table === 'events')).toBe(true);

  // Habits: fields the rules refuse are filled in or cleared, and each choice is written down.
  const habits = await listHabits({ includeArchived: true });
  const byId = new Map(habits.map((h) => [h.id, h]));
  expect(byId.get('read')).toMatchObject({
    createdAt: '2026-01-01T08:00:00.000+01:00',
    reminderTime: '21:00',
    color: '#3a7bd5',
    archivedAt: null,
  });
  // Its earliest event marks Jan 4 from Jan 6, so it existed from the start of Jan 4.
  expect(byId.get('nocreated')).toMatchObject({ createdAt: '2026-01-04T00:00:00.000+01:00', createdDay: '2026-01-04' });
  const lonely = parseInstant(byId.get('lonely')!.createdAt)!.t;
  expect(lonely >= before && lonely <= after).toBe(true);
  expect(byId.get('messy')).toMatchObject({ name: 'x'.repeat(60), reminderTime: null, color: null });
  expect(parseInstant(byId.get('messy')!.archivedAt!)!.t).toBeGreaterThanOrEqual(before);
  const repairs = (await getDb().meta.get(REPAIRS_KEY))?.value as {
    id: string;
    field: string;
    was: unknown;
    now: unknown;
    reason: string;
  }[];
  expect(repairs.map((r) => [r.id, r.field, r.was])).toEqual([
    // v1 table order: by id
    ['lonely', 'createdAt', ''],
    ['messy', 'name', 'x'.repeat(70)],
    ['messy', 'archivedAt', 'last week'],
    ['messy', 'reminderTime', '9pm'],
    ['messy', 'color', 'blue'],
    ['nocreated', 'createdAt', undefined],
  ]);
  expect(repairs[0].reason).toMatch(/set to the time of the upgrade \(it has no events\)$/);
  expect(repairs[5]).toMatchObject({
    now: '2026-01-04T00:00:00.000+01:00',
    reason: expect.stringMatching(/set to its earliest event$/),
  });
});

it('quarantines a v1 habit whose id the backup format cannot hold, and its events with it', async () => {
  const old = new Dexie(DB_NAME);
  old.version(1).stores(SCHEMA[1]);
  await old.table('habits').bulkAdd([
    { id: 7, name: 'Numbered', createdAt: '2026-01-01T08:00:00.000+01:00', archivedAt: null },
    { id: 'read', name: 'Read', createdAt: '2026-01-01T08:00:00.000+01:00', archivedAt: null },
  ]);
  await old.table('events').add({ type: 'habitCompleted', habitId: 7, at: '2026-01-02T21:00:00.000+01:00' });
  old.close();
  await getDb().open();
  expect((await listHabits()).map((h) => h.id)).toEqual(['read']);
  const q = (await getDb().meta.get(QUARANTINE_KEY))?.value as { table: string; reason: string }[];
  expect(q.map((x) => [x.table, x.reason])).toEqual([
    ['habits', 'id: Habit id must be text of 1 to 100 characters, got number 7'],
    ['events', 'habitId: must be text, got number 7'],
  ]);
  const parsed = parseBackup(backupToText((await exportBackupChecked()).backup));
  expect(parsed.ok).toBe(true);
});
