// Habits on a schedule, as the learner sees them. A day the habit is not due carries no label (a rest day is
// never a miss): the stages skip it. A habit meant to be done N times a week is due every day, each day a
// chance; what matters is the week's progress, so the learner keeps it (completions so far this week against
// the target and the days left) and a rate of completion for each degree of need ("target met", "a little
// behind", "every day left counts").
import { isDue, type Schedule } from '../../habits/schedule.ts';
import { numberToDay } from '../time.ts';
import { weekdayOfNumber } from './features.ts';

/** Degrees of need: target met, then remaining completions per day left up to 1/3, 2/3, below 1, 1 or more. */
export const NEED_STATES = 5;
/** Half-life in days of the need rates. */
const NEED_HALF_LIFE = 90;
const NEED_DECAY = 0.5 ** (1 / NEED_HALF_LIFE);

/** The week's progress and the need rates: plain numbers, stored with the learner. */
export interface WeekState {
  /** Completions so far in the week of the next day (Monday to Sunday), before it. */
  done: number;
  /** Per degree of need: decayed completions and decayed days. */
  needDone: number[];
  needDays: number[];
}

/** No week begun yet. */
export function newWeek(): WeekState {
  return { done: 0, needDone: new Array(NEED_STATES).fill(0), needDays: new Array(NEED_STATES).fill(0) };
}

/** A deep copy. */
export function cloneWeek(w: WeekState): WeekState {
  return { done: w.done, needDone: w.needDone.slice(), needDays: w.needDays.slice() };
}

/** True when day number `day` carries a label: a due day, or any day of a per-week habit. */
export function labelDay(schedule: Schedule, day: number): boolean {
  if (schedule.kind === 'daily' || schedule.kind === 'perWeek') return true;
  if (schedule.kind === 'weekdays') return schedule.days.includes(weekdayOfNumber(day));
  return isDue(schedule, numberToDay(day));
}

/** Days left in the week of day number `day`, counting it (Monday 7 .. Sunday 1). */
function daysLeft(day: number): number {
  return 7 - ((weekdayOfNumber(day) + 6) % 7);
}

/** Remaining completions of the week per day left, on the morning of `day` (0 once the target is met). */
export function weekNeed(schedule: Schedule, w: WeekState, day: number): number {
  if (schedule.kind !== 'perWeek') return 0;
  return Math.max(0, schedule.times - w.done) / daysLeft(day);
}

/** The degree of need on the morning of `day` (see NEED_STATES). */
function needState(schedule: Schedule, w: WeekState, day: number): number {
  const r = weekNeed(schedule, w, day);
  return r === 0 ? 0 : r <= 1 / 3 ? 1 : r <= 2 / 3 ? 2 : r < 1 ? 3 : 4;
}

/** How often a day with the week's need like the next day's was completed, shrunk towards `recent`. */
export function needRate(schedule: Schedule, w: WeekState, day: number, recent: number): number {
  if (schedule.kind !== 'perWeek') return recent;
  const k = needState(schedule, w, day);
  return (w.needDone[k] + 3 * recent) / (w.needDays[k] + 3);
}

/** Folds day number `day` (done or not) into the week, in place; a Sunday closes the week. */
export function advanceWeek(schedule: Schedule, w: WeekState, day: number, done: number): void {
  if (schedule.kind === 'perWeek') {
    const k = needState(schedule, w, day);
    for (let j = 0; j < NEED_STATES; j++) {
      w.needDone[j] *= NEED_DECAY;
      w.needDays[j] *= NEED_DECAY;
    }
    w.needDone[k] += done;
    w.needDays[k] += 1;
  }
  w.done = weekdayOfNumber(day) === 0 ? 0 : w.done + done;
}
