// Streaks over a schedule. A done day counts; a skipped day and a day the habit is not due neither
// count nor break a streak (as in Loop Habit Tracker and Streaks); a due day with nothing breaks it.
// A perWeek habit's streak counts met weeks instead: a week is met with N done days, excused when
// skips made up the shortfall (it bridges like a skipped day), and missed otherwise. Today, and the
// current week, count once they are met or marked and never break the streak while they are open.
import { addDays } from '../learn/time.ts';
import { DAILY, weekStart, type Schedule } from './schedule.ts';
import { firstMarked, isMiss, lastCountedDay, type DayStatus } from './status.ts';

/** How a Monday-to-Sunday week went for a perWeek habit. */
export type WeekOutcome = 'met' | 'excused' | 'missed';

/** The outcome of the week starting `monday` against `times` done days a week. */
export function weekOutcome(status: ReadonlyMap<string, DayStatus>, monday: string, times: number): WeekOutcome {
  let done = 0;
  let skipped = 0;
  for (let i = 0; i < 7; i++) {
    const s = status.get(addDays(monday, i));
    if (s === 'done') done++;
    else if (s === 'skipped') skipped++;
  }
  if (done >= times) return 'met';
  return done + skipped >= times ? 'excused' : 'missed';
}

function currentWeekStreak(status: ReadonlyMap<string, DayStatus>, today: string, times: number): number {
  const first = firstMarked(status);
  if (first === null) return 0;
  const thisWeek = weekStart(today);
  let n = weekOutcome(status, thisWeek, times) === 'met' ? 1 : 0;
  for (let monday = addDays(thisWeek, -7); monday >= weekStart(first); monday = addDays(monday, -7)) {
    const o = weekOutcome(status, monday, times);
    if (o === 'missed') break;
    if (o === 'met') n++;
  }
  return n;
}

/**
 * The current streak up to today (or yesterday while today has no status): done days for day
 * schedules, met weeks for perWeek. Only days and weeks in `status` are looked at, so a caller
 * with a window of days gets the streak within it.
 */
export function currentStreak(
  status: ReadonlyMap<string, DayStatus>,
  today: string,
  schedule: Schedule = DAILY,
): number {
  if (schedule.kind === 'perWeek') return currentWeekStreak(status, today, schedule.times);
  const first = firstMarked(status);
  if (first === null) return 0;
  let n = 0;
  for (let day = lastCountedDay(status, today); day >= first; day = addDays(day, -1)) {
    if (status.get(day) === 'done') n++;
    else if (isMiss(status, schedule, day)) break;
  }
  return n;
}

/** The longest streak ever: done days (rest days and skips bridge), or met weeks for perWeek. */
export function bestStreak(status: ReadonlyMap<string, DayStatus>, schedule: Schedule = DAILY): number {
  const first = firstMarked(status);
  if (first === null) return 0;
  let last = first;
  for (const d of status.keys()) if (d > last) last = d;
  let best = 0;
  let run = 0;
  if (schedule.kind === 'perWeek') {
    for (let monday = weekStart(first); monday <= last; monday = addDays(monday, 7)) {
      const o = weekOutcome(status, monday, schedule.times);
      if (o === 'missed') run = 0;
      else if (o === 'met') best = Math.max(best, ++run);
    }
    return best;
  }
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (status.get(day) === 'done') best = Math.max(best, ++run);
    else if (isMiss(status, schedule, day)) run = 0;
  }
  return best;
}

/** The unit a streak counts in: days, or weeks for perWeek. */
export function streakUnit(schedule: Schedule): 'day' | 'week' {
  return schedule.kind === 'perWeek' ? 'week' : 'day';
}

/**
 * True when nothing in [from, to] breaks a streak, so one running through `from` may go on before
 * it: no empty due day for day schedules; for perWeek, no missed week among the whole weeks (Monday
 * to Sunday) inside the range.
 */
export function noBreakBetween(
  status: ReadonlyMap<string, DayStatus>,
  from: string,
  to: string,
  schedule: Schedule = DAILY,
): boolean {
  if (schedule.kind === 'perWeek') {
    for (let monday = weekStart(addDays(from, 6)); addDays(monday, 6) <= to; monday = addDays(monday, 7))
      if (weekOutcome(status, monday, schedule.times) === 'missed') return false;
    return true;
  }
  for (let d = to; d >= from; d = addDays(d, -1)) if (isMiss(status, schedule, d)) return false;
  return true;
}
