// The trainer service against a real (fake-indexeddb) AppDB: atomic writes, set-aside checkpoints,
// rollback, version pruning, fault injection before commit and the one-trainer-at-a-time lock.
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../src/data/db.ts';
import type { CheckpointRow } from '../../../src/data/entities.ts';
import { addDays } from '../../../src/learn/time.ts';
import { insights } from '../../../src/trainer/insights.ts';
import { KEEP_VERSIONS, predictAllAndStore, rollback, trainAndStore } from '../../../src/trainer/train-service.ts';
import { dump, fakeLocks, freshDb, seedHabit } from './helpers.ts';
import { learnerFromCheckpoint } from '../../../src/learn/checkpoint.ts';
import { DEFAULT_CONFIG } from '../../../src/learn/config.ts';
import { foldDays, predictToday } from '../../../src/learn/night.ts';
import { fastDayNumber, indexEvents } from '../../../src/learn/predict/days.ts';
import type { Prediction } from '../../../src/learn/types.ts';
import { toLearningEvent } from '../../../src/data/eventRow.ts';

const CREATED = '2026-03-01';
const TODAY = addDays(CREATED, 200);
const NOW = Date.UTC(2026, 8, 17, 8, 0);

async function trainedDb(): Promise<AppDB> {
  const db = freshDb();
  await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
  const r = await trainAndStore(db, { habitIds: 'all', trigger: 'idle', today: TODAY, now: NOW }, { locks: null });
  expect(r.status).toBe('done');
  expect(r.outcomes[0].run.promoted).toBe(true);
  return db;
}

/** What checkpoint `version` of 'read' predicts for `today`, its learner folded up to it from the stored log. */
async function decisionWith(db: AppDB, version: number, today: string, now: number): Promise<Prediction> {
  const row = (await checkpoints(db)).find((c) => c.version === version)!;
  const s = learnerFromCheckpoint(row);
  foldDays(s, indexEvents((await db.events.toArray()).map(toLearningEvent)), fastDayNumber(today), DEFAULT_CONFIG);
  return predictToday(s, DEFAULT_CONFIG, now, version);
}

async function checkpoints(db: AppDB, id = 'read'): Promise<CheckpointRow[]> {
  return (await db.checkpoints.where('habitId').equals(id).toArray()).sort((a, b) => a.version - b.version);
}

describe('trainAndStore', () => {
  it('writes the checkpoint, the run and the prediction together, with the trigger recorded', async () => {
    const db = await trainedDb();
    const cps = await checkpoints(db);
    expect(cps.map((c) => [c.version, c.active])).toEqual([[1, 1]]);
    expect(cps[0].weights[0]).toBeInstanceOf(Float32Array);
    const runs = await db.trainingRuns.toArray();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ habitId: 'read', trigger: 'idle', promoted: true, checkpointVersion: 1 });
    expect(runs[0].durationMs).toBeGreaterThan(0);
    expect(runs[0].samples).toBeGreaterThan(100);
    expect(cps[0].trainedThrough).toBe(addDays(TODAY, -1));
    expect(cps[0].sync).toMatchObject({ habitEvents: expect.any(Number), opens: expect.any(Number) });
    const pred = await db.predictions.get('read');
    // The stored prediction is the checkpoint's: its learner, already at today, predicts it again exactly.
    expect(pred).toEqual(await decisionWith(db, 1, TODAY, NOW));
    expect(pred).toMatchObject({ habitId: 'read', day: TODAY });
    expect(pred!.p).toBeGreaterThan(0);
    expect(pred!.p).toBeLessThan(1);
  });

  it('rebuilds the learner around its network when the habit gets a schedule (other days are labels now)', async () => {
    const db = await trainedDb();
    await db.habits.update('read', { schedule: { kind: 'weekdays', days: [1, 3, 5] } });
    const r = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'manual', today: addDays(TODAY, 1), now: NOW + 86_400_000 },
      { locks: null },
    );
    expect(r.outcomes[0].run.reason).toMatch(/rebuilt from the history/);
    const [, v2] = await checkpoints(db);
    expect(v2.learner.schedule).toEqual({ kind: 'weekdays', days: [1, 3, 5] });
    // Only Mondays, Wednesdays and Fridays of the 201 days are labels now.
    expect(v2.learner.context.days).toBeLessThan(100);
  });

  it('reports habits that do not exist instead of dropping them silently, and trains the rest', async () => {
    const db = await trainedDb();
    const r = await trainAndStore(
      db,
      { habitIds: ['gone', 'read'], trigger: 'manual', today: addDays(TODAY, 1), now: NOW + 86_400_000 },
      { locks: null },
    );
    expect(r.missing).toEqual(['gone']);
    expect(r.outcomes.map((o) => o.habitId)).toEqual(['read']);
  });

  it('sets aside a checkpoint of another feature version, records why, and retrains from scratch', async () => {
    const db = await trainedDb();
    const [v1] = await checkpoints(db);
    await db.checkpoints.update(v1.id!, { featureVersion: 999 });
    const r = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'launch', today: addDays(TODAY, 1), now: NOW + 86_400_000 },
      { locks: null },
    );
    const runs = await db.trainingRuns.orderBy('id').toArray();
    expect(runs[1].reason).toMatch(/^checkpoint set aside: featureVersion: .*v999/);
    expect(runs[1]).toMatchObject({ promoted: false, samples: 0, trigger: 'launch' });
    expect(runs[2].reason).not.toMatch(/set aside|refused/);
    const cps = await checkpoints(db);
    expect(cps.find((c) => c.version === 1)!.active).toBe(0);
    // Retrained from scratch on the same learnable history: promoted as a new version.
    expect(r.outcomes[0].activeVersion).toBe(2);
    expect(cps.filter((c) => c.active).map((c) => c.version)).toEqual([2]);
  });

  it('sets aside a checkpoint of the old engine (schema 1) and rebuilds from the history', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    const events = await db.events.count();
    const f = (n: number) => new Float32Array(n);
    // The old layout: a network, its refit twin and hold-out metrics, no learner state.
    const net = { weights: [f(160), f(128), f(8)], biases: [f(16), f(8), f(1)] };
    const opt = {
      step: 40,
      mW: [f(160), f(128), f(8)],
      vW: [f(160), f(128), f(8)],
      mB: [f(16), f(8), f(1)],
      vB: [f(16), f(8), f(1)],
    };
    const old = {
      schemaVersion: 1,
      habitId: 'read',
      version: 4,
      config: { layers: [10, 16, 8, 1] },
      featureVersion: 1,
      ...net,
      optimizer: opt,
      step: 4000,
      trainedThrough: addDays(TODAY, -20),
      metrics: {
        model: { n: 14, logLoss: 0.5, brier: 0.2, auc: 0.7 },
        baseline: { n: 14, logLoss: 0.6, brier: 0.2, auc: 0.6 },
        active: null,
      },
      createdAt: NOW - 20 * 86_400_000,
      trigger: 'idle',
      refit: { ...net, optimizer: opt, evidence: 1.5, evidenceThrough: addDays(TODAY, -20) },
      active: 1,
    };
    await db.checkpoints.add(old as unknown as CheckpointRow);
    const r = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'launch', today: TODAY, now: NOW },
      { locks: null },
    );
    const runs = await db.trainingRuns.orderBy('id').toArray();
    expect(runs[0].reason).toMatch(/^checkpoint set aside: schemaVersion: 1 is not the layout this app reads/);
    expect(r.outcomes[0].activeVersion).toBe(5);
    const cps = await checkpoints(db);
    expect(cps.map((c) => [c.version, c.active, c.schemaVersion])).toEqual([
      [4, 0, 1],
      [5, 1, 2],
    ]);
    // Rebuilt from the whole history: every labelled day since creation is in the new learner.
    expect(cps[1].learner.context.days).toBe(200);
    expect(await db.events.count()).toBe(events);
  });

  it('sets aside a truncated checkpoint too, and keeps only the last versions', async () => {
    const db = await trainedDb();
    const [v1] = await checkpoints(db);
    // Six kept versions, the newest (active) one damaged.
    const { id: _drop, ...base } = v1;
    void _drop;
    await db.checkpoints.update(v1.id!, { active: 0 });
    for (let v = 2; v <= 6; v++) await db.checkpoints.add({ ...base, version: v, active: v === 6 ? 1 : 0 });
    const six = (await checkpoints(db)).find((c) => c.version === 6)!;
    await db.checkpoints.update(six.id!, { weights: [six.weights[0].slice(0, 5), six.weights[1], six.weights[2]] });
    const r = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'charging', today: addDays(TODAY, 1), now: NOW + 86_400_000 },
      { locks: null },
    );
    expect(r.outcomes[0].activeVersion).toBe(7);
    const cps = await checkpoints(db);
    expect(cps.map((c) => c.version)).toEqual([3, 4, 5, 6, 7]);
    expect(cps).toHaveLength(KEEP_VERSIONS);
    expect(cps.filter((c) => c.active).map((c) => c.version)).toEqual([7]);
    const runs = await db.trainingRuns.toArray();
    expect(runs.some((x) => /^checkpoint set aside: weights\[0\]: must hold 160 numbers, got 5/.test(x.reason))).toBe(
      true,
    );
    expect(await db.predictions.get('read')).toEqual(await decisionWith(db, 7, addDays(TODAY, 1), NOW + 86_400_000));
  });

  it('leaves the previous checkpoint active and intact when the write fails before commit', async () => {
    const db = await trainedDb();
    const before = await dump(db);
    const boom = new Error('injected failure before commit');
    await expect(
      trainAndStore(
        db,
        { habitIds: ['read'], trigger: 'manual', today: addDays(TODAY, 3), now: NOW + 3 * 86_400_000 },
        {
          locks: null,
          hooks: {
            beforeCommit: () => {
              throw boom;
            },
          },
        },
      ),
    ).rejects.toThrow('injected failure before commit');
    expect(await dump(db)).toEqual(before);
    // And the next run works normally from that intact state.
    const r = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'manual', today: addDays(TODAY, 3), now: NOW + 3 * 86_400_000 },
      { locks: null },
    );
    expect(r.status).toBe('done');
    expect(await db.trainingRuns.count()).toBe(2);
  });

  it('stores a night of several habits in one transaction: a failure before the commit changes no habit', async () => {
    const db = await trainedDb();
    await seedHabit(db, { id: 'walk', createdDay: CREATED, days: 200, seed: 8 });
    await trainAndStore(db, { habitIds: ['walk'], trigger: 'idle', today: TODAY, now: NOW }, { locks: null });
    const before = await dump(db);
    const night = {
      habitIds: 'all' as const,
      trigger: 'manual' as const,
      today: addDays(TODAY, 1),
      now: NOW + 86_400_000,
    };
    const committing: string[] = [];
    const failLast = {
      beforeCommit: (id: string) => {
        committing.push(id);
        if (committing.length === 2) throw new Error('injected failure before commit');
      },
    };
    await expect(trainAndStore(db, night, { locks: null, hooks: failLast })).rejects.toThrow('injected failure');
    // The first habit's results were written too, in the same transaction: the failure undid them.
    expect(committing).toEqual(['read', 'walk']);
    expect(await dump(db)).toEqual(before);
    const r = await trainAndStore(db, night, { locks: null });
    expect(r.outcomes.map((o) => [o.habitId, o.activeVersion])).toEqual([
      ['read', 2],
      ['walk', 2],
    ]);
    for (const id of ['read', 'walk'])
      expect((await checkpoints(db, id)).map((c) => [c.version, c.active])).toEqual([
        [1, 0],
        [2, 1],
      ]);
  });

  it('stores the other habits of the night when one is deleted while they trained', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    await seedHabit(db, { id: 'walk', createdDay: CREATED, days: 200, seed: 8 });
    const r = await trainAndStore(
      db,
      { habitIds: 'all', trigger: 'idle', today: TODAY, now: NOW },
      { locks: null, hooks: { beforeWrite: (id) => (id === 'read' ? db.habits.delete(id) : undefined) } },
    );
    expect(r.outcomes.map((o) => [o.habitId, o.activeVersion, o.run.checkpointVersion])).toEqual([
      ['read', null, null],
      ['walk', 1, 1],
    ]);
    expect((await db.checkpoints.toArray()).map((c) => [c.habitId, c.version, c.active])).toEqual([['walk', 1, 1]]);
    expect((await db.trainingRuns.toArray()).map((x) => x.habitId)).toEqual(['walk']);
    expect((await db.predictions.toArray()).map((x) => x.habitId)).toEqual(['walk']);
  });

  it('stores nothing for a habit deleted while it trained (no orphan checkpoint, run or prediction)', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    const r = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'idle', today: TODAY, now: NOW },
      {
        locks: null,
        hooks: { beforeWrite: (id) => db.habits.delete(id) },
      },
    );
    expect(r.outcomes[0].run.reason).toBe('habit deleted while training; nothing stored');
    expect([await db.checkpoints.count(), await db.trainingRuns.count(), await db.predictions.count()]).toEqual([
      0, 0, 0,
    ]);
  });

  it('lets one trainer run at a time: a second concurrent request reports busy and writes nothing', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    await seedHabit(db, { id: 'walk', createdDay: CREATED, days: 200, seed: 8 });
    const locks = fakeLocks();
    const req = { habitIds: 'all' as const, trigger: 'idle' as const, today: TODAY, now: NOW };
    const [a, b] = await Promise.all([trainAndStore(db, req, { locks }), trainAndStore(db, req, { locks })]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'done']);
    const runs = await db.trainingRuns.toArray();
    expect(runs.map((r) => r.habitId).sort()).toEqual(['read', 'walk']);
    expect(
      (await db.checkpoints.toArray())
        .filter((c) => c.active === 1)
        .map((c) => c.habitId)
        .sort(),
    ).toEqual(['read', 'walk']);
  });
});

describe("onlyIfDue (the scheduler's re-check inside the lock)", () => {
  it('skips a habit someone trained since the decision, and trains it again once a day has passed', async () => {
    const db = await trainedDb();
    const H = 3_600_000;
    const soon = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'idle', today: TODAY, now: NOW + H, onlyIfDue: true },
      { locks: null },
    );
    expect(soon).toMatchObject({ status: 'done', outcomes: [], skipped: ['read'] });
    expect(await db.trainingRuns.count()).toBe(1);
    const manual = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'manual', today: TODAY, now: NOW + H },
      { locks: null },
    );
    expect(manual.outcomes).toHaveLength(1);
    const nextDay = await trainAndStore(
      db,
      { habitIds: ['read'], trigger: 'idle', today: addDays(TODAY, 1), now: NOW + 25 * H, onlyIfDue: true },
      { locks: null },
    );
    expect(nextDay.skipped).toEqual([]);
    expect(nextDay.outcomes.map((o) => o.run.trigger)).toEqual(['idle']);
  });
});

describe('rollback', () => {
  it('makes the previous version active and recomputes the prediction, then refuses to go further', async () => {
    const db = await trainedDb();
    const [v1] = await checkpoints(db);
    const { id: _drop, ...base } = v1;
    void _drop;
    await db.transaction('rw', db.checkpoints, async () => {
      await db.checkpoints.update(v1.id!, { active: 0 });
      await db.checkpoints.add({
        ...base,
        version: 2,
        active: 1,
        weights: base.weights.map((w) => w.map((x) => x * 0.5)),
      });
    });
    const r = await rollback(db, 'read', { locks: null, today: TODAY, now: NOW });
    expect(r).toEqual({ ok: true, reason: 'rolled back from v2 to v1', version: 1 });
    const cps = await checkpoints(db);
    expect(cps.map((c) => [c.version, c.active])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(cps[0].weights).toEqual(v1.weights);
    const pred = await db.predictions.get('read');
    expect(pred!.modelVersion === 1 || pred!.source !== 'model').toBe(true);
    const again = await rollback(db, 'read', { locks: null, today: TODAY, now: NOW });
    expect(again.ok).toBe(false);
    expect(again.reason).toMatch(/no earlier usable version than v1/);
  });

  it('says so plainly when there is nothing to roll back', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'new', createdDay: addDays(TODAY, -5), days: 5, seed: 1 });
    expect(await rollback(db, 'new', { locks: null, today: TODAY })).toMatchObject({
      ok: false,
      reason: 'no active model to roll back from',
    });
    expect(await rollback(db, 'nope', { locks: null, today: TODAY })).toMatchObject({
      ok: false,
      reason: 'no habit with id "nope"',
    });
  });
});

describe('predictAllAndStore and insights', () => {
  it('stores a prediction for the new day for every active habit, the prior for a newcomer', async () => {
    const db = await trainedDb();
    await seedHabit(db, { id: 'fresh', createdDay: addDays(TODAY, -6), days: 6, seed: 3 });
    const r = await predictAllAndStore(db, addDays(TODAY, 1), { locks: null, now: NOW });
    expect(r.status).toBe('done');
    const preds = await db.predictions.toArray();
    expect(preds.map((p) => [p.habitId, p.day]).sort()).toEqual([
      ['fresh', addDays(TODAY, 1)],
      ['read', addDays(TODAY, 1)],
    ]);
    expect(preds.find((p) => p.habitId === 'fresh')!.source).toBe('prior');
  });

  it('gives the last days with outcomes that match the log, and calibration bins that add up', async () => {
    const db = freshDb();
    const { doneDays } = await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    await trainAndStore(db, { habitIds: 'all', trigger: 'idle', today: TODAY, now: NOW }, { locks: null });
    const res = await insights(db, 'read', 60, { today: TODAY, now: NOW });
    expect(res.series).toHaveLength(60);
    expect(res.series.at(-1)).toMatchObject({ day: TODAY, outcome: null });
    const done = new Set(doneDays);
    for (const pt of res.series.slice(0, -1)) {
      expect(pt.outcome).toBe(done.has(pt.day) ? 1 : 0);
      expect(pt.p).toBeGreaterThan(0);
      expect(pt.p).toBeLessThan(1);
    }
    expect(res.calibration.reduce((s, b) => s + b.n, 0)).toBe(59);
    for (const b of res.calibration) expect(b.predicted).toBeGreaterThanOrEqual(b.lo - 1e-9);
    await expect(insights(db, 'read', 0)).rejects.toThrow(/days must be an integer/);
  });
});

describe('a habit deleted while predictions are computed', () => {
  /** Runs the page's deletion of `id` just before the first write transaction that touches predictions. */
  function deleteBeforePredictionWrite(db: AppDB, id: string): void {
    const orig = db.transaction.bind(db) as (...a: unknown[]) => Promise<unknown>;
    let armed = true;
    (db as unknown as { transaction: unknown }).transaction = async (...a: unknown[]) => {
      const tables = Array.isArray(a[1]) ? a[1] : [a[1]];
      if (armed && a[0] === 'rw' && tables.includes(db.predictions)) {
        armed = false;
        // What deleteHabit does, in its own transaction, without the training lock.
        await orig('rw', [db.habits, db.events, db.predictions], async () => {
          await db.events.where('[habitKey+day]').between([id, ''], [id, '\uffff']).delete();
          await db.predictions.delete(id);
          await db.habits.delete(id);
        });
      }
      return orig(...a);
    };
  }

  it('predictAllAndStore leaves no prediction row behind for it', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 100, seed: 7 });
    await seedHabit(db, { id: 'run', createdDay: CREATED, days: 100, seed: 8 });
    deleteBeforePredictionWrite(db, 'read');
    const r = await predictAllAndStore(db, TODAY, { locks: null, now: NOW });
    expect(r.predictions.map((p) => p.habitId)).toEqual(['run']);
    expect((await db.predictions.toArray()).map((p) => p.habitId)).toEqual(['run']);
  });

  it('rollback reports the deletion and writes nothing for it', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    for (let d = 0; d < 3; d++)
      await trainAndStore(
        db,
        { habitIds: 'all', trigger: 'manual', now: NOW + d * 86_400_000, today: addDays(TODAY, d) },
        { locks: null },
      );
    expect(await db.checkpoints.count()).toBeGreaterThan(1);
    deleteBeforePredictionWrite(db, 'read');
    const r = await rollback(db, 'read', { locks: null, now: NOW, today: TODAY });
    expect(r).toMatchObject({ ok: false, reason: 'no habit with id "read" (deleted meanwhile)' });
    expect(await db.predictions.toArray()).toEqual([]);
  });
});
