// A night's run for one habit: bring the learner up to yesterday (from its checkpoint, folding only the
// days since, or rebuilt from the whole history), train the network, and predict today. The trainer
// worker, the service worker and the replay all run this, so what the replay measures is what the app does.
import { DAILY } from '../habits/schedule.ts';
import { makeCheckpoint } from './checkpoint.ts';
import type { LearnConfig } from './config.ts';
import type { HabitInfo } from './events.ts';
import { explainDay } from './explain.ts';
import { type DayPrediction, type LearnerState, newLearner, observeDay, predictNext } from './learner.ts';
import { scoreAll } from './metrics.ts';
import { type EventIndex, fastDayNumber, opensBefore, readDays } from './predict/days.ts';
import { FEATURE_VERSION } from './predict/features.ts';
import { sourceOf } from './predict/shown.ts';
import { rhythmSince } from './predict/rhythm.ts';
import { numberToDay } from './time.ts';
import { type NightTraining, trainNetwork } from './train-network.ts';
import type { Checkpoint, Prediction, RecordMetrics, TrainingRun, Trigger } from './types.ts';

/** Labelled days the run metrics look back over. */
export const METRIC_DAYS = 60;
/** Days a learner rebuilt from a long history replays night by night, so its network earns an honest record. */
export const BACKTEST_DAYS = 28;

/** 32-bit FNV-1a of a string: seeds depend on habit id and day only (prefix stability). */
export function seedFor(habitId: string, day: string): number {
  let h = 0x811c9dc5;
  const s = `${habitId}|${day}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Folds the days from the learner's next day up to (not including) day number `until`, in place. */
export function foldDays(s: LearnerState, index: EventIndex, until: number, cfg: LearnConfig): void {
  const from = s.context.next;
  if (until <= from) return;
  const f = readDays(index, s.habitId, from, until - from);
  for (let k = 0; k < f.count; k++)
    observeDay(s, { done: f.done[k], opens: f.opens[k], shown: f.shown[k], tapped: f.tapped[k] }, cfg);
}

/** A learner for `habit` from its whole history before `today`, with no network yet. */
export function freshLearner(habit: HabitInfo, index: EventIndex, today: number, cfg: LearnConfig): LearnerState {
  const first = fastDayNumber(habit.createdDay);
  if (first !== first) throw new Error(`freshLearner: bad creation day ${JSON.stringify(habit.createdDay)}`);
  const s = newLearner(habit.id, first, opensBefore(index, first, 7), cfg, habit.schedule ?? DAILY);
  foldDays(s, index, today, cfg);
  return s;
}

/**
 * A learner rebuilt from the whole history when no usable checkpoint exists (first training, an import, a new
 * feature version): the days up to the last BACKTEST_DAYS are folded with no network, the network is then trained
 * from scratch and the last days are replayed night by night, so the mixture weighs it on days it had not seen.
 */
export function rebuildLearner(habit: HabitInfo, index: EventIndex, today: number, cfg: LearnConfig): LearnerState {
  const first = fastDayNumber(habit.createdDay);
  const start = Math.max(first, today - BACKTEST_DAYS);
  const s = freshLearner(habit, index, start, cfg);
  for (let day = start; day < today; day++) {
    trainNetwork(s, cfg, seedFor(habit.id, numberToDay(day)));
    foldDays(s, index, day + 1, cfg);
  }
  return s;
}

/**
 * A stored learner whose earlier days changed since it was saved (a day marked later, an import): every
 * stage is rebuilt from the history, but the network and the mixture's weights, which were earned on days
 * predicted unseen, are kept.
 */
export function repairLearner(
  stored: LearnerState,
  habit: HabitInfo,
  index: EventIndex,
  today: number,
  cfg: LearnConfig,
): LearnerState {
  const s = freshLearner(habit, index, today, cfg);
  s.network = stored.network;
  s.mixture = stored.mixture.slice();
  return s;
}

/** Scores of base, network and shown probability over the last METRIC_DAYS labelled days. */
export function recordMetrics(s: LearnerState, networkShare: number): RecordMetrics {
  const w = s.window;
  const from = Math.max(0, w.count - METRIC_DAYS);
  return {
    base: scoreAll(w.base, w.y, from, w.count),
    learned: scoreAll(w.learned, w.y, from, w.count),
    shown: scoreAll(w.shown, w.y, from, w.count),
    networkShare,
  };
}

/** Today's prediction from a learner brought up to yesterday. */
export function predictToday(s: LearnerState, cfg: LearnConfig, now: number, modelVersion: number | null): Prediction {
  return predictionOf(s, predictNext(s, cfg), { cfg, now, modelVersion });
}

/** The stored prediction of the learner's next day from what its stages said (`pred`). */
function predictionOf(
  s: LearnerState,
  pred: DayPrediction,
  o: { cfg: LearnConfig; now: number; modelVersion: number | null },
): Prediction {
  const { cfg, now, modelVersion } = o;
  const source = sourceOf(pred.networkShare, s.context, cfg);
  return {
    habitId: s.habitId,
    day: numberToDay(pred.day),
    p: pred.p,
    source,
    reasons: explainDay(s, pred, cfg),
    modelVersion: source === 'model' ? modelVersion : null,
    computedAt: now,
    basis: {
      labelledDays: s.context.days,
      rhythmSince: s.context.days > 0 ? numberToDay(rhythmSince(s.rhythm)) : null,
      networkDays: s.network ? Math.min(s.window.count, s.context.days) : null,
    },
  };
}

/** Input of a night's run: the learner brought up to yesterday, and what started the run. */
export interface NightInput {
  learner: LearnerState;
  /** The active checkpoint's version (the new one is numbered after it), null when there is none. */
  activeVersion: number | null;
  trigger: Trigger;
  now: number;
  cfg: LearnConfig;
  /** A monotonic clock in ms (performance.now) for the run's duration; 0 without one. */
  clock?: () => number;
}

/** Output of a night's run: a new checkpoint when the network trained, the run record, today's prediction. */
export interface NightOutput {
  checkpoint: Checkpoint | null;
  run: TrainingRun;
  prediction: Prediction;
}

function reasonOf(t: NightTraining, s: LearnerState, share: number, cfg: LearnConfig): string {
  const days = s.context.days;
  if (t.diverged) return `training diverged after ${t.epochs} epochs: the network was left as it was`;
  if (!t.trained)
    return `too little history to train the network: ${days} labelled days, it starts at ${cfg.network.minDays}`;
  const how = t.cold
    ? `from scratch, ${t.epochs} epochs`
    : `${t.epochs} epoch${t.epochs === 1 ? '' : 's'} from last night's network`;
  return `trained on ${t.samples} days (${how}); the network carries ${Math.round(share * 100)}% of today's estimate`;
}

/** The night's training (in place) and what every stage then says about today: the replay's step too. */
export function trainAndPredict(s: LearnerState, cfg: LearnConfig): { training: NightTraining; pred: DayPrediction } {
  const training = trainNetwork(s, cfg, seedFor(s.habitId, numberToDay(s.context.next)));
  return { training, pred: predictNext(s, cfg) };
}

/** Trains the learner's network (in place) and predicts today; a new checkpoint when the network trained. */
export function runNight(input: NightInput): NightOutput {
  const { learner: s, cfg, now, trigger } = input;
  const t0 = input.clock ? input.clock() : 0;
  const { training, pred } = trainAndPredict(s, cfg);
  const version = (input.activeVersion ?? 0) + 1;
  const metrics = recordMetrics(s, pred.networkShare);
  const checkpoint = training.trained ? makeCheckpoint(s, { version, metrics, createdAt: now, trigger }) : null;
  const prediction = predictionOf(s, pred, { cfg, now, modelVersion: checkpoint ? version : input.activeVersion });
  const run: TrainingRun = {
    habitId: s.habitId,
    startedAt: now,
    durationMs: input.clock ? input.clock() - t0 : 0,
    trigger,
    samples: training.samples,
    promoted: checkpoint !== null,
    reason: reasonOf(training, s, pred.networkShare, cfg),
    metrics: s.window.count > 0 ? metrics : null,
    checkpointVersion: checkpoint ? version : null,
    featureVersion: FEATURE_VERSION,
  };
  return { checkpoint, run, prediction };
}
