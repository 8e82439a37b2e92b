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
 * The baselines averaged day by day with weights proportional to their prior odds times their
 * likelihood on all the days before (Bayesian model averaging, past-only): p[i] for 0 <= i <= n.
 * `weekdayLogOdds` and `rateLogOdds` are the log prior odds of the weekday rate and of the completion
 * rate against the score (0: even). With c_k those log-odds, the average costs at most
 * ln(Σ_j e^c_j) − c_k nats in total over baseline k (ln 3 at even odds). `lead` is the baseline with
 * the largest weight at day n (for the explanation).
 */
export function mixBaselines(b: Baselines, y: ArrayLike<number>, n: number, weekdayLogOdds = 0, rateLogOdds = 0): { p: Float64Array; lead: BaselineName } {
  // Prior odds enter as a head start in the accumulated loss (index 0: the rate, 2: the weekday rate).
  const loss = new Float64Array(3);
  loss[2] = -weekdayLogOdds;
  loss[0] = -rateLogOdds;
  const out = new Float64Array(n + 1);
  let lead = 0;
  for (let i = 0; i <= n; i++) {
    const least = Math.min(loss[0], loss[1], loss[2]);
    let sw = 0, sp = 0;
    lead = 0;
    for (let k = 0; k < 3; k++) {
      const w = Math.exp(least - loss[k]);
      sw += w;
      sp += w * b[BASELINE_NAMES[k]][i];
      if (loss[k] < loss[lead]) lead = k;
    }
    out[i] = sp / sw;
    if (i === n) break;
    const yi = y[i] > 0.5 ? 1 : 0;
    for (let k = 0; k < 3; k++) loss[k] += logLossOne(b[BASELINE_NAMES[k]][i], yi);
  }
  return { p: out, lead: BASELINE_NAMES[lead] };
}
