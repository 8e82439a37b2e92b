// The Insights series: for each recent day, the probability the app's predictor gives that day from
// the features known before it, against what happened; and a calibration table. One linear pass:
// the habit's samples are built once and the active network scores every row.
import type { AppDB } from '../data/db.ts';
import { buildHabitSamples, type HabitSamples } from '../learn/dataset.ts';
import { decide as decidePrediction, DEFAULT_ENGINE_OPTIONS, splitDays } from '../learn/engine.ts';
import { BASELINE_NAMES, mixBaselines, type BaselineName } from '../learn/baselines.ts';
import { netFromCheckpoint } from '../learn/checkpoint.ts';
import { NUM_FEATURES } from '../learn/features.ts';
import { predictProba, type Mlp } from '../learn/mlp.ts';
import { scoreAll } from '../learn/metrics.ts';
import type { CalibrationBin, InsightPoint, InsightsResult } from './api.ts';
import { activeRows, checkRow, loadLearningData } from './learning-data.ts';
import { localToday } from './train-service.ts';

/** Calibration bins: ten of width 0.1; only bins with at least one day are returned. */
export const CALIBRATION_BINS = 10;

function bestBaseline(s: HabitSamples): BaselineName {
  const { trainEnd } = splitDays(s.n, DEFAULT_ENGINE_OPTIONS);
  let best: BaselineName = 'rate';
  let bestLL = Infinity;
  for (const name of BASELINE_NAMES) {
    const ll = scoreAll(s.baselines[name], s.y, trainEnd, s.n).logLoss;
    if (ll < bestLL) [best, bestLL] = [name, ll];
  }
  return best;
}

/** Bins (predicted, outcome) pairs by predicted probability. */
export function calibrate(points: { p: number; outcome: 0 | 1 | null }[], bins = CALIBRATION_BINS): CalibrationBin[] {
  const sumP = new Float64Array(bins), sumY = new Float64Array(bins), n = new Uint32Array(bins);
  for (const pt of points) {
    if (pt.outcome === null || !Number.isFinite(pt.p)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(pt.p * bins)));
    sumP[b] += pt.p;
    sumY[b] += pt.outcome;
    n[b]++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (n[b]) out.push({ lo: b / bins, hi: (b + 1) / bins, predicted: sumP[b] / n[b], actual: sumY[b] / n[b], n: n[b] });
  }
  return out;
}

/**
 * The last `days` days of one habit up to today. Past days use the predictor in force today (the
 * active network if it beats the baselines, else the best baseline; the prior in a day's cold
 * start), applied to that day's past-only features; today's point is the stored decision.
 */
export async function insights(db: AppDB, habitId: string, days: number, opts: { today?: string; now?: number } = {}): Promise<InsightsResult> {
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new RangeError(`insights: days must be an integer from 1 to 3660, got ${days}`);
  const now = opts.now ?? Date.now();
  const today = opts.today ?? localToday(now);
  const data = await loadLearningData(db);
  const habit = data.habits.get(habitId);
  if (!habit) throw new Error(`insights: no habit with id "${habitId}"`);
  const usable = (await activeRows(db, habitId)).map(checkRow).find((c) => c.ok);
  const ckpt = usable && usable.ok ? usable.checkpoint : null;
  const net: Mlp | null = ckpt ? netFromCheckpoint(ckpt).net : null;

  const s = buildHabitSamples({ id: habit.id, createdDay: habit.createdDay }, data.index, today);
  const todayPred = decidePrediction(habit.id, s, today, net, ckpt ? ckpt.version : null, now, DEFAULT_ENGINE_OPTIONS);
  const baseline = bestBaseline(s);
  const coldStart = DEFAULT_ENGINE_OPTIONS.coldStartDays;
  // The same past-only prior the engine showed on each cold-start day.
  const prior = mixBaselines(s.baselines, s.y, Math.min(s.n, coldStart)).p;

  const series: InsightPoint[] = [];
  const from = Math.max(0, s.n - (days - 1));
  for (let i = 0; i < s.n; i++) {
    if (i >= from) {
      let p: number;
      let source: InsightPoint['source'];
      if (i < coldStart) [p, source] = [prior[i], 'prior'];
      else if (todayPred.source === 'model' && net) [p, source] = [predictProba(net, s.X, i * NUM_FEATURES), 'model'];
      else [p, source] = [s.baselines[baseline][i], 'baseline'];
      series.push({ day: s.days[i], p, outcome: s.y[i] > 0.5 ? 1 : 0, source });
    }
  }
  const doneToday = data.events.some((e) => e.type === 'habitCompleted' && e.habitId === habitId && e.day === today);
  if (today >= habit.createdDay) series.push({ day: today, p: todayPred.p, outcome: doneToday ? 1 : null, source: todayPred.source });
  return { series, calibration: calibrate(series) };
}
