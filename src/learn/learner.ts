// One habit's learner: the running state of every stage, advanced one labelled day at a time.
//   day's facts -> context (streaks, rates, launches, reminders) and rhythm (change points)
//   -> simple predictors -> their mixture (the base)
//   -> the learned model: the stacker's log-odds (its linear part), with the network's correction as far as
//      it has paid (a mixture of the two)
//   -> the mixture of base and learned model: the probability shown
// Each day the predictors are scored on an outcome none of them had seen (they predicted it that
// morning), which is what the mixture's weights follow. The state is plain data: it is stored with
// the checkpoint, so a night's run folds only the days since the last one.
import type { LearnConfig } from './config.ts';
import type { AdamState } from './nn/adam.ts';
import { sigmoid } from './nn/loss.ts';
import { type Mlp, predictLogit } from './nn/mlp.ts';
import { DAILY, type Schedule } from '../habits/schedule.ts';
import {
  advanceContext,
  cloneContext,
  type ContextState,
  type DayFact,
  newContext,
  passContext,
} from './predict/context.ts';
import { NUM_FEATURES, weekdayOfNumber, writeFeatures } from './predict/features.ts';
import { type MixtureState, mixtureP, newMixture, updateMixture } from './predict/mixture.ts';
import { completionRate, momentumRate, opensRate, recentRate, reminderRate } from './predict/rates.ts';
import { newStacker, type StackerState, stackLogit, updateStacker } from './predict/stacker.ts';
import { cloneRhythm, newRhythm, type RhythmState, rhythmP, updateRhythm } from './predict/rhythm.ts';
import { cloneWeekdays, newWeekdays, updateWeekdays, type WeekdaysState, weekdaysP } from './predict/weekdays.ts';
import { advanceWeek, cloneWeek, labelDay, needRate, newWeek, type WeekState, weekNeed } from './predict/week.ts';
import { cloneWindow, newWindow, pushRow, type SampleWindow } from './predict/window.ts';

/** The simple predictors, in the order of DayPrediction.simple and the base mixture's weights. */
export const SIMPLE_PREDICTORS = ['rate', 'recent', 'rhythm', 'momentum', 'weekdays'] as const;

/** The trained network with its optimizer, and the last day number it was trained on. */
export interface NetworkState {
  net: Mlp;
  opt: AdamState;
  trainedThrough: number;
  /** Mini-batch steps taken in total. */
  steps: number;
}

/** Everything one habit's learner knows. */
export interface LearnerState {
  habitId: string;
  /** Day number of the habit's first day. */
  first: number;
  /** The schedule the labels follow (a changed schedule makes the trainer rebuild the stages). */
  schedule: Schedule;
  context: ContextState;
  week: WeekState;
  rhythm: RhythmState;
  weekdays: WeekdaysState;
  stacker: StackerState;
  /** Weights of the simple predictors in the base. */
  base: MixtureState;
  /** Weights of the linear part and the network in the learned model. */
  learned: MixtureState;
  /** Weights of the base and the learned model in the shown probability. */
  mixture: MixtureState;
  window: SampleWindow;
  network: NetworkState | null;
}

/** What the stages say about one day, from what was known before it. */
export interface DayPrediction {
  day: number;
  /** The simple predictors (SIMPLE_PREDICTORS order). */
  simple: number[];
  /** The log-odds the stacker combines. */
  z: number[];
  /** The stacker's log-odds: the learned model's linear part, which its network corrects. */
  linear: number;
  /** Their mixture. */
  base: number;
  /** The network's probability (the linear part when there is no network yet). */
  network: number;
  hasNetwork: boolean;
  /** The learned model: the mixture of the linear part and the network. */
  learned: number;
  /** The mixture of base and learned model. */
  mix: number;
  /** The shown probability: the mixture, or the completion rate during cold start. */
  p: number;
  /** The learned model's share of the weight behind p. */
  networkShare: number;
  /** The day's features. */
  x: Float32Array;
}

const ALL_AWAKE = SIMPLE_PREDICTORS.map(() => true);
const BOTH = [true, true];
const EPS = 1e-6;

/** Log-odds of a probability, clamped away from 0 and 1. */
export function logit(p: number): number {
  const q = p < EPS ? EPS : Math.min(p, 1 - EPS);
  return Math.log(q / (1 - q));
}

/** A learner that has seen nothing, for a habit whose first day is day number `first`. */
export function newLearner(
  habitId: string,
  first: number,
  opensBefore: readonly number[],
  cfg: LearnConfig,
  schedule: Schedule = DAILY,
): LearnerState {
  return {
    habitId,
    first,
    schedule,
    context: newContext(first, opensBefore),
    week: newWeek(),
    rhythm: newRhythm(first),
    weekdays: newWeekdays(),
    stacker: newStacker(cfg.stacker),
    base: newMixture(cfg.base),
    learned: newMixture(cfg.learned),
    mixture: newMixture(cfg.mixture),
    window: newWindow(cfg.network.window),
    network: null,
  };
}

/** What every stage says about the next day (`s.context.next`), from what is known before it. */
export function predictNext(s: LearnerState, cfg: LearnConfig): DayPrediction {
  const c = s.context;
  const rates = [
    completionRate(c),
    recentRate(c),
    rhythmP(s.rhythm, weekdayOfNumber(c.next), cfg.rhythm),
    momentumRate(c),
    weekdaysP(s.weekdays, weekdayOfNumber(c.next)),
  ];
  const simple = rates;
  const base = mixtureP(s.base, simple, ALL_AWAKE);
  const need = needRate(s.schedule, s.week, c.next, rates[1]);
  const z = [...[...rates, reminderRate(c), opensRate(c)].map(logit), logit(need) - logit(rates[1])];
  const linear = stackLogit(s.stacker, z);
  const x = new Float32Array(NUM_FEATURES);
  writeFeatures(c, { linear, weekNeed: weekNeed(s.schedule, s.week, c.next) }, x, 0);
  const hasNetwork = s.network !== null;
  const network = sigmoid(linear + (s.network ? predictLogit(s.network.net, x) : 0));
  const learned = mixtureP(s.learned, [sigmoid(linear), network], BOTH);
  const mix = mixtureP(s.mixture, [base, learned], BOTH);
  const p = c.days < cfg.shown.coldStartDays ? rates[0] : mix;
  const networkShare = s.mixture[1] / (s.mixture[0] + s.mixture[1]);
  return { day: c.next, simple, z, linear, base, network, hasNetwork, learned, mix, p, networkShare, x };
}

/**
 * Folds the next day with its facts: every stage is scored on it (as it predicted it that morning), the
 * mixtures follow, the day joins the training window, and the context and rhythm move past it. Returns what
 * was predicted for the day.
 */
export function observeDay(s: LearnerState, fact: DayFact, cfg: LearnConfig): DayPrediction {
  const pred = predictNext(s, cfg);
  const y = fact.done ? 1 : 0;
  if (!labelDay(s.schedule, pred.day)) {
    passContext(s.context, fact);
    return pred;
  }
  advanceWeek(s.schedule, s.week, pred.day, y);
  updateMixture(s.base, pred.simple, ALL_AWAKE, y, cfg.base);
  updateStacker(s.stacker, pred.z, y, cfg.stacker);
  updateMixture(s.learned, [sigmoid(pred.linear), pred.network], BOTH, y, cfg.learned);
  updateMixture(s.mixture, [pred.base, pred.learned], BOTH, y, cfg.mixture);
  pushRow(s.window, {
    x: pred.x,
    y,
    day: pred.day,
    base: pred.base,
    linear: pred.linear,
    learned: pred.learned,
    shown: pred.p,
    share: pred.networkShare,
  });
  updateRhythm(s.rhythm, pred.day, weekdayOfNumber(pred.day), y, cfg.rhythm);
  updateWeekdays(s.weekdays, weekdayOfNumber(pred.day), y);
  advanceContext(s.context, fact);
  return pred;
}

/** A deep copy of a learner (observeDay and training change it in place). */
export function cloneLearner(s: LearnerState): LearnerState {
  const n = s.network;
  const f = (a: Float32Array): Float32Array => a.slice();
  return {
    habitId: s.habitId,
    first: s.first,
    schedule: s.schedule,
    context: cloneContext(s.context),
    week: cloneWeek(s.week),
    rhythm: cloneRhythm(s.rhythm),
    weekdays: cloneWeekdays(s.weekdays),
    stacker: { w: s.stacker.w.slice(), inv: s.stacker.inv.slice() },
    base: s.base.slice(),
    learned: s.learned.slice(),
    mixture: s.mixture.slice(),
    window: cloneWindow(s.window),
    network: n
      ? {
          net: { layers: n.net.layers.slice(), weights: n.net.weights.map(f), biases: n.net.biases.map(f) },
          opt: { step: n.opt.step, mW: n.opt.mW.map(f), vW: n.opt.vW.map(f), mB: n.opt.mB.map(f), vB: n.opt.vB.map(f) },
          trainedThrough: n.trainedThrough,
          steps: n.steps,
        }
      : null,
  };
}
