// Precise complaints about timestamps and days, so a person knows what to fix.
// Messages never start with the field's name: the caller shows them after the field's path.
import { FIRST_DAY, isDay, localDayOf, parseInstant } from '../../learn/time.ts';
import { describeValue } from '../fields.ts';

const NO_OFFSET_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const SHAPE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_SHAPE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Null when `v` is an ISO-8601 instant with a UTC offset, from 1970 on, else what is wrong with it. */
export function instantProblem(v: unknown): string | null {
  if (typeof v !== 'string')
    return `must be a timestamp with its UTC offset (e.g. "2026-01-01T21:40:00.000+01:00"), got ${describeValue(v)}`;
  const inst = parseInstant(v);
  if (inst) {
    // The local date matters too, as the learner sets aside days before 1970 (UTC-5 on 1 Jan 1970).
    const old = inst.t < 0 || localDayOf(inst.t, inst.offset) < FIRST_DAY;
    return old ? beforeFirstDay(v) : null;
  }
  if (NO_OFFSET_RE.test(v))
    return `timestamp ${describeValue(v)} has no UTC offset: add it (e.g. +01:00 or Z) so the local day is known`;
  if (SHAPE_RE.test(v)) return `timestamp ${describeValue(v)} is an impossible date, time or offset`;
  return `${describeValue(v)} is not an ISO-8601 timestamp with offset (e.g. "2026-01-01T21:40:00.000+01:00")`;
}

/** What is wrong with a time or day before FIRST_DAY. */
export function beforeFirstDay(v: string): string {
  return `${v} is before 1970: no Nudge data is that old (a typo in the year?)`;
}

/** Null when `v` is a real calendar day 'YYYY-MM-DD', else what is wrong with it. */
export function dayProblem(v: unknown): string | null {
  if (isDay(v)) return null;
  if (typeof v === 'string' && DAY_SHAPE_RE.test(v)) return `${describeValue(v)} is an impossible date`;
  return `must be written YYYY-MM-DD, got ${describeValue(v)}`;
}
