// The replay: plays the app's life over a backup, day by day, with the app's own engine. For each
// habit and each local day D from its creation day to the last day with any event, the probability
// the app would have shown on D, retraining every night (warm-started) on events before D only.
import type { BackupData } from '../src/learn/backup-read.ts';
import type { Checkpoint } from '../src/learn/types.ts';
import type { PredictionSource } from '../src/learn/types.ts';
import type { EngineOptions } from '../src/learn/engine-options.ts';
import { buildHabitSamples, indexEvents, sliceSamples } from '../src/learn/dataset.ts';
import { trainOnSamples } from '../src/learn/engine.ts';
import { addDays, daysBetween } from '../src/learn/time.ts';

/** One output line of the replay. */
export interface ReplayLine {
  habitId: string;
  day: string;
  p: number;
  source: PredictionSource;
}

/** The last local day with any event, or null for an empty log. */
export function lastEventDay(data: BackupData): string | null {
  let last: string | null = null;
  for (const e of data.events) if (last === null || e.day > last) last = e.day;
  return last;
}

/**
 * Replays every habit of a backup. Features are built once per habit: day D's row only depends on
 * events before D, so the prefix of the full build is exactly what the app had on D.
 */
export function replayBackup(
  data: BackupData,
  options: Partial<EngineOptions> = {},
  onLine?: (l: ReplayLine) => void,
): ReplayLine[] {
  const last = lastEventDay(data);
  const out: ReplayLine[] = [];
  if (last === null) return out;
  const index = indexEvents(data.events);
  for (const habit of data.habits) {
    const days = daysBetween(habit.createdDay, last) + 1;
    if (days <= 0) continue;
    const full = buildHabitSamples(habit, index, addDays(last, 1));
    let active: Checkpoint | null = null;
    for (let n = 0; n < days; n++) {
      const day = full.days[n];
      const r = trainOnSamples(habit.id, sliceSamples(full, n), day, active, 'replay', 0, options);
      if (r.checkpoint) active = r.checkpoint;
      const line: ReplayLine = {
        habitId: habit.id,
        day,
        p: Math.round(r.prediction.p * 1e6) / 1e6,
        source: r.prediction.source,
      };
      out.push(line);
      onLine?.(line);
    }
  }
  return out;
}
