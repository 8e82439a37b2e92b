// Insights chart geometry and summaries, and which checkpoint a rollback goes back to.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CALIBRATION_FRAME,
  SERIES_FRAME,
  calibrationDots,
  calibrationSummary,
  outcomeDots,
  seriesPaths,
  seriesSummary,
  xOf,
  yOf,
} from '../../../../src/app/insights/chartGeometry.ts';
import { rollbackTarget, type CheckpointSummary } from '../../../../src/app/insights/ModelPanel.tsx';
import type { CalibrationBin, InsightPoint } from '../../../../src/trainer/api.ts';
import { addDays } from '../../../../src/learn/time.ts';

const pt = (i: number, p: number, outcome: 0 | 1 | null, source: InsightPoint['source'] = 'model'): InsightPoint => ({
  day: addDays('2026-01-01', i),
  p,
  outcome,
  source,
});

describe('probability chart', () => {
  it('keeps every point inside the plot, whatever the probabilities', () => {
    const F = SERIES_FRAME;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: false }), fc.constant(0.5)), { minLength: 1, maxLength: 60 }),
        (ps) => {
          const series = ps.map((p, i) => pt(i, p, i % 2 ? 1 : 0));
          for (const seg of seriesPaths(F, series)) {
            for (const m of seg.d.matchAll(/([\d.]+) ([\d.]+)/g)) {
              const [x, y] = [+m[1], +m[2]];
              if (x < F.left - 0.1 || x > F.width - F.right + 0.1 || y < F.top - 0.1 || y > F.height - F.bottom + 0.1)
                return false;
            }
          }
          return true;
        },
      ),
    );
  });
  it('splits the line where the source changes (joined) and where days are missing (not joined)', () => {
    const series = [
      pt(0, 0.5, 1, 'prior'),
      pt(1, 0.5, 0, 'prior'),
      pt(2, 0.7, 1, 'model'),
      pt(3, 0.6, 1, 'model'),
      pt(10, 0.2, 0, 'model'),
    ];
    const segs = seriesPaths(SERIES_FRAME, series);
    expect(segs.map((s) => s.source)).toEqual(['prior', 'model', 'model']);
    // The model segment starts where the prior one ended.
    const lastOfPrior = segs[0].d.split(' L').pop();
    expect(segs[1].d.startsWith(`M${lastOfPrior}`)).toBe(true);
    // A lone day still draws a visible mark.
    expect(segs[2].d).toMatch(/h0\.1$/);
  });
  it('puts done and missed days in separate lanes and skips unknown outcomes', () => {
    const dots = outcomeDots(SERIES_FRAME, [pt(0, 0.5, 1), pt(1, 0.5, 0), pt(2, 0.5, null)]);
    expect(dots.map((d) => d.done)).toEqual([true, false]);
    expect(dots[0].y).not.toBe(dots[1].y);
    expect(dots[0].x).toBe(xOf(SERIES_FRAME, 0));
  });
  it('summarises in words how the chances matched what happened', () => {
    const s = seriesSummary([pt(0, 0.9, 1), pt(1, 0.8, 1), pt(2, 0.2, 0), pt(3, 0.3, 1), pt(4, 0.5, null)]);
    expect(s).toBe(
      'Over 4 days from 2026-01-01 to 2026-01-04, you did it on 3 days (75%); the average predicted chance was 55%. ' +
        'On days predicted 50% or more, done 2 of 2. On days predicted below 50%, done 1 of 2.',
    );
    expect(seriesSummary([])).toMatch(/No days/);
  });
});

describe('calibration chart', () => {
  const bins = [
    { lo: 0, hi: 0.2, predicted: 0.1, actual: 0.12, n: 40 },
    { lo: 0.2, hi: 0.4, predicted: 0.3, actual: 0.3, n: 10 },
    { lo: 0.4, hi: 0.6, predicted: 0.5, actual: 0, n: 0 },
    { lo: 0.8, hi: 1, predicted: 0.9, actual: 0.85, n: 50 },
  ];
  it('places a dot per non-empty bin at (predicted, actual), bigger for more days', () => {
    const dots = calibrationDots(CALIBRATION_FRAME, bins);
    expect(dots.map((d) => d.bin.lo)).toEqual([0, 0.2, 0.8]);
    expect(dots[0].cy).toBeCloseTo(yOf(CALIBRATION_FRAME, 0.12), 0);
    expect(dots[2].r).toBeGreaterThan(dots[1].r);
  });
  it('says how far off the chances were, weighted by days', () => {
    expect(calibrationSummary(bins)).toBe(
      'Across 100 days in 3 groups, predicted chances were close to what happened: ' +
        'off by 3 percentage points on average.',
    );
    expect(calibrationSummary([])).toMatch(/Not enough days/);
  });
});

describe('rollback target', () => {
  const cp = (version: number, active: 0 | 1): CheckpointSummary => ({
    version,
    active,
    createdAt: 0,
    trigger: 'manual',
    trainedThrough: '2026-01-01',
  });
  it('is the newest version older than the active one', () => {
    expect(rollbackTarget([cp(1, 0), cp(2, 0), cp(4, 1), cp(3, 0)])).toMatchObject({ previous: 3 });
    expect(rollbackTarget([cp(2, 1), cp(5, 0)])).toMatchObject({ previous: null });
    expect(rollbackTarget([cp(1, 0)])).toEqual({ active: null, previous: null });
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
