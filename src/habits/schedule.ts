// When a habit is meant to be done: the schedule type, its validator and the day rules. Pure (ES
// library only): the app, the data layer, reminders and the learning core share these rules.
import { addDays, daysBetween, isDay, weekdayOf } from '../learn/time.ts';

/**
 * A habit's schedule, plain serialisable data (stored in the database and the backup file).
 * Weekdays are 0 = Sunday .. 6 = Saturday; weeks run Monday to Sunday.
 */
export type Schedule =
  | { kind: 'daily' }
  | { kind: 'weekdays'; days: number[] }
  | { kind: 'perWeek'; times: number }
  | { kind: 'everyN'; days: number; from: string };

/** The kinds of schedule, in the order the forms offer them. */
export const SCHEDULE_KINDS = ['daily', 'weekdays', 'perWeek', 'everyN'] as const;
/** One kind of schedule. */
export type ScheduleKind = Schedule['kind'];

/** Every day: the schedule of a habit that has none (database v2 rows, backup v1 files). */
export const DAILY: Schedule = Object.freeze({ kind: 'daily' }) as Schedule;
/** The longest gap an every-N-days schedule accepts. */
export const MAX_EVERY_N = 365;

/** One problem in a schedule: the field inside it ('' for the schedule itself) and what is wrong. */
export interface ScheduleProblem {
  field: string;
  message: string;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

function isWhole(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/**
 * Checks a schedule from outside (a backup, an import, a form). Returns the clean schedule (weekdays
 * sorted, no other fields), or every problem with the field it is in. Absent or null is daily.
 */
export function checkSchedule(v: unknown): { ok: true; value: Schedule } | { ok: false; problems: ScheduleProblem[] } {
  if (v === undefined || v === null) return { ok: true, value: DAILY };
  if (typeof v !== 'object' || Array.isArray(v))
    return {
      ok: false,
      problems: [{ field: '', message: `must be an object such as {"kind":"daily"}, got ${show(v)}` }],
    };
  const s = v as Record<string, unknown>;
  const problems: ScheduleProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  switch (s.kind) {
    case 'daily':
      return { ok: true, value: DAILY };
    case 'weekdays': {
      const days = s.days;
      if (!Array.isArray(days) || days.length === 0)
        bad('days', `must list at least one weekday (0 = Sunday .. 6 = Saturday), got ${show(days)}`);
      else {
        days.forEach((d, i) => {
          if (!isWhole(d, 0, 6)) bad(`days[${i}]`, `must be a weekday 0 (Sunday) to 6 (Saturday), got ${show(d)}`);
          else if (days.indexOf(d) !== i) bad(`days[${i}]`, `weekday ${d} is listed twice`);
        });
      }
      return problems.length
        ? { ok: false, problems }
        : { ok: true, value: { kind: 'weekdays', days: [...(days as number[])].sort((a, b) => a - b) } };
    }
    case 'perWeek':
      if (!isWhole(s.times, 1, 7))
        bad('times', `must be a whole number of times per week, 1 to 7, got ${show(s.times)}`);
      return problems.length
        ? { ok: false, problems }
        : { ok: true, value: { kind: 'perWeek', times: s.times as number } };
    case 'everyN':
      if (!isWhole(s.days, 2, MAX_EVERY_N))
        bad('days', `must be a whole number of days, 2 to ${MAX_EVERY_N}, got ${show(s.days)}`);
      if (!isDay(s.from)) bad('from', `must be the first due day written YYYY-MM-DD, got ${show(s.from)}`);
      return problems.length
        ? { ok: false, problems }
        : { ok: true, value: { kind: 'everyN', days: s.days as number, from: s.from as string } };
    default:
      return {
        ok: false,
        problems: [{ field: 'kind', message: `must be one of ${SCHEDULE_KINDS.join(', ')}, got ${show(s.kind)}` }],
      };
  }
}

/** The schedule of a stored or imported habit: its own, else daily. */
export function scheduleOf(h: { schedule?: Schedule | null }): Schedule {
  return h.schedule ?? DAILY;
}

/** Position of a day in its Monday-to-Sunday week: 0 = Monday .. 6 = Sunday. */
export function weekIndex(day: string): number {
  return (weekdayOf(day) + 6) % 7;
}

/** The Monday that starts the week of `day`. */
export function weekStart(day: string): string {
  return addDays(day, -weekIndex(day));
}

/**
 * True when the habit is meant to be done on `day`. A perWeek habit is due every day: each day is
 * a chance towards the week's target, so Today lists it with the due habits until the target is met
 * (then it reads "3 of 3 this week"), reminders weigh the target against the days left
 * (remind/decide.ts), and every day of it is a learning label (a miss on one day is no failure, so
 * the learner is given the week's progress instead).
 */
export function isDue(schedule: Schedule, day: string): boolean {
  switch (schedule.kind) {
    case 'daily':
    case 'perWeek':
      return true;
    case 'weekdays':
      return schedule.days.includes(weekdayOf(day));
    case 'everyN': {
      // Periodic both ways from `from`, so history before it follows the same rhythm.
      const r = daysBetween(schedule.from, day) % schedule.days;
      return r === 0;
    }
  }
}

/** A week's progress: done days, the target, and the days left in the week counting `day`. */
export interface WeekProgress {
  done: number;
  target: number;
  daysLeft: number;
}

/**
 * Progress in the Monday-to-Sunday week of `day`: done days of that week (any in `doneDays`, later
 * days of the week included), the week's target (N for perWeek, else its due days) and the days
 * left, `day` included.
 */
export function weekProgress(schedule: Schedule, doneDays: ReadonlySet<string>, day: string): WeekProgress {
  const monday = weekStart(day);
  let done = 0;
  let due = 0;
  for (let i = 0; i < 7; i++) {
    const d = addDays(monday, i);
    if (doneDays.has(d)) done++;
    if (isDue(schedule, d)) due++;
  }
  const target = schedule.kind === 'perWeek' ? schedule.times : due;
  return { done, target, daysLeft: 7 - weekIndex(day) };
}

/**
 * The week's progress as known on the morning of `day`: done days of its week before `day` only (a
 * learning feature for day D must not see D or later), the target and the days left counting `day`.
 */
export function weekProgressBefore(schedule: Schedule, doneDays: ReadonlySet<string>, day: string): WeekProgress {
  const w = weekProgress(schedule, doneDays, day);
  let later = 0;
  for (let i = weekIndex(day), d = day; i < 7; i++, d = addDays(d, 1)) if (doneDays.has(d)) later++;
  return { ...w, done: w.done - later };
}

/**
 * True when a missed `day` is a real miss, so the day can carry a learning label: every day for
 * daily and perWeek habits (a perWeek day is a chance; the week's progress is a feature instead),
 * only due days for weekdays and every-N-days habits.
 */
export function isLabelDay(schedule: Schedule, day: string): boolean {
  return schedule.kind === 'perWeek' || isDue(schedule, day);
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Short weekday names, 0 = Sunday. */
export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function listed(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The weekdays in reading order, Monday first. */
function mondayFirst(days: readonly number[]): number[] {
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

/** The schedule in words: "Every day", "Tuesdays and Thursdays", "3 times a week", "Every 2 days". */
export function scheduleLabel(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'daily':
      return 'Every day';
    case 'weekdays': {
      const set = new Set(schedule.days);
      if (set.size === 7) return 'Every day';
      if (set.size === 5 && ![0, 6].some((d) => set.has(d))) return 'Weekdays';
      if (set.size === 2 && set.has(0) && set.has(6)) return 'Weekends';
      return listed(mondayFirst(schedule.days).map((d) => `${WEEKDAY_NAMES[d]}s`));
    }
    case 'perWeek':
      return schedule.times === 1 ? 'Once a week' : `${schedule.times} times a week`;
    case 'everyN':
      return `Every ${schedule.days} days`;
  }
}
