// Stores a night's results for every trained habit in ONE read-write transaction: each habit's new
// checkpoint, run and prediction, and the checkpoints set aside. A run cut before the commit (a closed tab, a
// full disk) leaves every previous checkpoint active and intact, and the next run does the night again.
// The requests go out together and are awaited together: IndexedDB runs them in order inside the transaction,
// while each request awaited on its own costs a round trip to the browser's storage process (2-4 ms in
// Chromium), which, a dozen per habit, was most of a night's run (docs/experiments/2026-12-08-nightly-cost.md).
import type { AppDB } from '../data/db.ts';
import type { CheckpointRow, TrainingRunRow } from '../data/entities.ts';
import { faultPoint } from '../data/fault-points.ts';
import { FEATURE_VERSION } from '../learn/predict/features.ts';
import type { Checkpoint, Prediction, TrainingRun, Trigger } from '../learn/types.ts';
import type { HabitTrainOutcome } from './api.ts';
import { activeRows, type HabitInputs } from './learning-data.ts';

/** Checkpoint versions kept per habit (the active one is always kept), for rollback. */
export const KEEP_VERSIONS = 5;

/** One habit's night, trained and not yet stored. */
export interface TrainedHabit {
  inp: HabitInputs;
  /** The new checkpoint when the network trained (numbered when stored), else null. */
  checkpoint: Checkpoint | null;
  run: TrainingRunRow;
  prediction: Prediction;
}

/** Test hooks around the write (fault injection): see ServiceOptions in train-service.ts. */
export interface WriteHooks {
  beforeWrite?: (habitId: string) => void | Promise<void>;
  beforeCommit?: (habitId: string) => void | Promise<void>;
}

/** A habit's checkpoints as its transaction sees them: every version's number and id, the active rows in full. */
interface Versions {
  versions: { version: number; id: number }[];
  active: CheckpointRow[];
}

/** Reads a habit's Versions without reading every stored learner (a checkpoint row holds tens of kilobytes). */
async function versionsOf(db: AppDB, habitId: string): Promise<Versions> {
  const versions: Versions['versions'] = [];
  const [, active] = await Promise.all([
    db.checkpoints
      .where('[habitId+version]')
      .between([habitId, -Infinity], [habitId, Infinity], true, true)
      .eachKey((key, cursor) => {
        versions.push({ version: (key as [string, number])[1], id: cursor.primaryKey as number });
      }),
    activeRows(db, habitId),
  ]);
  return { versions, active };
}

/** The rows one write transaction changes, gathered over every habit before any request is made. */
interface Writes {
  deactivate: CheckpointRow[];
  add: CheckpointRow[];
  drop: number[];
  runs: TrainingRunRow[];
  predictions: Prediction[];
}

/** Stores every habit's night in one transaction; the outcomes follow `trained`'s order. */
export async function storeNights(
  db: AppDB,
  trained: TrainedHabit[],
  at: { trigger: Trigger; now: number; hooks?: WriteHooks },
): Promise<HabitTrainOutcome[]> {
  const ids = trained.map((t) => t.inp.habit.id);
  for (const id of ids) await at.hooks?.beforeWrite?.(id);
  return db.transaction('rw', [db.habits, db.checkpoints, db.trainingRuns, db.predictions], async () => {
    const [alive, versions] = await Promise.all([
      db.habits.bulkGet(ids),
      Promise.all(ids.map((id) => versionsOf(db, id))),
    ]);
    const w: Writes = { deactivate: [], add: [], drop: [], runs: [], predictions: [] };
    const outcomes = trained.map((t, k) => planHabit(t, { exists: alive[k] !== undefined, ...versions[k], at }, w));
    // No row is in two of these lists, so the order in which the requests reach the store does not matter.
    await Promise.all([
      w.deactivate.length ? db.checkpoints.bulkPut(w.deactivate) : null,
      w.add.length ? db.checkpoints.bulkAdd(w.add) : null,
      w.drop.length ? db.checkpoints.bulkDelete(w.drop) : null,
      w.runs.length ? db.trainingRuns.bulkAdd(w.runs) : null,
      w.predictions.length ? db.predictions.bulkPut(w.predictions) : null,
    ]);
    await faultPoint('train:before-commit', () => db.habits.count());
    for (const id of ids) await at.hooks?.beforeCommit?.(id);
    return outcomes;
  });
}

/** Decides one habit's writes from what its transaction sees now and adds them to `w`; returns its outcome. */
function planHabit(
  t: TrainedHabit,
  now: Versions & { exists: boolean; at: { trigger: Trigger; now: number } },
  w: Writes,
): HabitTrainOutcome {
  const { inp, run, prediction } = t;
  const habitId = inp.habit.id;
  const nothing = (reason: string, activeVersion: number | null): HabitTrainOutcome => {
    run.reason = reason;
    run.promoted = false;
    run.checkpointVersion = null;
    return { habitId, run, prediction, activeVersion };
  };
  // Deleted while it trained (deleteHabit removes its rows in one transaction): store nothing.
  if (!now.exists) return nothing('habit deleted while training; nothing stored', null);
  // Without Web Locks two trainers could race: never clobber a version written meanwhile.
  const current = now.active.length ? now.active[0].version : null;
  const readVersion = inp.checked.length ? inp.checked[0].row.version : null;
  if (current !== readVersion) {
    w.runs.push(run);
    return nothing(`superseded: v${current} became active while this run trained; nothing changed`, current);
  }
  const setAside = inp.checked.filter((c) => !c.ok || c !== inp.usable);
  for (const c of setAside) if (!c.ok) w.runs.push(setAsideRun(habitId, c.reason, now.at.trigger, now.at.now));
  let activeVersion = inp.usable ? inp.usable.row.version : null;
  let off = now.active.filter((r) => setAside.some((c) => c.row.id === r.id));
  if (t.checkpoint) {
    const version = now.versions.reduce((m, r) => Math.max(m, r.version), 0) + 1;
    w.add.push({ ...t.checkpoint, version, active: 1, sync: inp.sync });
    const drop = pruned(now.versions, version);
    w.drop.push(...drop);
    off = now.active.filter((r) => !drop.includes(r.id!));
    run.checkpointVersion = version;
    if (prediction.modelVersion !== null) prediction.modelVersion = version;
    activeVersion = version;
  } else if (!inp.usable) {
    activeVersion = null;
  }
  w.deactivate.push(...off.map((r): CheckpointRow => ({ ...r, active: 0 })));
  w.runs.push(run);
  w.predictions.push(prediction);
  return { habitId, run, prediction, activeVersion };
}

/** Ids of the oldest versions beyond KEEP_VERSIONS (the new active one included in the count). */
function pruned(before: Versions['versions'], newVersion: number): number[] {
  const keep = new Set([
    newVersion,
    ...before
      .map((r) => r.version)
      .sort((a, b) => b - a)
      .slice(0, KEEP_VERSIONS - 1),
  ]);
  return before.filter((r) => !keep.has(r.version)).map((r) => r.id);
}

/** The run recorded for a checkpoint that could not be used, with why. */
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
