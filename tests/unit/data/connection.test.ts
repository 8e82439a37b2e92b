// Schema history and connection life: the v1 -> v2 migration, another tab upgrading, a lost connection.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB, DB_NAME, DB_VERSION, SCHEMA } from '../../../src/data/db.ts';
import { getDb, isConnectionLost, resetDb, setOnVersionChange, withDb } from '../../../src/data/connection.ts';
import { QUARANTINE_KEY } from '../../../src/data/migrations.ts';
import { createHabit, listHabits, recordEvent, eventsForHabit, allEventsForLearning } from '../../../src/data/repo.ts';
import { at, freshDb } from './helpers.ts';

beforeEach(freshDb);

describe('migration v1 -> v2', () => {
  it('opens a version-1 database with the new code and finds everything intact and upgraded', async () => {
    // The old app: raw Dexie with the v1 schema and v1-shaped rows.
    const old = new Dexie(DB_NAME);
    old.version(1).stores(SCHEMA[1]);
    await old.table('habits').bulkAdd([
      { id: 'run', name: 'Run', createdAt: '2026-02-01T07:00:00.000+01:00', archivedAt: null },
      {
        id: 'read',
        name: 'Read 10 pages',
        createdAt: '2026-01-01T21:00:00.000+01:00',
        archivedAt: '2026-03-01T10:00:00.000+01:00',
      },
    ]);
    await old.table('events').bulkAdd([
      { type: 'appOpened', at: '2026-01-01T08:00:00.000+01:00' },
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-01T23:50:00.000+01:00' },
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-03T09:00:00.000+01:00', day: '2026-01-02' },
      { type: 'habitSkipped', habitId: 'run', at: '2026-02-02T07:00:00.000-05:00' },
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-05 21:00' }, // no offset: cannot be placed
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-01T23:50:00+01:00' }, // same event again
    ]);
    await old.table('meta').put({ key: 'installMarker', value: { id: 'abc' } });
    old.close();

    const db = getDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const habits = await listHabits({ includeArchived: true });
    expect(habits).toEqual([
      {
        id: 'read',
        name: 'Read 10 pages',
        createdAt: '2026-01-01T21:00:00.000+01:00',
        createdDay: '2026-01-01',
        archivedAt: '2026-03-01T10:00:00.000+01:00',
        order: 0,
        reminderTime: null,
        color: null,
        schedule: { kind: 'daily' },
      },
      {
        id: 'run',
        name: 'Run',
        createdAt: '2026-02-01T07:00:00.000+01:00',
        createdDay: '2026-02-01',
        archivedAt: null,
        order: 1,
        reminderTime: null,
        color: null,
        schedule: { kind: 'daily' },
      },
    ]);
    const read = await eventsForHabit('read');
    expect(read.map((e) => [e.day, e.marked ?? false, e.at])).toEqual([
      ['2026-01-01', false, '2026-01-01T23:50:00.000+01:00'],
      ['2026-01-02', true, '2026-01-03T09:00:00.000+01:00'],
    ]);
    expect(read[0]).toMatchObject({
      habitKey: 'read',
      offset: 60,
      key: 'habitCompleted|read|2026-01-01T23:50:00.000+01:00|',
    });
    const all = await allEventsForLearning();
    expect(all.map((e) => e.type)).toEqual(['appOpened', 'habitCompleted', 'habitCompleted', 'habitSkipped']);
    expect(all[3]).toMatchObject({ habitId: 'run', offset: -300, day: '2026-02-02' });
    // Rows that could not be upgraded are kept aside, not lost.
    const q = (await db.meta.get(QUARANTINE_KEY))?.value as { reason: string }[];
    expect(q.map((x) => x.reason)).toEqual([
      'at: timestamp "2026-01-05 21:00" has no UTC offset: add it (e.g. +01:00 or Z) so the local day is known',
      'duplicate of an earlier event',
    ]);
    expect((await db.meta.get('installMarker'))?.value).toEqual({ id: 'abc' });
    // The new tables exist and the new indexes work.
    expect(await db.checkpoints.count()).toBe(0);
    expect(await db.events.where('[habitKey+day]').between(['read', ''], ['read', '\uffff']).count()).toBe(2);
    // And the app keeps working on the upgraded database.
    const h = await createHabit({ name: 'Meditate' });
    expect(h.order).toBe(2);
  });
});

describe('versionchange', () => {
  it('closes this connection and calls the hook when another connection upgrades', async () => {
    const hook = vi.fn();
    setOnVersionChange(hook);
    await createHabit({ name: 'Read' });
    const first = getDb();
    expect(first.isOpen()).toBe(true);
    // Another tab running a newer app: the same AppDB class with one more version.
    class NewerAppDB extends AppDB {
      constructor() {
        super();
        this.version(DB_VERSION + 1).stores({ ...SCHEMA[2], extra: 'id' });
      }
    }
    const newer = new NewerAppDB();
    await newer.open();
    expect(newer.verno).toBe(DB_VERSION + 1);
    expect(hook).toHaveBeenCalledTimes(1);
    expect(first.isOpen()).toBe(false);
    expect(getDb()).not.toBe(first); // the stale instance is forgotten
    expect(await newer.table('habits').count()).toBe(1); // nothing lost
    newer.close();
    setOnVersionChange(() => {});
  });
});

describe('lost connection', () => {
  it('reopens and retries when the db was closed underneath (db.close())', async () => {
    const h = await createHabit({ name: 'Read' });
    getDb().close();
    // Without the repository's retry, the closed connection fails: the test below is not vacuous.
    await expect(getDb().habits.toArray()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    const e = await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-03-01T10:00:00Z'), 0);
    expect(e.id).toBeGreaterThan(0);
    expect((await eventsForHabit(h.id)).length).toBe(1);
  });

  it('reopens and retries when the underlying IDBDatabase was closed (as iOS does)', async () => {
    const h = await createHabit({ name: 'Read' });
    getDb().backendDB().close();
    await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-03-01T10:00:00Z'), 0);
    getDb().backendDB().close();
    expect((await listHabits()).length).toBe(1);
    expect((await eventsForHabit(h.id)).length).toBe(1);
  });

  it('retries once on WebKit\'s "Connection to Indexed Database server lost", with a reopened db', async () => {
    await createHabit({ name: 'Read' });
    let calls = 0;
    const n = await withDb(async (db) => {
      calls++;
      if (calls === 1)
        throw Object.assign(new Error('Connection to Indexed Database server lost. Refresh the page to try again'), {
          name: 'UnknownError',
        });
      return db.habits.count();
    });
    expect([calls, n]).toEqual([2, 1]);
    expect(isConnectionLost({ name: 'AbortError', inner: { name: 'InvalidStateError' } })).toBe(true);
    expect(isConnectionLost(new Error('ConstraintError'))).toBe(false);
  });

  it('does not retry on a real error', async () => {
    resetDb();
    const open = vi.spyOn(AppDB.prototype, 'open');
    await expect(recordEvent({ type: 'habitCompleted', habitId: 'ghost' })).rejects.toThrow('No habit');
    expect(open.mock.calls.length).toBeLessThanOrEqual(1);
    open.mockRestore();
  });
});
