// The baselines averaged by their past likelihood (the cold-start prior: the three with odds for the
// completion rate; after cold start with odds for the weekday rate and the momentum rate). It must
// only look back, never cost more than the Bayes bound in total against any of its predictors, find
// a weekly rhythm within two weeks and a streak habit's momentum when it joins.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIX_NAMES, computeBaselines, mixBaselines } from '../../../src/learn/baselines.ts';
import { logLossOne } from '../../../src/learn/metrics.ts';

const labels = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 120 });

describe("mixBaselines (the baselines' likelihood-weighted average)", () => {
  it('is past-only: changing the labels from day i on changes no probability up to day i', () => {
    fc.assert(
      fc.property(labels, fc.nat(), fc.integer({ min: 0, max: 6 }), (y, cut, firstDay) => {
        const i = cut % y.length;
        const flipped = y.map((v, d) => (d >= i ? 1 - v : v));
        const a = mixBaselines(computeBaselines(y, y.length, firstDay), y, y.length, { momentum: 0 }).p;
        const b = mixBaselines(computeBaselines(flipped, y.length, firstDay), flipped, y.length, { momentum: 0 }).p;
        for (let d = 0; d <= i; d++) expect(b[d]).toBe(a[d]);
      }),
    );
  });

  it('costs at most ln(Σ e^c_j) − c_k nats in total over predictor k (ln 3 for the three at even odds), on any labels and odds', () => {
    const odds = fc.double({ min: -4, max: 4, noNaN: true });
    // The momentum rate joins (finite odds) or stays out (−Infinity: the bound is then over the three).
    const momentumOdds = fc.oneof(odds, fc.constant(-Infinity));
    fc.assert(
      fc.property(labels, fc.integer({ min: 0, max: 6 }), odds, odds, momentumOdds, (y, firstDay, c, a, m) => {
        const n = y.length;
        const base = computeBaselines(y, n, firstDay);
        const mix = mixBaselines(base, y, n, { weekday: c, rate: a, momentum: m }).p;
        let mixLoss = 0;
        const loss = MIX_NAMES.map(() => 0);
        for (let d = 0; d < n; d++) {
          mixLoss += logLossOne(mix[d], y[d]);
          MIX_NAMES.forEach((name, k) => (loss[k] += logLossOne(base[name][d], y[d])));
        }
        const logOdds = MIX_NAMES.map((name) =>
          name === 'weekday' ? c : name === 'rate' ? a : name === 'momentum' ? m : 0,
        );
        const norm = Math.log(logOdds.reduce((t, x) => t + Math.exp(x), 0));
        MIX_NAMES.forEach((name, k) => {
          if (logOdds[k] > -Infinity) expect(mixLoss, name).toBeLessThanOrEqual(loss[k] + norm - logOdds[k] + 1e-9);
        });
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
    expect(mixBaselines(base, y, 14, { rate: 3 }).lead).toBe('rate');
    expect(mixBaselines(base21, y21, 21, { rate: 3 }).lead).toBe('weekday');
  });

  it("follows a streak habit's momentum once it joins at odds 1:7, where the weekday rate and the score lag", () => {
    // Runs of done days and runs of missed days, each 3-6 long, with no weekly pattern: what matters is yesterday.
    const runs = [4, 5, 3, 6, 5, 3, 4, 6, 3, 5, 6, 4, 5, 3, 4, 6, 3, 5];
    const y = runs.flatMap((len, k) => Array.from({ length: len }, () => (k % 2 === 0 ? 1 : 0)));
    const n = y.length;
    const base = computeBaselines(y, n, 4);
    const withMomentum = mixBaselines(base, y, n, { weekday: 2, momentum: -2 });
    const without = mixBaselines(base, y, n, { weekday: 2 });
    expect(withMomentum.lead).toBe('momentum');
    // The last run was missed days, and a missed day was followed by another on 34 of 42 days before:
    // momentum says about 0.2, where the rate, the weekday rate and the score say 0.40-0.46.
    expect(y[n - 1]).toBe(0);
    expect(withMomentum.p[n]).toBeLessThan(0.3);
    expect(without.p[n]).toBeGreaterThan(0.35);
  });
});
