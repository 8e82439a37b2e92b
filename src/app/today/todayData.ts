// What the Today screen reads — and only that. With years of history, loading every event on
// each render would be slow, so each habit reads a bounded window of days through the
// [habitKey+day] index and widens it only when the current streak reaches the window's edge.
import type { Habit, StoredEvent } from '../../data/entities.ts';
import { eventsForHabit, listHabits } from '../../data/repo.ts';
import { currentStreak, dayStatus } from '../../data/stats.ts';
import { addDays } from '../../learn/time.ts';

/** A day's state for one habit. */
export type DayState = 'done' | 'skipped' | 'open';

/** One habit's row on Today. */
export interface TodayHabit {
  habit: Habit;
  state: DayState;
  streak: number;
  /** Done/skip events of the last PAST_DAYS days (oldest first), for undo and past-day marks. */
  recent: StoredEvent[];
  /** State of each of the last PAST_DAYS days, keyed by day. */
  recentStatus: Map<string, 'done' | 'skipped'>;
}

/** Everything Today shows. */
export interface TodayData {
  today: string;
  habits: TodayHabit[];
  hasDemo: boolean;
  archivedCount: number;
}

/** How many days back "Mark a past day" reaches. */
export const PAST_DAYS = 7;
/** Days read per habit at first; widened x10 while a streak fills the window. */
const WINDOWS = [40, 400, Infinity];

const isMark = (e: StoredEvent) => e.type === 'habitCompleted' || e.type === 'habitSkipped';

/** Reads one habit's window and computes its row. */
export async function loadHabitRow(habit: Habit, today: string): Promise<TodayHabit> {
  const pastStart = addDays(today, -PAST_DAYS);
  for (const w of WINDOWS) {
    const from = w === Infinity ? undefined : addDays(today, -w);
    const events = await eventsForHabit(habit.id, from);
    const status = dayStatus(events, habit.id);
    const streak = currentStreak(status, today);
    // The streak may continue before `from`; only then is a wider read needed.
    if (from !== undefined && streak >= w - 1) continue;
    const recent = events.filter((e) => isMark(e) && e.day >= pastStart && e.day <= today).sort((a, b) => a.t - b.t);
    const recentStatus = new Map([...status].filter(([d]) => d >= pastStart && d <= today));
    const s = status.get(today);
    return { habit, state: s ?? 'open', streak, recent, recentStatus };
  }
  throw new Error('unreachable: the last window is unbounded');
}

/** Loads Today for the given local day (call inside liveQuery so it stays live). */
export async function loadToday(today: string): Promise<TodayData> {
  const all = await listHabits({ includeArchived: true });
  const active = all.filter((h) => !h.archivedAt).sort((a, b) => a.order - b.order);
  const habits = await Promise.all(active.map((h) => loadHabitRow(h, today)));
  return { today, habits, hasDemo: all.some((h) => h.demo), archivedCount: all.length - active.length };
}

/** The latest done/skip event recorded for a day, i.e. what Undo removes. */
export function lastMarkOn(row: TodayHabit, day: string): StoredEvent | undefined {
  const evs = row.recent.filter((e) => e.day === day);
  return evs[evs.length - 1];
}
