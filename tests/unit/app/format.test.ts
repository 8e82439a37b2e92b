// Sizes in Settings and chart summaries in Insights read as plain sentences: "1 byte", "1 day",
// and no "1000 KB" where the next unit is meant.
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/app/humanize.ts';
import { calibrationSummary, seriesSummary } from '../../../src/app/insights/chartGeometry.ts';
import type { CalibrationBin, InsightPoint } from '../../../src/trainer/api.ts';

describe('formatBytes', () => {
  it('says "1 byte", not "1 bytes"', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
  });

  it('rolls over to the next unit when rounding reaches 1000', () => {
    expect(formatBytes(999_600)).toBe('1.0 MB');
    expect(formatBytes(999_999_999)).toBe('1.0 GB');
    expect(formatBytes(999_499)).toBe('999 KB');
  });

  it('drops the decimal once rounding reaches 10', () => {
    expect(formatBytes(9_960_000)).toBe('10 MB');
    expect(formatBytes(9_940_000)).toBe('9.9 MB');
  });
});

describe('chart summaries', () => {
  it('say "1 day" and "1 group" in the singular', () => {
    const bin = { lo: 0, hi: 0.1, n: 1, predicted: 0.05, actual: 0 } as CalibrationBin;
    expect(calibrationSummary([bin])).toMatch(/^Across 1 day in 1 group, /);
    const point = { day: '2026-01-01', p: 0.4, outcome: 1, source: 'prior' } as InsightPoint;
    expect(seriesSummary([point])).toMatch(/^Over 1 day from 2026-01-01 to 2026-01-01, you did it on 1 day \(100%\)/);
  });
});
