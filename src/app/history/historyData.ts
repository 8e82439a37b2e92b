// What History shows for one habit: its whole event log (one habit, so a few thousand rows at
// most) reduced to day states, streaks, rates and the strength score.
import type { Habit, StoredEvent } from '../../data/entities.ts';
import { eventsForHabitLive } from '../hooks/liveReads.ts';
import { completionRate } from '../../habits/rates.ts';
import { dayStatus } from '../../habits/status.ts';
import { bestStreak, currentStreak } from '../../habits/streaks.ts';
import { strengthScore } from '../../habits/strength.ts';

/** History's numbers for one habit. */
export interface HistoryData {
  status: Map<string, 'done' | 'skipped'>;
  current: number;
  best: number;
  rates: { days: number; done: number; of: number; rate: number }[];
  strength: number;
  /** Newest first. */
  recent: StoredEvent[];
}

/** How many recent events the list shows. */
export const RECENT_EVENTS = 30;

/** Loads and computes History for a habit (call inside liveQuery). */
export async function loadHistory(habit: Habit, today: string): Promise<HistoryData> {
  const events = await eventsForHabitLive(habit.id);
  const status = dayStatus(events, habit.id);
  const rates = [7, 30, 90].map((days) => {
    const r = completionRate(status, today, days, habit.createdDay);
    return { days, done: r.done, of: r.of, rate: r.rate };
  });
  const recent = events
    .slice()
    .sort((a, b) => b.t - a.t)
    .slice(0, RECENT_EVENTS);
  return {
    status,
    current: currentStreak(status, today),
    best: bestStreak(status),
    rates,
    strength: strengthScore(status, habit.createdDay, today),
    recent,
  };
}
