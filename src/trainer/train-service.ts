// Training, prediction and rollback against the database. Runs in the trainer worker AND inline in
// the service worker (no Worker exists there), so it uses only what both have: IndexedDB through
// Dexie, Web Locks, performance.now(). Every habit's result (checkpoint, run, prediction) is written
// in ONE read-write transaction (store-night.ts): a tab closed mid-run leaves the previous checkpoints
// active and intact.
import { faultPoint } from '../data/fault-points.ts';
import type { AppDB } from '../data/db.ts';
import type { TrainingRunRow } from '../data/entities.ts';
import { DEFAULT_CONFIG } from '../learn/config.ts';
import { learnerFromCheckpoint } from '../learn/checkpoint.ts';
import { predictToday, repairLearner, runNight } from '../learn/night.ts';
import { fastDayNumber, indexEvents } from '../learn/predict/days.ts';
import { localToday } from '../learn/time.ts';
import type { Trigger } from '../learn/types.ts';
import { toLearningEvent } from '../data/eventRow.ts';
import { partitionEvents } from '../data/event-check.ts';
import { withTrainLock } from './lock.ts';
import { ranRecently } from '../autotrain/policy.ts';
import { latestRunAt } from '../autotrain/facts.ts';
import type { HabitTrainOutcome, PredictAllResult, RollbackResult, TrainRequestResult } from './api.ts';
import { storeNights, type TrainedHabit, type WriteHooks } from './store-night.ts';
import { checkRow, effectiveMode, type HabitInputs, learnerFor, readLearningInputs } from './learning-data.ts';

export { KEEP_VERSIONS } from './store-night.ts';

/** Options shared by the service's entry points; `hooks` and `locks` exist for fault-injection tests. */
export interface ServiceOptions {
  /**
   * beforeWrite runs for each habit after every habit trained, before the write transaction opens;
   * beforeCommit runs for each habit inside it just before it commits (a throw aborts it).
   */
  hooks?: WriteHooks;
  /** The lock manager to use (default navigator.locks; null: none). */
  locks?: LockManager | null;
  /** Called for each habit once the night's results are stored (progress for status()). */
  onHabitDone?: (outcome: HabitTrainOutcome) => void;
}

/**
 * Trains the given habits (or all active ones) one by one under the training lock, then stores every result
 * in one transaction.
 */
export async function trainAndStore(
  db: AppDB,
  req: { habitIds: string[] | 'all'; trigger: Trigger; now?: number; today?: string; onlyIfDue?: boolean },
  opts: ServiceOptions = {},
): Promise<TrainRequestResult> {
  const t0 = performance.now();
  const now = req.now ?? Date.now();
  const today = req.today ?? localToday(now);
  const locked = await withTrainLock(
    async () => {
      const requested = req.habitIds;
      const skipped = req.onlyIfDue && requested !== 'all' ? await trainedRecently(db, requested, now) : [];
      const wanted = requested === 'all' ? 'all' : requested.filter((id) => !skipped.includes(id));
      const tRead = performance.now();
      const data = await readLearningInputs(db, wanted, today);
      const tTrain = performance.now();
      const ids = requested === 'all' ? data.inputs.map((i) => i.habit.id) : requested;
      const missing = ids.filter((id) => !data.habits.has(id));
      const late = req.onlyIfDue && requested === 'all' ? await trainedRecently(db, ids, now) : [];
      // Every habit trains before the one write transaction opens: training is pure CPU work, and the
      // transaction must stay short.
      const trained: TrainedHabit[] = [];
      for (const inp of data.inputs) {
        if (late.includes(inp.habit.id)) continue;
        await faultPoint('train:after-read');
        trained.push(trainHabit(inp, { trigger: req.trigger, today, now }));
      }
      const tWrite = performance.now();
      const outcomes = trained.length
        ? await storeNights(db, trained, { trigger: req.trigger, now, hooks: opts.hooks })
        : [];
      const phasesMs = { read: tTrain - tRead, train: tWrite - tTrain, write: performance.now() - tWrite };
      for (const outcome of outcomes) opts.onHabitDone?.(outcome);
      return { outcomes, missing, skipped: [...skipped, ...late], phasesMs };
    },
    { locks: opts.locks },
  );
  const durationMs = performance.now() - t0;
  if (locked.status === 'busy')
    return { status: 'busy', trigger: req.trigger, outcomes: [], missing: [], skipped: [], durationMs };
  return { status: 'done', trigger: req.trigger, ...locked.value, durationMs };
}

/** Habits whose last run started within the policy's daily limit of `now` (someone got there first). */
async function trainedRecently(db: AppDB, ids: string[], now: number): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) if (ranRecently(await latestRunAt(db, id), now)) out.push(id);
  return out;
}

/** One habit's night: its learner brought up to today, trained, and today predicted (pure CPU work). */
function trainHabit(inp: HabitInputs, at: { trigger: Trigger; today: string; now: number }): TrainedHabit {
  const t0 = performance.now();
  const learner = learnerFor(inp, at.today, { train: true });
  const out = runNight({
    learner,
    activeVersion: inp.usable ? inp.usable.row.version : null,
    trigger: at.trigger,
    now: at.now,
    cfg: DEFAULT_CONFIG,
  });
  const run: TrainingRunRow = { ...out.run, durationMs: performance.now() - t0 };
  if (inp.usable && effectiveMode(inp) === 'repair')
    run.reason = `${run.reason}; earlier days or the schedule changed, so the learner was rebuilt from the history`;
  return { inp, checkpoint: out.checkpoint, run, prediction: { ...out.prediction } };
}

/** Recomputes and stores today's prediction for every active habit (when the local day changes). */
export async function predictAllAndStore(
  db: AppDB,
  today?: string,
  opts: { locks?: LockManager | null; now?: number } = {},
): Promise<PredictAllResult> {
  const now = opts.now ?? Date.now();
  const day = today ?? localToday(now);
  // Wait for a trainer rather than skip: it is short, and it would overwrite our predictions anyway.
  const locked = await withTrainLock(
    async () => {
      const data = await readLearningInputs(db, 'all', day);
      const computed = data.inputs.map((inp) =>
        predictToday(learnerFor(inp, day, { train: false }), DEFAULT_CONFIG, now, inp.usable?.row.version ?? null),
      );
      // deleteHabit does not wait for the training lock: a habit deleted since the read gets no row back.
      return db.transaction('rw', [db.habits, db.predictions], async () => {
        const still = await db.habits.bulkGet(computed.map((p) => p.habitId));
        const predictions = computed.filter((_, i) => still[i] !== undefined);
        await db.predictions.bulkPut(predictions);
        return predictions;
      });
    },
    { locks: opts.locks, wait: true },
  );
  return locked.status === 'ran'
    ? { status: 'done', today: day, predictions: locked.value }
    : { status: 'busy', today: day, predictions: [] };
}

/** Makes the previous valid version active again and recomputes today's prediction, in one transaction. */
export async function rollback(
  db: AppDB,
  habitId: string,
  opts: { locks?: LockManager | null; now?: number; today?: string } = {},
): Promise<RollbackResult> {
  const now = opts.now ?? Date.now();
  const today = opts.today ?? localToday(now);
  const locked = await withTrainLock(
    async (): Promise<RollbackResult> => {
      const habit = await db.habits.get(habitId);
      if (!habit) return { ok: false, reason: `no habit with id "${habitId}"`, version: null };
      const all = (await db.checkpoints.where('habitId').equals(habitId).toArray()).sort(
        (a, b) => b.version - a.version,
      );
      const current = all.find((r) => r.active === 1);
      if (!current) return { ok: false, reason: 'no active model to roll back from', version: null };
      const target = all
        .filter((r) => r.version < current.version)
        .map(checkRow)
        .find((c) => c.ok);
      if (!target)
        return {
          ok: false,
          reason: `no earlier usable version than v${current.version} is kept`,
          version: current.version,
        };
      // The kept version's learner is from an earlier day: its stages are rebuilt up to today around its network.
      const events = partitionEvents(await db.events.toArray()).ok.map(toLearningEvent);
      const stored = learnerFromCheckpoint(target.checkpoint);
      const h = { id: habit.id, createdDay: habit.createdDay };
      const learner = repairLearner(stored, h, indexEvents(events), fastDayNumber(today), DEFAULT_CONFIG);
      const prediction = predictToday(learner, DEFAULT_CONFIG, now, target.row.version);
      const done = await db.transaction('rw', [db.habits, db.checkpoints, db.predictions], async () => {
        if (!(await db.habits.get(habitId))) return false; // deleted meanwhile (deleteHabit takes no training lock)
        for (const r of all) if (r.active && r.id !== target.row.id) await db.checkpoints.update(r.id!, { active: 0 });
        await db.checkpoints.update(target.row.id!, { active: 1 });
        await db.predictions.put(prediction);
        return true;
      });
      if (!done) return { ok: false, reason: `no habit with id "${habitId}" (deleted meanwhile)`, version: null };
      return {
        ok: true,
        reason: `rolled back from v${current.version} to v${target.row.version}`,
        version: target.row.version,
      };
    },
    { locks: opts.locks, wait: true },
  );
  return locked.status === 'ran'
    ? locked.value
    : { ok: false, reason: 'a training run holds the lock; try again', version: null };
}
