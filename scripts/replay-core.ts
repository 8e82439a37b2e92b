// The replay: plays the app's life over a backup, day by day, with the app's own learner. For each
// habit and each local day D from its creation day to the last day with any event, the probability
// the app would have shown on D, retraining every night on events before D only. The backup is read by
// the app's own import rules (src/data/backup), so the replay accepts and refuses exactly what the app does.
import { DEFAULT_CONFIG, type LearnConfig } from '../src/learn/config.ts';
import { type LogEvent, type HabitInfo, toLogEvent } from '../src/learn/events.ts';
import { indexEvents } from '../src/learn/predict/days.ts';
import { replayHabit } from '../src/learn/replay.ts';
import { localDayOf, parseInstant } from '../src/learn/time.ts';
import type { PredictionSource } from '../src/learn/types.ts';
import type { BackupError } from '../src/data/errors.ts';
import { validateBackup } from '../src/data/backup/validate.ts';
import { scheduleOf } from '../src/habits/schedule.ts';
import { eventKey } from '../src/data/eventRow.ts';

/** One output line of the replay. */
export interface ReplayLine {
  habitId: string;
  day: string;
  p: number;
  source: PredictionSource;
}

/** What the learner needs of a backup: habits with their first day, and the events. */
export interface BackupData {
  habits: HabitInfo[];
  events: LogEvent[];
}

/** A backup the app would refuse; `errors` name the field and the problem, as the import screen does. */
export class BackupRefused extends Error {
  constructor(readonly errors: BackupError[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
    this.name = 'BackupRefused';
  }
}

/** Reads a parsed backup with the app's import rules; throws BackupRefused with every problem listed. */
export function readBackupData(json: unknown): BackupData {
  const v = validateBackup(json);
  if (!v.ok) throw new BackupRefused(v.errors);
  const habits = v.backup.habits.map((h) => {
    const inst = parseInstant(h.createdAt)!; // validated
    return { id: h.id, createdDay: localDayOf(inst.t, inst.offset), schedule: scheduleOf(h) };
  });
  // An event repeated in the file (same type, habit, instant and marked day) counts once, as the import merges it.
  const seen = new Set<string>();
  const events: LogEvent[] = [];
  for (const e of v.backup.events) {
    const ev = toLogEvent(e)!; // validated
    const key = eventKey(ev.type, ev.habitId, ev.t, ev.offset, e.day ?? undefined);
    if (seen.has(key)) continue;
    seen.add(key);
    events.push(ev);
  }
  return { habits, events };
}

/** The last local day with any event, or null for an empty log. */
export function lastEventDay(data: BackupData): string | null {
  let last: string | null = null;
  for (const e of data.events) if (last === null || e.day > last) last = e.day;
  return last;
}

/** Replays every habit of a backup (one line per habit and day, habits in file order). */
export function replayBackup(
  data: BackupData,
  cfg: LearnConfig = DEFAULT_CONFIG,
  onLine?: (l: ReplayLine) => void,
): ReplayLine[] {
  const last = lastEventDay(data);
  const out: ReplayLine[] = [];
  if (last === null) return out;
  const index = indexEvents(data.events);
  for (const habit of data.habits) {
    replayHabit(habit, index, last, cfg, (d) => {
      const line: ReplayLine = { habitId: habit.id, day: d.day, p: Math.round(d.p * 1e6) / 1e6, source: d.source };
      out.push(line);
      onLine?.(line);
    });
  }
  return out;
}
