// Probabilistic scores on a hold-out: log-loss (clamped so one confident miss is finite), Brier
// score and ROC AUC (Mann-Whitney with average ranks for ties).
import type { Metrics } from './types.ts';

/** Probabilities are clamped to [EPS, 1-EPS] before the log: a certain miss costs ~13.8 nats, not Infinity. */
export const LOG_LOSS_EPS = 1e-6;

/** Log-loss of probability p for label y (natural log, clamped). */
export function logLossOne(p: number, y: number): number {
  const q = p < LOG_LOSS_EPS ? LOG_LOSS_EPS : Math.min(p, 1 - LOG_LOSS_EPS);
  return y > 0.5 ? -Math.log(q) : -Math.log(1 - q);
}

/** Mean log-loss over p[from..to) vs y[from..to). */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += logLossOne(p[i], y[i]);
  return to > from ? s / (to - from) : NaN;
}

/** Mean squared error of the probabilities. */
export function brier(p: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
  return to > from ? s / (to - from) : NaN;
}

/** ROC AUC with tied scores counted half; null when only one class is present. */
export function auc(p: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): number | null {
  const idx: number[] = [];
  for (let i = from; i < to; i++) idx.push(i);
  idx.sort((a, b) => p[a] - p[b]);
  let pos = 0,
    neg = 0,
    rankSumPos = 0;
  for (let k = 0; k < idx.length; ) {
    let j = k;
    while (j + 1 < idx.length && p[idx[j + 1]] === p[idx[k]]) j++;
    const avgRank = (k + j) / 2 + 1; // ranks are 1-based
    for (let m = k; m <= j; m++) {
      if (y[idx[m]] > 0.5) {
        pos++;
        rankSumPos += avgRank;
      } else neg++;
    }
    k = j + 1;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** All three scores of one predictor on y[from..to). */
export function scoreAll(p: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): Metrics {
  return {
    n: Math.max(0, to - from),
    logLoss: logLoss(p, y, from, to),
    brier: brier(p, y, from, to),
    auc: auc(p, y, from, to),
  };
}
