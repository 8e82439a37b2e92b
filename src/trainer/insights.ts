// The Insights series: for each recent labelled day, the probability the learner showed that morning (kept
// with its checkpoint, so a past point never comes from a model that had seen that day), against what
// happened; today's point as Today shows it; and a calibration table of the past points.
import type { AppDB } from '../data/db.ts';
import { DEFAULT_CONFIG } from '../learn/config.ts';
import { predictToday } from '../learn/night.ts';
import { fastDayNumber, readDays } from '../learn/predict/days.ts';
import { localToday, numberToDay } from '../learn/time.ts';
import type { PredictionSource } from '../learn/types.ts';
import type { CalibrationBin, InsightPoint, InsightsResult } from './api.ts';
import { learnerFor, readLearningInputs } from './learning-data.ts';

/** Calibration bins: ten of width 0.1; only bins with at least one day are returned. */
export const CALIBRATION_BINS = 10;

/** Bins (predicted, outcome) pairs by predicted probability. */
export function calibrate(points: { p: number; outcome: 0 | 1 | null }[], bins = CALIBRATION_BINS): CalibrationBin[] {
  const sumP = new Float64Array(bins),
    sumY = new Float64Array(bins),
    n = new Uint32Array(bins);
  for (const pt of points) {
    if (pt.outcome === null || !Number.isFinite(pt.p)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(pt.p * bins)));
    sumP[b] += pt.p;
    sumY[b] += pt.outcome;
    n[b]++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (n[b])
      out.push({ lo: b / bins, hi: (b + 1) / bins, predicted: sumP[b] / n[b], actual: sumY[b] / n[b], n: n[b] });
  }
  return out;
}

/**
 * The last `days` days of one habit up to today: each past labelled day with the probability shown for it
 * then, and today's probability with the active checkpoint, as Today shows it.
 */
export async function insights(
  db: AppDB,
  habitId: string,
  days: number,
  opts: { today?: string; now?: number } = {},
): Promise<InsightsResult> {
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new RangeError(`insights: days must be an integer from 1 to 3660, got ${days}`);
  const now = opts.now ?? Date.now();
  const today = opts.today ?? localToday(now);
  const data = await readLearningInputs(db, [habitId], today);
  const inp = data.inputs[0];
  if (!inp) throw new Error(`insights: no habit with id "${habitId}"`);
  const s = learnerFor(inp, today, { train: false });
  const w = s.window;
  const series: InsightPoint[] = [];
  const cfg = DEFAULT_CONFIG;
  for (let i = Math.max(0, w.count - (days - 1)); i < w.count; i++) {
    // Days labelled before cold start ended showed the prior; the record keeps the network's share of each day.
    const labelled = w.day[i] - s.first;
    const source: PredictionSource =
      labelled < cfg.shown.coldStartDays ? 'prior' : w.share[i] >= 0.5 ? 'model' : 'baseline';
    series.push({ day: numberToDay(w.day[i]), p: w.shown[i], outcome: w.y[i] > 0.5 ? 1 : 0, source });
  }
  const pred = predictToday(s, cfg, now, inp.usable?.row.version ?? null);
  const doneToday = readDays(inp.index, habitId, fastDayNumber(today), 1).done[0] === 1;
  if (today >= inp.habit.createdDay)
    series.push({ day: today, p: pred.p, outcome: doneToday ? 1 : null, source: pred.source });
  return { series, calibration: calibrate(series) };
}
