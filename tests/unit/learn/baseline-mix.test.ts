// The three baselines averaged by their past likelihood (the cold-start prior at even odds; after
// cold start with odds for the weekday rate). It must only look back, never cost more than the
// Bayes bound in total against any of the three, and find a weekly rhythm within two weeks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASELINE_NAMES, computeBaselines, mixBaselines } from '../../../src/learn/baselines.ts';
import { logLossOne } from '../../../src/learn/metrics.ts';

const labels = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 120 });

describe('mixBaselines (the baselines\' likelihood-weighted average)', () => {
  it('is past-only: changing the labels from day i on changes no probability up to day i', () => {
    fc.assert(
      fc.property(labels, fc.nat(), fc.integer({ min: 0, max: 6 }), (y, cut, firstDay) => {
        const i = cut % y.length;
        const flipped = y.map((v, d) => (d >= i ? 1 - v : v));
        const a = mixBaselines(computeBaselines(y, y.length, firstDay), y, y.length).p;
        const b = mixBaselines(computeBaselines(flipped, y.length, firstDay), flipped, y.length).p;
        for (let d = 0; d <= i; d++) expect(b[d]).toBe(a[d]);
      }),
    );
  });

  it('costs at most ln(Σ e^c_j) − c_k nats in total over baseline k (ln 3 at even odds), on any labels and odds', () => {
    const odds = fc.double({ min: -4, max: 4, noNaN: true });
    fc.assert(
      fc.property(labels, fc.integer({ min: 0, max: 6 }), odds, odds, (y, firstDay, c, a) => {
        const n = y.length;
        const base = computeBaselines(y, n, firstDay);
        const mix = mixBaselines(base, y, n, c, a).p;
        let mixLoss = 0;
        const loss = BASELINE_NAMES.map(() => 0);
        for (let d = 0; d < n; d++) {
          mixLoss += logLossOne(mix[d], y[d]);
          BASELINE_NAMES.forEach((name, k) => (loss[k] += logLossOne(base[name][d], y[d])));
        }
        const logOdds = BASELINE_NAMES.map((name) => (name === 'weekday' ? c : name === 'rate' ? a : 0));
        const norm = Math.log(logOdds.reduce((t, x) => t + Math.exp(x), 0));
        BASELINE_NAMES.forEach((name, k) => expect(mixLoss, name).toBeLessThanOrEqual(loss[k] + norm - logOdds[k] + 1e-9));
      }),
    );
  });

  it('follows a strict weekly rhythm within two weeks at even odds (three at odds e³ for the rate), where the plain rate cannot', () => {
    // Done Monday to Friday, never at the weekend; day 0 is a Monday (day number 4 is a Monday here).
    const y = Array.from({ length: 14 }, (_, d) => (d % 7 < 5 ? 1 : 0));
    const base = computeBaselines(y, 14, 4);
    const { p, lead } = mixBaselines(base, y, 14);
    // Day 14 is a Monday again: the weekday rate says (2+1)/(2+2), the completion rate (10+1)/(14+2).
    expect(lead).toBe('weekday');
    expect(p[14]).toBeGreaterThan(base.rate[14]);
    expect(p[14]).toBeCloseTo(base.weekday[14], 1);
    // At the prior's odds of e³ for the completion rate the rhythm needs a third week to lead.
    const y21 = Array.from({ length: 21 }, (_, d) => (d % 7 < 5 ? 1 : 0));
    const base21 = computeBaselines(y21, 21, 4);
    expect(mixBaselines(base, y, 14, 0, 3).lead).toBe('rate');
    expect(mixBaselines(base21, y21, 21, 0, 3).lead).toBe('weekday');
  });
});
