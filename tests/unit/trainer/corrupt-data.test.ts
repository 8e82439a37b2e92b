// Corrupt data in the real database (fake-indexeddb) through the real trainer service: a checkpoint with NaN
// weights, one with an unknown schema version, and events with impossible timestamps. Each is detected and set
// aside with a recorded reason (checkpoints: deactivated, the run says why; events: skipped from learning and
// listed in the meta row 'setAsideEvents', never deleted), training recovers, and no valid row is lost. The
// feature-version and truncated-array cases are covered in tests/unit/trainer/train-service.test.ts.
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../src/data/db.ts';
import type { CheckpointRow, StoredEvent } from '../../../src/data/entities.ts';
import { addDays } from '../../../src/learn/time.ts';
import { impossibleEventReason, SET_ASIDE_KEY, type SetAsideRecord } from '../../../src/data/event-check.ts';
import { readLearningInputs } from '../../../src/trainer/learning-data.ts';
import { trainAndStore } from '../../../src/trainer/train-service.ts';
import { freshDb, seedHabit } from './helpers.ts';

const CREATED = '2026-03-01';
const TODAY = addDays(CREATED, 200);
const NOW = Date.UTC(2026, 8, 17, 8, 0);
const NEXT = { today: addDays(TODAY, 1), now: NOW + 86_400_000 };

async function trainedDb(): Promise<AppDB> {
  const db = freshDb();
  await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
  const r = await trainAndStore(db, { habitIds: 'all', trigger: 'idle', today: TODAY, now: NOW }, { locks: null });
  expect(r.outcomes[0].run.promoted).toBe(true);
  return db;
}

async function active(db: AppDB): Promise<CheckpointRow> {
  const [row] = await db.checkpoints.where('[habitId+active]').equals(['read', 1]).toArray();
  return row;
}

async function expectRecovered(db: AppDB, reason: RegExp, eventsBefore: number): Promise<void> {
  const r = await trainAndStore(db, { habitIds: ['read'], trigger: 'launch', ...NEXT }, { locks: null });
  expect(r.status).toBe('done');
  const runs = await db.trainingRuns.orderBy('id').toArray();
  expect(
    runs.some((x) => reason.test(x.reason)),
    `a run records why: ${runs.map((x) => x.reason).join(' | ')}`,
  ).toBe(true);
  // A fresh model replaced the damaged one, finite throughout, and today's prediction is a real probability.
  const now = await active(db);
  expect(now.version).toBeGreaterThan(1);
  for (const w of [...now.weights, ...now.biases]) expect(Array.from(w).every(Number.isFinite)).toBe(true);
  const p = (await db.predictions.get('read'))!.p;
  expect(p).toBeGreaterThan(0);
  expect(p).toBeLessThan(1);
  // The event log is untouched.
  expect(await db.events.count()).toBe(eventsBefore);
}

describe('corrupt checkpoints are set aside with a reason and the habit retrains', () => {
  it('NaN in the weights', async () => {
    const db = await trainedDb();
    const cp = await active(db);
    const w0 = Float32Array.from(cp.weights[0]);
    w0[3] = Number.NaN;
    await db.checkpoints.update(cp.id!, { weights: [w0, ...cp.weights.slice(1)] });
    await expectRecovered(db, /^checkpoint set aside: .*(finite|NaN)/i, await db.events.count());
    expect((await db.checkpoints.get(cp.id!))!.active).toBe(0);
  });

  it('an unknown schema version (a checkpoint from a newer app)', async () => {
    const db = await trainedDb();
    const cp = await active(db);
    await db.checkpoints.update(cp.id!, { schemaVersion: 99 } as Partial<CheckpointRow>);
    await expectRecovered(
      db,
      /^checkpoint set aside: schemaVersion: 99 is not the layout this app reads/,
      await db.events.count(),
    );
    expect((await db.checkpoints.get(cp.id!))!.active).toBe(0);
  });
});

describe('events with impossible timestamps in the database', () => {
  it('do not crash training or prediction, and no valid event is lost', async () => {
    const db = await trainedDb();
    const valid = await db.events.count();
    const bad: StoredEvent[] = [
      {
        type: 'habitCompleted',
        habitId: 'read',
        habitKey: 'read',
        at: 'not a date',
        t: Number.NaN,
        offset: 60,
        day: '2026-13-45',
        key: 'bad-1',
      },
      {
        type: 'habitCompleted',
        habitId: 'read',
        habitKey: 'read',
        at: '+275760-09-13T00:00:00.000Z',
        t: 8.64e15,
        offset: 0,
        day: '275760-09-13',
        key: 'bad-2',
      },
      {
        type: 'habitSkipped',
        habitId: 'read',
        habitKey: 'read',
        at: '1900-01-01T00:00:00.000+00:00',
        t: -2208988800000,
        offset: 99_999,
        day: '1900-01-01',
        key: 'bad-3',
      },
      {
        type: 'appOpened',
        habitKey: '',
        at: '2026-09-01T08:00:00.000+01:00',
        t: Number.POSITIVE_INFINITY,
        offset: 60,
        day: '2026-09-01',
        key: 'bad-4',
      },
    ];
    await db.events.bulkAdd(bad);
    const r = await trainAndStore(db, { habitIds: ['read'], trigger: 'launch', ...NEXT }, { locks: null });
    expect(r.status).toBe('done');
    const p = (await db.predictions.get('read'))!.p;
    expect(Number.isFinite(p)).toBe(true);
    const cp = await active(db);
    for (const w of [...cp.weights, ...cp.biases]) expect(Array.from(w).every(Number.isFinite)).toBe(true);
    // Nothing deleted behind the person's back: the valid rows are all there (the bad ones too, for export/repair).
    expect(await db.events.count()).toBe(valid + bad.length);
  });

  it('are set aside from learning with a recorded reason per row, recorded once, and kept', async () => {
    const db = await trainedDb();
    const valid = await db.events.count();
    const bad: StoredEvent[] = [
      {
        type: 'habitCompleted',
        habitId: 'read',
        habitKey: 'read',
        at: 'not a date',
        t: Number.NaN,
        offset: 60,
        day: '2026-09-01',
        key: 'nan-t',
      },
      {
        type: 'habitCompleted',
        habitId: 'read',
        habitKey: 'read',
        at: '+275760-09-13T00:00:00.000Z',
        t: 8.64e15,
        offset: 0,
        day: '2026-09-02',
        key: 'year-275760',
      },
      {
        type: 'habitSkipped',
        habitId: 'read',
        habitKey: 'read',
        at: '2026-09-03T00:00:00.000+00:00',
        t: Date.UTC(2026, 8, 3),
        offset: 19 * 60,
        day: '2026-09-03',
        key: 'offset-19h',
      },
      {
        type: 'habitCompleted',
        habitId: 'read',
        habitKey: 'read',
        at: '2026-02-30T08:00:00.000+00:00',
        t: Date.UTC(2026, 2, 2, 8),
        offset: 0,
        day: '2026-02-30',
        key: 'feb-30',
      },
    ];
    await db.events.bulkAdd(bad);
    const before = await db.events.orderBy('id').toArray();
    // A full read (the stored learner's earlier days changed) sees every valid row and none of the bad ones.
    const read = await readLearningInputs(db, ['read'], NEXT.today);
    expect(read.inputs[0].mode).toBe('repair');
    expect(read.setAside).toHaveLength(4);
    expect(before.length - read.setAside!.length).toBe(valid);

    const r = await trainAndStore(db, { habitIds: ['read'], trigger: 'launch', ...NEXT }, { locks: null });
    expect(r.status).toBe('done');
    const rec = (await db.meta.get(SET_ASIDE_KEY))?.value as SetAsideRecord;
    expect(rec.count).toBe(4);
    const reasons = Object.fromEntries(rec.events.map((e) => [e.key, e.reason]));
    expect(reasons['nan-t']).toMatch(/not a finite number/);
    expect(reasons['year-275760']).toMatch(/out of range: year 275760/);
    expect(reasons['offset-19h']).toMatch(/offset impossible: 1140 min/);
    expect(reasons['feb-30']).toMatch(/not a real date: "2026-02-30"/);
    for (const e of rec.events) expect(e.id).toBe(before.find((b) => b.key === e.key)!.id);
    expect(rec.summary).toMatch(
      /^4 events with impossible timestamps set aside from learning \(kept in the database\)/,
    );

    // Recorded once: another run with the same rows leaves the record as it was.
    await trainAndStore(db, { habitIds: ['read'], trigger: 'manual', ...NEXT }, { locks: null });
    expect((await db.meta.get(SET_ASIDE_KEY))?.value).toEqual(rec);
    // Lossless: every row, bad ones included, is still stored unchanged.
    expect(await db.events.orderBy('id').toArray()).toEqual(before);

    // Once the rows are repaired away (here: deleted by hand), the record goes too.
    await db.events
      .where('key')
      .anyOf(bad.map((b) => b.key))
      .delete();
    await readLearningInputs(db, 'all', NEXT.today);
    expect(await db.meta.get(SET_ASIDE_KEY)).toBeUndefined();
  });
});

describe('impossibleEventReason', () => {
  const fine = { type: 'habitCompleted', t: Date.UTC(2026, 0, 1), offset: 60, day: '2026-01-01' } as const;
  it('accepts a real event and names what is wrong with each impossible one', () => {
    expect(impossibleEventReason(fine)).toBeNull();
    expect(impossibleEventReason({ ...fine, offset: -18 * 60 })).toBeNull();
    expect(impossibleEventReason({ ...fine, t: Number.POSITIVE_INFINITY })).toMatch(/not a finite number/);
    expect(impossibleEventReason({ ...fine, t: -1 })).toMatch(/out of range: year 1969/);
    expect(impossibleEventReason({ ...fine, offset: 18 * 60 + 1 })).toMatch(/beyond \+-18 h/);
    expect(impossibleEventReason({ ...fine, offset: 30.5 })).toMatch(/offset impossible/);
    expect(impossibleEventReason({ ...fine, day: '2026-13-01' })).toMatch(/not a real date/);
    expect(impossibleEventReason({ ...fine, day: '1900-01-01' })).toMatch(/day out of range/);
    expect(impossibleEventReason({ ...fine, type: 'bogus' as never })).toMatch(/unknown event type "bogus"/);
  });
});
