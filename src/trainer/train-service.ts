// Training, prediction and rollback against the database. Runs in the trainer worker AND inline in
// the service worker (no Worker exists there), so it uses only what both have: IndexedDB through
// Dexie, Web Locks, performance.now(). Every habit's result (checkpoint, run, prediction) is written
// in ONE read-write transaction: a tab closed mid-run leaves the previous checkpoint active and intact.
import { faultPoint } from '../data/fault-points.ts';
import type { AppDB } from '../data/db.ts';
import type { CheckpointRow, TrainingRunRow } from '../data/entities.ts';
import { DEFAULT_CONFIG } from '../learn/config.ts';
import { learnerFromCheckpoint } from '../learn/checkpoint.ts';
import { predictToday, repairLearner, runNight } from '../learn/night.ts';
import { FEATURE_VERSION } from '../learn/predict/features.ts';
import { fastDayNumber, indexEvents } from '../learn/predict/days.ts';
import { localToday } from '../learn/time.ts';
import type { Prediction, TrainingRun, Trigger } from '../learn/types.ts';
import { toLearningEvent } from '../data/eventRow.ts';
import { partitionEvents } from '../data/event-check.ts';
import { withTrainLock } from './lock.ts';
import { ranRecently } from '../autotrain/policy.ts';
import { latestRunAt } from '../autotrain/facts.ts';
import type { HabitTrainOutcome, PredictAllResult, RollbackResult, TrainRequestResult } from './api.ts';
import {
  activeRows,
  checkRow,
  effectiveMode,
  type HabitInputs,
  learnerFor,
  readLearningInputs,
} from './learning-data.ts';

/** Checkpoint versions kept per habit (the active one is always kept), for rollback. */
export const KEEP_VERSIONS = 5;

/** Options shared by the service's entry points; `hooks` and `locks` exist for fault-injection tests. */
export interface ServiceOptions {
  /**
   * beforeWrite runs after training, before the write transaction opens; beforeCommit runs inside
   * it just before it commits (a throw aborts it).
   */
  hooks?: {
    beforeWrite?: (habitId: string) => void | Promise<void>;
    beforeCommit?: (habitId: string) => void | Promise<void>;
  };
  /** The lock manager to use (default navigator.locks; null: none). */
  locks?: LockManager | null;
  /** Called after each habit is stored (progress for status()). */
  onHabitDone?: (outcome: HabitTrainOutcome) => void;
}

/** Trains the given habits (or all active ones) one by one under the training lock and stores each result. */
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
      const data = await readLearningInputs(db, wanted, today);
      const ids = requested === 'all' ? data.inputs.map((i) => i.habit.id) : requested;
      const missing = ids.filter((id) => !data.habits.has(id));
      const late = req.onlyIfDue && requested === 'all' ? await trainedRecently(db, ids, now) : [];
      const outcomes: HabitTrainOutcome[] = [];
      for (const inp of data.inputs) {
        if (late.includes(inp.habit.id)) continue;
        const outcome = await trainOne(db, inp, { trigger: req.trigger, today, now }, opts);
        outcomes.push(outcome);
        opts.onHabitDone?.(outcome);
      }
      return { outcomes, missing, skipped: [...skipped, ...late] };
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

function setAsideRun(habitId: string, reason: string, trigger: Trigger, now: number): TrainingRun {
  return {
    habitId,
    startedAt: now,
    durationMs: 0,
    trigger,
    samples: 0,
    promoted: false,
    reason: `checkpoint set aside: ${reason}`,
    metrics: null,
    checkpointVersion: null,
    featureVersion: FEATURE_VERSION,
  };
}

async function trainOne(
  db: AppDB,
  inp: HabitInputs,
  at: { trigger: Trigger; today: string; now: number },
  opts: ServiceOptions,
): Promise<HabitTrainOutcome> {
  const { habit, checked, usable } = inp;
  const { trigger, now } = at;
  await faultPoint('train:after-read');
  const setAside = checked.filter((c) => !c.ok || c !== usable);
  const rows = checked.map((c) => c.row);

  // Training is pure CPU work: do it before the write transaction, which must stay short.
  const t0 = performance.now();
  const learner = learnerFor(inp, at.today, { train: true });
  const out = runNight({
    learner,
    activeVersion: usable ? usable.row.version : null,
    trigger,
    now,
    cfg: DEFAULT_CONFIG,
  });
  const run: TrainingRunRow = { ...out.run, durationMs: performance.now() - t0 };
  if (usable && effectiveMode(inp) === 'repair')
    run.reason = `${run.reason}; earlier days or the schedule changed, so the learner was rebuilt from the history`;
  const prediction: Prediction = { ...out.prediction };

  // What was active when we read it; the write checks it is still so (see below).
  const readVersion = rows.length ? rows[0].version : null;
  let activeVersion: number | null = usable ? usable.row.version : null;
  await opts.hooks?.beforeWrite?.(habit.id);
  await db.transaction('rw', [db.habits, db.checkpoints, db.trainingRuns, db.predictions], async () => {
    // Deleted while it trained (deleteHabit removes its rows in one transaction): store nothing.
    if (!(await db.habits.get(habit.id))) {
      run.reason = 'habit deleted while training; nothing stored';
      run.promoted = false;
      run.checkpointVersion = null;
      activeVersion = null;
      return;
    }
    // Without Web Locks two trainers could race: never clobber a version written meanwhile.
    const again = await activeRows(db, habit.id);
    const current = again.length ? again[0].version : null;
    if (current !== readVersion) {
      run.reason = `superseded: v${current} became active while this run trained; nothing changed`;
      run.promoted = false;
      run.checkpointVersion = null;
      activeVersion = current;
      await db.trainingRuns.add(run);
      await opts.hooks?.beforeCommit?.(habit.id);
      return;
    }
    for (const c of setAside) {
      await db.checkpoints.update(c.row.id!, { active: 0 });
      if (!c.ok) await db.trainingRuns.add(setAsideRun(habit.id, c.reason, trigger, now));
    }
    if (out.checkpoint) {
      const all = await db.checkpoints.where('habitId').equals(habit.id).toArray();
      const version = all.reduce((m, r) => Math.max(m, r.version), 0) + 1;
      for (const r of all) if (r.active) await db.checkpoints.update(r.id!, { active: 0 });
      const row: CheckpointRow = { ...out.checkpoint, version, active: 1, sync: inp.sync };
      await db.checkpoints.add(row);
      await pruneVersions(db, all, version);
      run.checkpointVersion = version;
      if (prediction.modelVersion !== null) prediction.modelVersion = version;
      activeVersion = version;
    } else if (!usable) {
      activeVersion = null;
    }
    await db.trainingRuns.add(run);
    await db.predictions.put(prediction);
    await faultPoint('train:before-commit', () => db.habits.count());
    await opts.hooks?.beforeCommit?.(habit.id);
  });
  return { habitId: habit.id, run, prediction, activeVersion };
}

/** Deletes the oldest versions beyond KEEP_VERSIONS (the new active one included in the count). */
async function pruneVersions(db: AppDB, before: CheckpointRow[], newVersion: number): Promise<void> {
  const keep = new Set([
    newVersion,
    ...before
      .map((r) => r.version)
      .sort((a, b) => b - a)
      .slice(0, KEEP_VERSIONS - 1),
  ]);
  const drop = before.filter((r) => !keep.has(r.version)).map((r) => r.id!);
  if (drop.length) await db.checkpoints.bulkDelete(drop);
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
