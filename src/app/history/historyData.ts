// What History shows for one habit: its whole event log (one habit, so a few thousand rows at
// most) reduced to day states, streaks, rates and the strength score, all following its schedule.
import type { Habit, StoredEvent } from '../../data/entities.ts';
import { scheduleRates, type Rate } from '../../habits/rates.ts';
import { scheduleOf, type Schedule } from '../../habits/schedule.ts';
import { dayStatus } from '../../habits/status.ts';
import { bestStreak, currentStreak, streakUnit } from '../../habits/streaks.ts';
import { strengthScore } from '../../habits/strength.ts';
import { eventsForHabitLive } from '../hooks/liveReads.ts';

/** History's numbers for one habit. */
export interface HistoryData {
  schedule: Schedule;
  status: Map<string, 'done' | 'skipped'>;
  /** Streaks count days, or weeks for an N-per-week habit. */
  unit: 'day' | 'week';
  current: number;
  best: number;
  rates: Rate[];
  strength: number;
  /** Newest first. */
  recent: StoredEvent[];
}

/** How many recent events the list shows. */
export const RECENT_EVENTS = 30;

/** Loads and computes History for a habit (call inside liveQuery). */
export async function loadHistory(habit: Habit, today: string): Promise<HistoryData> {
  const schedule = scheduleOf(habit);
  const events = await eventsForHabitLive(habit.id);
  const status = dayStatus(events, habit.id);
  const recent = events
    .slice()
    .sort((a, b) => b.t - a.t)
    .slice(0, RECENT_EVENTS);
  return {
    schedule,
    status,
    unit: streakUnit(schedule),
    current: currentStreak(status, today, schedule),
    best: bestStreak(status, schedule),
    rates: scheduleRates(status, today, habit.createdDay, schedule),
    strength: strengthScore(status, habit.createdDay, today, schedule),
    recent,
  };
}
