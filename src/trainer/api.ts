// Plain data exchanged with the trainer (worker, service worker, bridge). Types only: the main thread
// imports them with `import type`, so nothing of the trainer's code reaches the main bundle.
import type { Prediction, PredictionSource, TrainingRun, Trigger } from '../learn/types.ts';

/** What to train and why. */
export interface TrainRequest {
  habitIds: string[] | 'all';
  trigger: Trigger;
  /** Local day to predict for; defaults to the device's local today. */
  today?: string;
  /**
   * Re-check inside the lock that each habit is still due: skip habits trained within the policy's
   * daily limit (another tab or the service worker got there between the decision and the lock).
   * The scheduler sets it; "Train now" does not.
   */
  onlyIfDue?: boolean;
}

/** One habit's outcome of a training request. */
export interface HabitTrainOutcome {
  habitId: string;
  run: TrainingRun;
  prediction: Prediction;
  /** Version of the active checkpoint after the run (new when promoted), null when none. */
  activeVersion: number | null;
}

/** A training request's outcome: 'busy' when another tab / the service worker was training. */
export interface TrainRequestResult {
  status: 'done' | 'busy';
  trigger: Trigger;
  outcomes: HabitTrainOutcome[];
  /** Habits asked for that do not exist (deleted meanwhile), reported rather than dropped silently. */
  missing: string[];
  /** With onlyIfDue: habits someone else trained meanwhile, so not trained again. */
  skipped?: string[];
  durationMs: number;
  /**
   * Where a run's time went (ms): reading the inputs, bringing every learner up to today and training it,
   * storing the results. The lock's wait and the onlyIfDue checks are the rest of durationMs.
   */
  phasesMs?: { read: number; train: number; write: number };
}

/** Today's predictions recomputed and stored; 'busy' when a trainer held the lock. */
export interface PredictAllResult {
  status: 'done' | 'busy';
  today: string;
  predictions: Prediction[];
}

/** A rollback's outcome; `reason` says what happened in plain words. */
export interface RollbackResult {
  ok: boolean;
  reason: string;
  version: number | null;
}

/** One day of the Insights chart: the probability the model gives that day against what happened. */
export interface InsightPoint {
  day: string;
  p: number;
  outcome: 0 | 1 | null;
  source: PredictionSource;
}

/** One calibration bin: mean predicted probability against the observed rate, over n days. */
export interface CalibrationBin {
  lo: number;
  hi: number;
  predicted: number;
  actual: number;
  n: number;
}

/** Insights for one habit. */
export interface InsightsResult {
  series: InsightPoint[];
  calibration: CalibrationBin[];
}

/** What the trainer is doing now. */
export interface TrainerStatus {
  training: boolean;
  /** The request in progress (or null), with when it started. */
  current: { habitIds: string[] | 'all'; trigger: Trigger; startedAt: number } | null;
  /** Summary of the last finished request. */
  last: { trigger: Trigger; status: 'done' | 'busy'; habits: number; promoted: number; finishedAt: number } | null;
  /** Where the trainer runs: 'worker' (page) or 'service-worker'. */
  host: 'worker' | 'service-worker';
}
