// Metrics and baselines on values checked by hand.
import { describe, expect, it } from 'vitest';
import { auc, brier, logLoss, logLossOne, scoreAll, LOG_LOSS_EPS } from '../../../src/learn/metrics.ts';
import { computeBaselines } from '../../../src/learn/baselines.ts';
import { SCORE_DECAY } from '../../../src/learn/features.ts';
import { dayToNumber } from '../../../src/learn/time.ts';

describe('metrics', () => {
  it('log-loss is natural-log cross-entropy, clamped so a certain miss is finite', () => {
    expect(logLossOne(0.8, 1)).toBeCloseTo(-Math.log(0.8), 12);
    expect(logLossOne(0.8, 0)).toBeCloseTo(-Math.log(0.2), 12);
    expect(logLossOne(0, 1)).toBeCloseTo(-Math.log(LOG_LOSS_EPS), 9); // ~13.8155, not Infinity
    expect(logLossOne(1, 0)).toBeCloseTo(13.8155, 3);
    expect(logLoss([0.5, 0.9], [1, 0])).toBeCloseTo((Math.log(2) - Math.log(0.1)) / 2, 12);
  });

  it('Brier is the mean squared error', () => {
    expect(brier([0.5, 0.9, 0.2], [1, 0, 0])).toBeCloseTo((0.25 + 0.81 + 0.04) / 3, 12);
  });

  it('AUC counts tied scores as half and is null with one class', () => {
    // Positives score 0.5 and 0.8, negatives 0.5 and 0.2: pairs 0.5 (tie) + 1 + 1 + 1 = 3.5 of 4.
    expect(auc([0.5, 0.5, 0.2, 0.8], [1, 0, 0, 1])).toBeCloseTo(0.875, 12);
    expect(auc([0.3, 0.3, 0.3], [1, 0, 1])).toBeCloseTo(0.5, 12);
    expect(auc([0.1, 0.9], [0, 1])).toBe(1);
    expect(auc([0.1, 0.9], [1, 1])).toBeNull();
    expect(scoreAll([0.1, 0.9, 0.4], [0, 1, 1], 1, 3)).toEqual({
      n: 2,
      logLoss: logLoss([0.9, 0.4], [1, 1]),
      brier: (0.01 + 0.36) / 2,
      auc: null,
    });
  });
});

describe('baselines', () => {
  it('predict each day from earlier days only, smoothed', () => {
    const monday = dayToNumber('2026-01-05');
    const y = [1, 0, 1, 1, 1, 1, 1, 0];
    const b = computeBaselines(y, y.length, monday);
    expect(Array.from(b.rate.subarray(0, 4))).toEqual([1 / 2, 2 / 3, 2 / 4, 3 / 5]);
    expect(b.rate[8]).toBeCloseTo(7 / 10, 12);
    // Weekday: the first week has no history for its weekday; the second Monday (index 7) saw one done Monday.
    expect(b.weekday[3]).toBe(0.5);
    expect(b.weekday[7]).toBeCloseTo(2 / 3, 12);
    expect(b.weekday[8]).toBeCloseTo(1 / 3, 12); // the Tuesday after: one past Tuesday, not done
    // Loop-style score: completions and days decayed by 0.5^(1/13).
    const m = SCORE_DECAY;
    const a2 = 1 * m + 0,
      b2 = 1 * m + 1;
    expect(b.score[0]).toBe(0.5);
    expect(b.score[2]).toBeCloseTo((a2 + 1) / (b2 + 2), 12);
    // Momentum: day 0 has no yesterday (the rate); then the smoothed rate over past days that followed
    // a day like yesterday, counting a day only once the day after it is past.
    expect(b.momentum[0]).toBe(0.5);
    expect(b.momentum[1]).toBe(0.5); // yesterday done; no day after a done day seen yet
    expect(b.momentum[2]).toBe(0.5); // yesterday missed; no day after a missed day seen yet
    expect(b.momentum[3]).toBeCloseTo(1 / 3, 12); // after a done day: day 1 (missed)
    expect(b.momentum[7]).toBeCloseTo((4 + 1) / (5 + 2), 12); // after a done day: days 1, 3, 4, 5, 6 (4 done)
    expect(b.momentum[8]).toBeCloseTo((1 + 1) / (1 + 2), 12); // after a missed day: day 2 (done)
  });
});
