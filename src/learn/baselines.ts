// Simple, past-only predictors: the three the issue scores against (the smoothed completion rate,
// a Loop-style exponentially weighted rate and a smoothed day-of-week rate) and a momentum rate
// that joins them in the average the network is blended with. Each predicts day i from labels of
// days before i only.
import { SCORE_DECAY } from './features.ts';
import { logLossOne } from './metrics.ts';

/** Names of the three baselines, in the order they are compared (a candidate must beat the best). */
export const BASELINE_NAMES = ['rate', 'score', 'weekday'] as const;
/** One of the three baselines. */
export type BaselineName = (typeof BASELINE_NAMES)[number];
/** Every predictor in the baselines' average: the three and the momentum rate. */
export const MIX_NAMES = [...BASELINE_NAMES, 'momentum'] as const;
/** One predictor of the baselines' average. */
export type MixName = (typeof MIX_NAMES)[number];

/** Per predictor: probability for day i (0 <= i <= n; index n is the day after the last label). */
export type Baselines = Record<MixName, Float64Array>;

/**
 * Baseline probabilities from labels y[0..n) whose first day has day number `firstDay`:
 * rate = (c+1)/(d+2); score = (A+1)/(B+2) with A, B the completions and days decayed by
 * 0.5^(1/13) per day; weekday = (c_w+1)/(d_w+2) over past days with the same weekday;
 * momentum = (c_s+1)/(d_s+2) over past days that followed a day in yesterday's state s (done or
 * missed; the rate on day 0, which has no yesterday).
 */
export function computeBaselines(y: ArrayLike<number>, n: number, firstDay: number): Baselines {
  const rate = new Float64Array(n + 1),
    score = new Float64Array(n + 1),
    weekday = new Float64Array(n + 1),
    momentum = new Float64Array(n + 1);
  const wDone = new Float64Array(7),
    wDays = new Float64Array(7);
  // Indexed by the previous day's label: completions and days that followed a missed (0) or done (1) day.
  const sDone = new Float64Array(2),
    sDays = new Float64Array(2);
  let c = 0,
    a = 0,
    b = 0,
    prev = -1;
  for (let i = 0; i <= n; i++) {
    const wd = (((firstDay + i + 4) % 7) + 7) % 7;
    rate[i] = (c + 1) / (i + 2);
    score[i] = (a + 1) / (b + 2);
    weekday[i] = (wDone[wd] + 1) / (wDays[wd] + 2);
    momentum[i] = prev < 0 ? rate[i] : (sDone[prev] + 1) / (sDays[prev] + 2);
    if (i === n) break;
    const d = y[i] > 0.5 ? 1 : 0;
    if (prev >= 0) {
      sDone[prev] += d;
      sDays[prev] += 1;
    }
    prev = d;
    c += d;
    a = a * SCORE_DECAY + d;
    b = b * SCORE_DECAY + 1;
    wDone[wd] += d;
    wDays[wd] += 1;
  }
  return { rate, score, weekday, momentum };
}

/**
 * Per predictor: its log-loss summed over the days before i, at index i (0 <= i <= n). Past-only like
 * the baselines, so a prefix of it is what a shorter history gives; the average below reads it in O(1).
 */
export function cumulativeLosses(b: Baselines, y: ArrayLike<number>, n: number): Baselines {
  const out = {} as Baselines;
  for (const name of MIX_NAMES) {
    const p = b[name],
      c = (out[name] = new Float64Array(n + 1));
    for (let i = 0; i < n; i++) c[i + 1] = c[i] + logLossOne(p[i], y[i] > 0.5 ? 1 : 0);
  }
  return out;
}

/** Log prior odds of the average's predictors against the score (0: even; −Infinity leaves one out). */
export interface MixOdds {
  weekday?: number;
  rate?: number;
  momentum?: number;
}

/**
 * The predictors averaged for day i with weights proportional to their prior odds times their
 * likelihood on all the days before (Bayesian model averaging, past-only), from their cumulative
 * losses. With c_k the log prior odds (`odds`; the momentum rate is left out unless given), the
 * average costs at most ln(Σ_j e^c_j) − c_k nats in total over predictor k (ln 3 for the three at
 * even odds). `lead` is the predictor with the largest weight (for the explanation).
 */
export function mixAt(b: Baselines, loss: Baselines, i: number, odds: MixOdds = {}): { p: number; lead: MixName } {
  // Prior odds enter as a head start in the accumulated loss.
  const l0 = loss.rate[i] - (odds.rate ?? 0),
    l1 = loss.score[i],
    l2 = loss.weekday[i] - (odds.weekday ?? 0);
  const l3 = loss.momentum[i] - (odds.momentum ?? -Infinity);
  const least = Math.min(l0, l1, l2, l3);
  const w0 = Math.exp(least - l0),
    w1 = Math.exp(least - l1),
    w2 = Math.exp(least - l2),
    w3 = Math.exp(least - l3);
  const p = (w0 * b.rate[i] + w1 * b.score[i] + w2 * b.weekday[i] + w3 * b.momentum[i]) / (w0 + w1 + w2 + w3);
  const lead: MixName =
    l0 <= l1 && l0 <= l2 && l0 <= l3 ? 'rate' : l1 <= l2 && l1 <= l3 ? 'score' : l2 <= l3 ? 'weekday' : 'momentum';
  return { p, lead };
}

/** mixAt for every day 0..n of labels y[0..n) (p[n] is the day after the last label); `lead` at day n. */
export function mixBaselines(
  b: Baselines,
  y: ArrayLike<number>,
  n: number,
  odds: MixOdds = {},
): { p: Float64Array; lead: MixName } {
  const loss = cumulativeLosses(b, y, n);
  const p = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) p[i] = mixAt(b, loss, i, odds).p;
  return { p, lead: mixAt(b, loss, n, odds).lead };
}
