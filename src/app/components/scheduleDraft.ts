// What the schedule controls hold while the person edits, and the schedule they stand for. Kept
// apart from rendering so it can be tested; the data layer's checkSchedule is the judge.
import { checkSchedule, type Schedule, type ScheduleKind } from '../../habits/schedule.ts';

/** The schedule form's fields: every kind's value is kept, so switching kinds loses nothing typed. */
export interface ScheduleDraft {
  kind: ScheduleKind;
  /** Weekdays ticked, 0 = Sunday. */
  days: number[];
  /** Times a week, as typed. */
  times: string;
  /** Every how many days, as typed. */
  every: string;
  /** First due day of an every-N-days schedule. */
  from: string;
}

/** The draft for a habit's schedule; `today` is where a new every-N-days rhythm starts. */
export function draftOf(s: Schedule, today: string): ScheduleDraft {
  return {
    kind: s.kind,
    days: s.kind === 'weekdays' ? [...s.days] : [1, 3, 5],
    times: s.kind === 'perWeek' ? String(s.times) : '3',
    every: s.kind === 'everyN' ? String(s.days) : '2',
    from: s.kind === 'everyN' ? s.from : today,
  };
}

/** The schedule a draft stands for, or what is wrong with it in the form's words. */
export function scheduleFromDraft(d: ScheduleDraft): { ok: true; value: Schedule } | { ok: false; message: string } {
  const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);
  const raw =
    d.kind === 'weekdays'
      ? { kind: d.kind, days: d.days }
      : d.kind === 'perWeek'
        ? { kind: d.kind, times: whole(d.times) }
        : d.kind === 'everyN'
          ? { kind: d.kind, days: whole(d.every), from: d.from }
          : { kind: 'daily' };
  const c = checkSchedule(raw);
  if (c.ok) return c;
  const field = c.problems[0].field;
  if (d.kind === 'weekdays') return { ok: false, message: 'Tick at least one day of the week.' };
  if (d.kind === 'perWeek') return { ok: false, message: 'Times a week must be a whole number from 1 to 7.' };
  if (field === 'days') return { ok: false, message: 'Every how many days: a whole number from 2 to 365.' };
  return { ok: false, message: `Schedule ${field}: ${c.problems[0].message}.` };
}

/** True when the draft stands for the same schedule as `s`. */
export function sameSchedule(d: ScheduleDraft, s: Schedule): boolean {
  const r = scheduleFromDraft(d);
  return r.ok && JSON.stringify(r.value) === JSON.stringify(s);
}
