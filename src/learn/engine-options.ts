// Training hyper-parameters of the engine, chosen by replay quality on simulated users (bench/QUALITY.md).
import type { MixOdds } from './baselines.ts';

/** Everything the engine's training and promotion depend on. */
export interface EngineOptions {
  layers: number[];
  /** Epochs for a network started from scratch, and for a nightly warm start from the active one. */
  epochsCold: number;
  epochsWarm: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty added to the weight gradients (biases are not penalised). */
  l2: number;
  /** At most this many days (the most recent) train the network. */
  window: number;
  /** Hold-out: the last holdoutFraction of labelled days, clamped to [minHoldout, maxHoldout]. */
  holdoutFraction: number;
  minHoldout: number;
  maxHoldout: number;
  /** Hold-out log-loss differences to the active model within this many nats are ties; the fresher model wins a tie. */
  promoteTolerance: number;
  /** With blendNetwork 0: the network predicts when its record (summed log-loss lead over the baselines' average) is at least −modelMargin nats. */
  modelMargin: number;
  /** The baseline a candidate must beat to be promoted is the one with the lowest log-loss over this many recent days. */
  baselineWindow: number;
  /** After cold start the baselines are averaged by likelihood with these prior log-odds for the weekday rate against the score. */
  weekdayLogOdds: number;
  /** After cold start the momentum rate joins that average with these prior log-odds against the score (cold start leaves it out). */
  momentumLogOdds: number;
  /** After cold start the smoothed completion rate enters that average with these prior log-odds against the score. */
  rateLogOdds: number;
  /** Fewer training days than this (labelled days before the hold-out): no network yet, the baselines' average alone. */
  minTrainDays: number;
  /** 1: blend the network with the baselines' average by its record (Bayesian model averaging); 0: show whichever has the better record (within modelMargin). */
  blendNetwork: number;
  /** Multiplies the hold-out log-likelihood ratio in the blend (1 = plain Bayesian model averaging). */
  evidenceScale: number;
  /** Prior log-odds of the network against the baselines' average in the blend (0 = even odds; see networkWeight). */
  networkPrior: number;
  /** Fewer labelled days than this: the prior (the three baselines averaged by past likelihood, see priorRateLogOdds), no training. */
  coldStartDays: number;
  /** The prior's odds (log) for the smoothed completion rate against each other baseline. */
  priorRateLogOdds: number;
  /** Daily decay of the refit twin's evidence against the baselines (see refit.ts). */
  refitDecay: number;
}

/** The prior odds of the baselines' average after cold start (the one the network is blended with). */
export function mixOdds(o: EngineOptions): MixOdds {
  return { weekday: o.weekdayLogOdds, momentum: o.momentumLogOdds, rate: o.rateLogOdds };
}

/** Defaults used by the app, the service worker and the replay. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  layers: [10, 16, 8, 1],
  epochsCold: 60,
  epochsWarm: 2,
  batchSize: 32,
  learningRate: 0.005,
  l2: 0.01,
  window: 365,
  holdoutFraction: 0.2,
  minHoldout: 14,
  maxHoldout: 60,
  coldStartDays: 21,
  // Odds e³ ≈ 20:1: a newcomer is judged against the completion rate, and on 7 scored days a lucky
  // early lead of the weekday rate or the score cost coin-flip newcomers more than 0.02 nats/day in
  // half the draws at even odds; another baseline now needs a 3-nat lead (bench/QUALITY.md).
  priorRateLogOdds: 3,
  promoteTolerance: 0.01,
  modelMargin: 0,
  baselineWindow: 180,
  // The completion rate and the weekday rate at the same odds e¹ ≈ 2.7:1 over the score. The weekday
  // rate had e² over both: its first two weeks understate a rhythm, but by day 21 (three days seen
  // per weekday) a coin-flip's weekday rate has a record barely worse than the completion rate's, so the
  // bonus handed it the lead and cost coin-flips of one to four months (bench/QUALITY.md, "the
  // weekday rate loses its head start").
  weekdayLogOdds: 1,
  rateLogOdds: 1,
  // Odds e⁻² ≈ 1:7: a streak habit's momentum rate beats the network there (bench/QUALITY.md,
  // "a momentum rate joins the baselines' average"); at even odds it took weight from the
  // weekday rate on short weekly habits.
  momentumLogOdds: -2,
  // Four weeks: each weekday seen four times; a network fitted to 1-3 weeks beat the baseline on its
  // 14-day hold-out by luck too often.
  minTrainDays: 28,
  blendNetwork: 1,
  evidenceScale: 1,
  // Odds 1:4: the network must out-score the baseline by ln 4 nats on the hold-out to take half the weight.
  networkPrior: -Math.log(4),
  // Half-life 69 days: the record follows a habit that changes instead of freezing the weight.
  refitDecay: 0.99,
};
