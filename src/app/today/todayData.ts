// What the Today screen reads — and only that. With years of history, loading every event on
// each render would be slow, so each habit reads a bounded window of days through the
// [habitKey+day] index; a streak that reaches the window's edge is finished by a separate live
// query over older days only (olderStreak.ts), which a tap today does not invalidate.
import type { Habit, StoredEvent } from '../../data/entities.ts';
import { eventsForHabitLive, habitsLive } from '../hooks/liveReads.ts';
import { isDue, scheduleOf, weekProgress, weekStart, type Schedule, type WeekProgress } from '../../habits/schedule.ts';
import { dayStatus, lastCountedDay } from '../../habits/status.ts';
import { currentStreak, noBreakBetween } from '../../habits/streaks.ts';
import { addDays } from '../../learn/time.ts';

/** A day's state for one habit. */
export type DayState = 'done' | 'skipped' | 'open';

/** One habit's row on Today. */
export interface TodayHabit {
  habit: Habit;
  state: DayState;
  schedule: Schedule;
  /** Due today: for an N-per-week habit, while the week's target was not met before today. */
  due: boolean;
  /** This week's progress of an N-per-week habit, else null. */
  week: WeekProgress | null;
  /**
   * Done days (met weeks for perWeek) of the current streak inside the window read (the whole streak
   * unless `streakContinuesBefore`).
   */
  streak: number;
  /** Set when every day of the window is marked (even all skips): the streak may go on before this day. */
  streakContinuesBefore: string | null;
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
/** Days read per habit for Today; a longer streak is finished by olderStreak.ts. */
export const WINDOW_DAYS = 14;

const isMark = (e: StoredEvent) => e.type === 'habitCompleted' || e.type === 'habitSkipped';

/** Reads one habit's window and computes its row. */
export async function loadHabitRow(habit: Habit, today: string): Promise<TodayHabit> {
  const schedule = scheduleOf(habit);
  const perWeek = schedule.kind === 'perWeek';
  // A per-week streak is made of whole weeks: the window starts on a Monday.
  const from = perWeek ? weekStart(addDays(today, -(WINDOW_DAYS - 1))) : addDays(today, -(WINDOW_DAYS - 1));
  const events = await eventsForHabitLive(habit.id, from);
  const status = dayStatus(events, habit.id);
  const streak = currentStreak(status, today, schedule);
  // Same rule as currentStreak: the run starts today once today has a status (this week once it is
  // met), else the day (week) before; the open week never breaks it.
  const runStart = perWeek ? addDays(weekStart(today), -1) : lastCountedDay(status, today);
  // Not gated on `streak > 0`: a window of nothing but skips still bridges to done days before it.
  const continues = noBreakBetween(status, from, runStart, schedule);
  const doneDays = new Set([...status].filter(([, s]) => s === 'done').map(([d]) => d));
  const week = perWeek ? weekProgress(schedule, doneDays, today) : null;
  const pastStart = addDays(today, -PAST_DAYS);
  const recent = events.filter((e) => isMark(e) && e.day >= pastStart && e.day <= today).sort((a, b) => a.t - b.t);
  const recentStatus = new Map([...status].filter(([d]) => d >= pastStart && d <= today));
  return {
    habit,
    state: status.get(today) ?? 'open',
    schedule,
    // Judged without today's own mark, so a row never jumps between the groups when it is tapped.
    due: week ? week.done - (doneDays.has(today) ? 1 : 0) < week.target : isDue(schedule, today),
    week,
    streak,
    streakContinuesBefore: continues ? from : null,
    recent,
    recentStatus,
  };
}

/** Loads Today for the given local day (call inside liveQuery so it stays live). */
export async function loadToday(today: string): Promise<TodayData> {
  const all = await habitsLive();
  const active = all.filter((h) => !h.archivedAt).sort((a, b) => a.order - b.order);
  const rows = await Promise.all(active.map((h) => loadHabitRow(h, today)));
  // Due habits first, each group in the person's order.
  const habits = [...rows.filter((r) => r.due), ...rows.filter((r) => !r.due)];
  return { today, habits, hasDemo: all.some((h) => h.demo), archivedCount: all.length - active.length };
}

/** The latest done/skip event recorded for a day, i.e. what Undo removes. */
export function lastMarkOn(row: TodayHabit, day: string): StoredEvent | undefined {
  const evs = row.recent.filter((e) => e.day === day);
  return evs[evs.length - 1];
}

/** The day's state once event `id` is gone (what Undo will leave): done wins over skipped. */
export function stateWithout(row: TodayHabit, day: string, id: number): DayState {
  const rest = row.recent.filter((e) => e.day === day && e.id !== id);
  return dayStatus(rest, row.habit.id).get(day) ?? 'open';
}
