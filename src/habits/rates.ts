// Completion rates over a schedule. Day schedules count due days only: done due days over due days,
// so a rest day is never a miss (a done rest day is a bonus the rate does not count; a skip counts
// as not done, as it does for the learner's label). A perWeek habit is rated by weeks: met weeks
// over weeks. Today, and the current week, enter the window only once they count.
import { addDays, dayToNumber, numberToDay } from '../learn/time.ts';
import { DAILY, isDue, weekStart, type Schedule } from './schedule.ts';
import { lastCountedDay, type DayStatus } from './status.ts';
import { weekOutcome } from './streaks.ts';

/** One rate: `done` of `of` days (or weeks), over the window `span` `unit`s long. */
export interface Rate {
  unit: 'day' | 'week';
  span: number;
  done: number;
  of: number;
  rate: number;
}

/**
 * Share of done due days over the last `days` days ending today (or yesterday while today is
 * open), clipped to the habit's creation day. `of` is the number of due days in that window.
 */
export function completionRate(
  status: ReadonlyMap<string, DayStatus>,
  today: string,
  days: number,
  createdDay: string,
  schedule: Schedule = DAILY,
): Rate {
  const end = dayToNumber(lastCountedDay(status, today));
  const start = Math.max(end - days + 1, dayToNumber(createdDay));
  let done = 0;
  let of = 0;
  for (let d = start; d <= end; d++) {
    const day = numberToDay(d);
    if (!isDue(schedule, day)) continue;
    of++;
    if (status.get(day) === 'done') done++;
  }
  return { unit: 'day', span: days, done, of, rate: of > 0 ? done / of : 0 };
}

/**
 * Share of met weeks over the last `weeks` weeks (perWeek habits): the current week counts once it
 * is met, else the window ends with last week. Weeks before the creation week are left out.
 */
export function weekRate(
  status: ReadonlyMap<string, DayStatus>,
  today: string,
  weeks: number,
  createdDay: string,
  times: number,
): Rate {
  const thisWeek = weekStart(today);
  const last = weekOutcome(status, thisWeek, times) === 'met' ? thisWeek : addDays(thisWeek, -7);
  const first = weekStart(createdDay);
  let done = 0;
  let of = 0;
  for (let i = 0, monday = last; i < weeks && monday >= first; i++, monday = addDays(monday, -7)) {
    of++;
    if (weekOutcome(status, monday, times) === 'met') done++;
  }
  return { unit: 'week', span: weeks, done, of, rate: of > 0 ? done / of : 0 };
}

/** The rates History shows: the last 7, 30 and 90 days, or the last 4, 13 and 52 weeks for perWeek. */
export function scheduleRates(
  status: ReadonlyMap<string, DayStatus>,
  today: string,
  createdDay: string,
  schedule: Schedule = DAILY,
): Rate[] {
  if (schedule.kind === 'perWeek')
    return [4, 13, 52].map((w) => weekRate(status, today, w, createdDay, schedule.times));
  return [7, 30, 90].map((d) => completionRate(status, today, d, createdDay, schedule));
}
