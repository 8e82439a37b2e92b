// What a habit's schedule means for today's reminders. PURE: no DOM, no storage, no clock.
// A habit that is not due today is never reminded. An N-per-week habit is judged by its week: once
// the target is met nothing is needed; until then the chance of still meeting it, with today's
// probability for each day left, stands in for today's probability.
import { isDue, weekProgress, type Schedule } from '../habits/schedule.ts';

/** What an N-per-week habit still needs this week: completions, and days left counting today. */
export interface WeekNeed {
  needed: number;
  daysLeft: number;
  target: number;
}

/** Today for reminders: 'rest' (not due), 'met' (the week's target is reached), a week's need, or 'due'. */
export type ScheduleToday = 'rest' | 'met' | 'due' | WeekNeed;

/**
 * Today's standing of a habit: day schedules are 'due' or 'rest'; an N-per-week habit is 'met', or
 * what it still needs given `weekDone` (its done days this week, today's included).
 */
export function scheduleToday(schedule: Schedule, weekDone: ReadonlySet<string>, today: string): ScheduleToday {
  if (schedule.kind !== 'perWeek') return isDue(schedule, today) ? 'due' : 'rest';
  const w = weekProgress(schedule, weekDone, today);
  const needed = w.target - w.done;
  return needed <= 0 ? 'met' : { needed, daysLeft: w.daysLeft, target: w.target };
}

/**
 * The chance of `needed` or more completions in `daysLeft` days, each with probability p: the
 * binomial tail. Zero when fewer days are left than completions needed.
 */
export function weekTargetChance(p: number, need: Pick<WeekNeed, 'needed' | 'daysLeft'>): number {
  const { needed, daysLeft: n } = need;
  if (needed <= 0) return 1;
  if (needed > n) return 0;
  let tail = 0;
  let coef = 1; // C(n, k), built up from k = 0
  for (let k = 0; k <= n; k++) {
    if (k > 0) coef = (coef * (n - k + 1)) / k;
    if (k >= needed) tail += coef * p ** k * (1 - p) ** (n - k);
  }
  return Math.min(1, Math.max(0, tail));
}
