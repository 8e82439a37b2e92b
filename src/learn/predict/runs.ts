// The rate after a run like yesterday's (done or missed k days in a row): streak momentum, lapses and
// slow restarts. Run lengths are sparse (a 3-day lapse is rare, and every longer one passed through it),
// so a rate per length is noisy; instead each side (after done days, after missed days) is read as
// "one rate up to some length, another from it on", averaged over every such step by how well it
// explains the counted days (Bayesian model averaging). A restart that becomes slow after the third
// missed day, or momentum that builds over a few days, is then learned from all the days on either side.
import { lnGamma } from './beta.ts';

/** Pseudo-days of the anchor rate each segment's rate starts from. */
const PRIOR_DAYS = 2;

/**
 * The averaged rate of length class `k` (0-based) on one side, from decayed counts per length class
 * (`done[from + j]`, `days[from + j]` for j < len), each segment's rate shrunk towards `anchor`.
 */
export function stepRate(opts: {
  done: readonly number[];
  days: readonly number[];
  from: number;
  len: number;
  k: number;
  anchor: number;
}): number {
  const { done, days, from, len, k, anchor } = opts;
  let totalD = 0;
  let totalN = 0;
  for (let j = 0; j < len; j++) {
    totalD += done[from + j];
    totalN += days[from + j];
  }
  const a = PRIOR_DAYS * anchor;
  const b = PRIOR_DAYS * (1 - anchor);
  // Log evidence of a segment without the prior's normaliser, which every step shares per segment.
  const norm = lnGamma(PRIOR_DAYS) - lnGamma(a) - lnGamma(b);
  const evidence = (d: number, n: number): number =>
    lnGamma(d + a) + lnGamma(n - d + b) - lnGamma(n + PRIOR_DAYS) + norm;
  // Step c splits the lengths into [0, c) and [c, len); c = 0 is one rate for the whole side.
  let lowD = 0;
  let lowN = 0;
  let best = -Infinity;
  const logW: number[] = [];
  const pK: number[] = [];
  for (let c = 0; c < len; c++) {
    if (c > 0) {
      lowD += done[from + c - 1];
      lowN += days[from + c - 1];
    }
    const highD = totalD - lowD;
    const highN = totalN - lowN;
    const lw = (c > 0 ? evidence(lowD, lowN) : 0) + evidence(highD, highN);
    logW.push(lw);
    pK.push(k < c ? (lowD + a) / (lowN + PRIOR_DAYS) : (highD + a) / (highN + PRIOR_DAYS));
    if (lw > best) best = lw;
  }
  let num = 0;
  let den = 0;
  for (let c = 0; c < len; c++) {
    const w = Math.exp(logW[c] - best);
    num += w * pK[c];
    den += w;
  }
  return num / den;
}
