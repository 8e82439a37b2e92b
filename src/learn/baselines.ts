// Three simple, past-only predictors the network must beat: the smoothed completion rate, a
// Loop-style exponentially weighted rate and a smoothed day-of-week rate. Each predicts day i from
// labels of days before i only.
import { SCORE_DECAY } from './features.ts';
import { logLossOne } from './metrics.ts';

/** Names of the baselines, in the order they are compared. */
export const BASELINE_NAMES = ['rate', 'score', 'weekday'] as const;
/** One of the baselines. */
export type BaselineName = (typeof BASELINE_NAMES)[number];

/** Per baseline: probability for day i (0 <= i <= n; index n is the day after the last label). */
export type Baselines = Record<BaselineName, Float64Array>;

/**
 * Baseline probabilities from labels y[0..n) whose first day has day number `firstDay`:
 * rate = (c+1)/(d+2); score = (A+1)/(B+2) with A, B the completions and days decayed by
 * 0.5^(1/13) per day; weekday = (c_w+1)/(d_w+2) over past days with the same weekday.
 */
export function computeBaselines(y: ArrayLike<number>, n: number, firstDay: number): Baselines {
  const rate = new Float64Array(n + 1), score = new Float64Array(n + 1), weekday = new Float64Array(n + 1);
  const wDone = new Float64Array(7), wDays = new Float64Array(7);
  let c = 0, a = 0, b = 0;
  for (let i = 0; i <= n; i++) {
    const wd = (((firstDay + i + 4) % 7) + 7) % 7;
    rate[i] = (c + 1) / (i + 2);
    score[i] = (a + 1) / (b + 2);
    weekday[i] = (wDone[wd] + 1) / (wDays[wd] + 2);
    if (i === n) break;
    const d = y[i] > 0.5 ? 1 : 0;
    c += d;
    a = a * SCORE_DECAY + d;
    b = b * SCORE_DECAY + 1;
    wDone[wd] += d;
    wDays[wd] += 1;
  }
  return { rate, score, weekday };
}

/**
 * Per baseline: its log-loss summed over the days before i, at index i (0 <= i <= n). Past-only like
 * the baselines, so a prefix of it is what a shorter history gives; the average below reads it in O(1).
 */
export function cumulativeLosses(b: Baselines, y: ArrayLike<number>, n: number): Baselines {
  const out = { rate: new Float64Array(n + 1), score: new Float64Array(n + 1), weekday: new Float64Array(n + 1) };
  for (const name of BASELINE_NAMES) {
    const p = b[name], c = out[name];
    for (let i = 0; i < n; i++) c[i + 1] = c[i] + logLossOne(p[i], y[i] > 0.5 ? 1 : 0);
  }
  return out;
}

/**
 * The baselines averaged for day i with weights proportional to their prior odds times their
 * likelihood on all the days before (Bayesian model averaging, past-only), from their cumulative
 * losses. `weekdayLogOdds` and `rateLogOdds` are the log prior odds of the weekday rate and of the
 * completion rate against the score (0: even). With c_k those log-odds, the average costs at most
 * ln(Σ_j e^c_j) − c_k nats in total over baseline k (ln 3 at even odds). `lead` is the baseline with
 * the largest weight (for the explanation).
 */
export function mixAt(b: Baselines, loss: Baselines, i: number, weekdayLogOdds = 0, rateLogOdds = 0): { p: number; lead: BaselineName } {
  // Prior odds enter as a head start in the accumulated loss.
  const l0 = loss.rate[i] - rateLogOdds, l1 = loss.score[i], l2 = loss.weekday[i] - weekdayLogOdds;
  const least = Math.min(l0, l1, l2);
  const w0 = Math.exp(least - l0), w1 = Math.exp(least - l1), w2 = Math.exp(least - l2);
  const p = (w0 * b.rate[i] + w1 * b.score[i] + w2 * b.weekday[i]) / (w0 + w1 + w2);
  const lead: BaselineName = l0 <= l1 && l0 <= l2 ? 'rate' : l1 <= l2 ? 'score' : 'weekday';
  return { p, lead };
}

/** mixAt for every day 0..n of labels y[0..n) (p[n] is the day after the last label); `lead` at day n. */
export function mixBaselines(b: Baselines, y: ArrayLike<number>, n: number, weekdayLogOdds = 0, rateLogOdds = 0): { p: Float64Array; lead: BaselineName } {
  const loss = cumulativeLosses(b, y, n);
  const p = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) p[i] = mixAt(b, loss, i, weekdayLogOdds, rateLogOdds).p;
  return { p, lead: mixAt(b, loss, n, weekdayLogOdds, rateLogOdds).lead };
}
