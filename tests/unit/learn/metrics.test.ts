// Metrics on values checked by hand.
import { describe, expect, it } from 'vitest';
import { auc, brier, logLoss, logLossOne, scoreAll, LOG_LOSS_EPS } from '../../../src/learn/metrics.ts';

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
