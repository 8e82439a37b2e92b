// The Insights series: for each recent day, the probability the app's engine gives that day from
// what was known that morning (the same decision as the app's: prior in cold start, then the
// network blended with the baselines' average), with the newest model made by that day;
// against what happened; and a calibration table. The habit's samples are built once: every field
// is past-only, so day i is a prefix view of them.
import type { AppDB } from '../data/db.ts';
import { buildHabitSamples, type HabitSamples } from '../learn/dataset.ts';
import { decide as decidePrediction, DEFAULT_ENGINE_OPTIONS } from '../learn/engine.ts';
import { modelFromCheckpoint, predictorTrainedThrough, type CheckpointModel } from '../learn/checkpoint.ts';
import { NUM_FEATURES } from '../learn/features.ts';
import type { Checkpoint } from '../learn/types.ts';
import type { CalibrationBin, InsightPoint, InsightsResult } from './api.ts';
import { activeRows, checkRow, loadLearningData } from './learning-data.ts';
import { addDays, localToday } from '../learn/time.ts';

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

/** The samples as they stood on the morning of sample day i (a prefix view: every field is past-only). */
function asOfDay(s: HabitSamples, i: number, completed: number): HabitSamples {
  return { ...s, n: i, xToday: s.X.subarray(i * NUM_FEATURES, (i + 1) * NUM_FEATURES), completed };
}

/** The habit's usable checkpoints with their networks and the first local day each can predict, oldest first. */
async function modelsByTraining(
  db: AppDB,
  habitId: string,
): Promise<{ ckpt: Checkpoint; model: CheckpointModel; day: string }[]> {
  const rows = await db.checkpoints.where('habitId').equals(habitId).toArray();
  const ok = rows.map(checkRow).flatMap((c) => (c.ok ? [c.checkpoint] : []));
  ok.sort((x, y) => x.createdAt - y.createdAt || x.version - y.version);
  // A model counts from the day after the last day it trained on, even when its creation day reads
  // earlier (the time zone moved west): a past day's point never comes from a model that saw its outcome.
  return ok.map((ckpt) => {
    const made = localToday(ckpt.createdAt);
    const after = addDays(predictorTrainedThrough(ckpt), 1);
    // biome-ignore lint/complexity/useMathMinMax: days are 'YYYY-MM-DD' strings, which Math.max cannot compare.
    return { ckpt, model: modelFromCheckpoint(ckpt), day: after > made ? after : made };
  });
}

/**
 * The last `days` days of one habit up to today. A past day gets the engine's decision from that
 * morning's samples with the newest model made on or before it (a later rollback is not replayed);
 * today's point is the decision with the active model, as Today shows it.
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
  const data = await loadLearningData(db);
  const habit = data.habits.get(habitId);
  if (!habit) throw new Error(`insights: no habit with id "${habitId}"`);
  const usable = (await activeRows(db, habitId)).map(checkRow).find((c) => c.ok);
  const ckpt = usable?.ok ? usable.checkpoint : null;
  const model: CheckpointModel | null = ckpt ? modelFromCheckpoint(ckpt) : null;
  const models = await modelsByTraining(db, habitId);

  const s = buildHabitSamples({ id: habit.id, createdDay: habit.createdDay }, data.index, today);
  const todayPred = decidePrediction(
    habit.id,
    s,
    today,
    model,
    ckpt ? ckpt.version : null,
    now,
    DEFAULT_ENGINE_OPTIONS,
  );

  const series: InsightPoint[] = [];
  const from = Math.max(0, s.n - (days - 1));
  let completed = 0;
  let m = -1; // index of the newest model made on or before the day
  for (let i = 0; i < s.n; i++) {
    const day = s.days[i];
    while (m + 1 < models.length && models[m + 1].day <= day) m++;
    if (i >= from) {
      const then = m >= 0 ? models[m] : null;
      const pred = decidePrediction(
        habit.id,
        asOfDay(s, i, completed),
        day,
        then?.model ?? null,
        then?.ckpt.version ?? null,
        now,
        DEFAULT_ENGINE_OPTIONS,
      );
      series.push({ day, p: pred.p, outcome: s.y[i] > 0.5 ? 1 : 0, source: pred.source });
    }
    completed += s.y[i] > 0.5 ? 1 : 0;
  }
  const doneToday = data.events.some((e) => e.type === 'habitCompleted' && e.habitId === habitId && e.day === today);
  if (today >= habit.createdDay)
    series.push({ day: today, p: todayPred.p, outcome: doneToday ? 1 : null, source: todayPred.source });
  return { series, calibration: calibrate(series) };
}
