// Geometry and plain-words summaries for the Insights charts. PURE: numbers in, strings out.
import type { CalibrationBin, InsightPoint } from '../../trainer/api.ts';
import { daysBetween } from '../../learn/time.ts';
import { plural } from '../humanize.ts';

/** A chart's drawing box: the viewBox size and the inner plot area. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The probability chart's frame: wide and short, room for axis labels. */
export const SERIES_FRAME: Frame = { width: 360, height: 204, left: 52, right: 8, top: 10, bottom: 64 };
/** The calibration chart's frame: square, since both axes are probabilities. */
export const CALIBRATION_FRAME: Frame = { width: 240, height: 240, left: 36, right: 10, top: 10, bottom: 34 };

/** Maps a probability (0..1) to a y coordinate in the frame (1 at the top). */
export function yOf(f: Frame, p: number): number {
  const h = f.height - f.top - f.bottom;
  return f.top + (1 - clamp01(p)) * h;
}

/** Maps a fraction of the x range (0..1) to an x coordinate in the frame. */
export function xOf(f: Frame, frac: number): number {
  return f.left + clamp01(frac) * (f.width - f.left - f.right);
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A run of consecutive days with the same source, drawn as one path. */
export interface Segment {
  source: InsightPoint['source'];
  d: string;
}

/**
 * Line paths of the probability over time, split where the source changes (a prior is drawn
 * differently from a trained model) and where days are missing (no line across a gap).
 */
export function seriesPaths(f: Frame, series: readonly InsightPoint[]): Segment[] {
  if (!series.length) return [];
  const first = series[0].day;
  const span = Math.max(1, daysBetween(first, series[series.length - 1].day));
  const runs: { source: InsightPoint['source']; pts: string[] }[] = [];
  let cur: { source: InsightPoint['source']; pts: string[] } | null = null;
  let prevDay: string | null = null;
  for (const pt of series) {
    if (!Number.isFinite(pt.p)) {
      cur = null;
      prevDay = null;
      continue;
    }
    const xy = `${r1(xOf(f, daysBetween(first, pt.day) / span))} ${r1(yOf(f, pt.p))}`;
    const contiguous = prevDay !== null && daysBetween(prevDay, pt.day) === 1;
    if (cur && contiguous && cur.source === pt.source) cur.pts.push(xy);
    else {
      // Start the new segment at the previous point so a source change leaves no visual gap.
      const start: string[] = cur && contiguous ? [cur.pts[cur.pts.length - 1]] : [];
      cur = { source: pt.source, pts: [...start, xy] };
      runs.push(cur);
    }
    prevDay = pt.day;
  }
  return runs.map((s) => ({ source: s.source, d: s.pts.length === 1 ? `M${s.pts[0]} h0.1` : `M${s.pts.join(' L')}` }));
}

/** Offsets below the plot of the done and missed lanes (clear of the 0% label). */
export const LANE_DONE = 20;
/** See LANE_DONE. */
export const LANE_MISSED = 33;

/** Outcome marks under the plot: a lane of done days above a lane of missed days; unknown days none. */
export function outcomeDots(
  f: Frame,
  series: readonly InsightPoint[],
): { x: number; y: number; done: boolean; day: string }[] {
  if (!series.length) return [];
  const first = series[0].day;
  const span = Math.max(1, daysBetween(first, series[series.length - 1].day));
  return series
    .filter((pt) => pt.outcome !== null)
    .map((pt) => ({
      x: r1(xOf(f, daysBetween(first, pt.day) / span)),
      y: pt.outcome === 1 ? f.height - f.bottom + LANE_DONE : f.height - f.bottom + LANE_MISSED,
      done: pt.outcome === 1,
      day: pt.day,
    }));
}

/** A plain-words summary of the series: how the probabilities matched what happened. */
export function seriesSummary(series: readonly InsightPoint[]): string {
  const known = series.filter((s) => s.outcome !== null && Number.isFinite(s.p));
  if (!known.length) return 'No days with a known outcome yet.';
  const done = known.filter((s) => s.outcome === 1).length;
  const meanP = known.reduce((a, s) => a + s.p, 0) / known.length;
  const hi = known.filter((s) => s.p >= 0.5);
  const lo = known.filter((s) => s.p < 0.5);
  const rate = (xs: readonly InsightPoint[]) => `${xs.filter((s) => s.outcome === 1).length} of ${xs.length}`;
  const parts = [
    `Over ${plural(known.length, 'day')} from ${known[0].day} to ${known[known.length - 1].day}, ` +
      `you did it on ${plural(done, 'day')} (${pct(done / known.length)}); ` +
      `the average predicted chance was ${pct(meanP)}.`,
  ];
  if (hi.length) parts.push(`On days predicted 50% or more, done ${rate(hi)}.`);
  if (lo.length) parts.push(`On days predicted below 50%, done ${rate(lo)}.`);
  return parts.join(' ');
}

function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** Calibration marks: one circle per non-empty bin, its area growing with the day count. */
export function calibrationDots(
  f: Frame,
  bins: readonly CalibrationBin[],
): { cx: number; cy: number; r: number; bin: CalibrationBin }[] {
  const maxN = Math.max(1, ...bins.map((b) => b.n));
  return bins
    .filter((b) => b.n > 0 && Number.isFinite(b.predicted) && Number.isFinite(b.actual))
    .map((b) => ({
      cx: r1(xOf(f, b.predicted)),
      cy: r1(yOf(f, b.actual)),
      r: r1(3 + 9 * Math.sqrt(b.n / maxN)),
      bin: b,
    }));
}

/** A plain-words summary of calibration: the average gap between predicted and actual. */
export function calibrationSummary(bins: readonly CalibrationBin[]): string {
  const used = bins.filter((b) => b.n > 0);
  const n = used.reduce((a, b) => a + b.n, 0);
  if (!n) return 'Not enough days with a known outcome to compare predictions with what happened.';
  const gap = used.reduce((a, b) => a + b.n * Math.abs(b.predicted - b.actual), 0) / n;
  const verdict =
    gap < 0.08
      ? 'close to what happened'
      : gap < 0.15
        ? 'roughly in line with what happened'
        : 'not yet well matched to what happened';
  return (
    `Across ${plural(n, 'day')} in ${plural(used.length, 'group')}, predicted chances were ${verdict}: ` +
    `off by ${Math.round(gap * 100)} percentage points on average.`
  );
}
