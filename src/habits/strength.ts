// Habit strength, Loop Habit Tracker's frequency-aware score. With f = times per period / period
// length in days, the daily multiplier is m = 0.5^(sqrt(f)/13): a day's weight halves in 13 days for
// a daily habit, about 20 for 3 a week, 34 for once a week. Each day the score moves towards the share
// of the period's target done in the period ending that day (doubled for habits rarer than daily, to
// smooth uneven weeks); a skipped day leaves it as it is.
import { dayToNumber, numberToDay } from '../learn/time.ts';
import { DAILY, type Schedule } from './schedule.ts';
import { lastCountedDay, type DayStatus } from './status.ts';

/** Times per period and the period's length in days, as Loop states a frequency. */
export interface Frequency {
  times: number;
  period: number;
}

/** The schedule as a Loop frequency: daily 1/1, weekdays k/7, N per week N/7, every N days 1/N. */
export function frequencyOf(schedule: Schedule): Frequency {
  switch (schedule.kind) {
    case 'daily':
      return { times: 1, period: 1 };
    case 'weekdays':
      return { times: schedule.days.length, period: 7 };
    case 'perWeek':
      return { times: schedule.times, period: 7 };
    case 'everyN':
      return { times: 1, period: schedule.days };
  }
}

/** The daily multiplier m = 0.5^(sqrt(f)/13) of a frequency. */
export function strengthMultiplier(f: Frequency): number {
  return 0.5 ** (Math.sqrt(Math.min(1, f.times / f.period)) / 13);
}

/** Daily multiplier of a daily habit: 0.5^(1/13). */
export const STRENGTH_MULTIPLIER = strengthMultiplier({ times: 1, period: 1 });

/**
 * Strength in [0, 1] from 0 the day before creation up to today (or yesterday while today has no
 * status), following the schedule's frequency as Loop does.
 */
export function strengthScore(
  status: ReadonlyMap<string, DayStatus>,
  createdDay: string,
  today: string,
  schedule: Schedule = DAILY,
): number {
  const f = frequencyOf(schedule);
  const m = strengthMultiplier(f);
  const rarer = f.times < f.period;
  const times = rarer ? f.times * 2 : f.times;
  const period = rarer ? f.period * 2 : f.period;
  const start = dayToNumber(createdDay);
  const end = dayToNumber(lastCountedDay(status, today));
  // done[i] for day start + i, so the rolling window can drop the day leaving it.
  const done = new Uint8Array(Math.max(0, end - start + 1));
  let rolling = 0;
  let score = 0;
  for (let d = start; d <= end; d++) {
    const s = status.get(numberToDay(d));
    const i = d - start;
    if (s === 'done') {
      done[i] = 1;
      rolling++;
    }
    if (i >= period) rolling -= done[i - period];
    if (s === 'skipped') continue;
    score = score * m + (1 - m) * Math.min(1, rolling / times);
  }
  return score;
}
