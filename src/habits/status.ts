// A habit's days as the screens count them: what each marked day holds, and which days are due.
// Pure (no Dexie): events in, day -> status out.
import { addDays } from '../learn/time.ts';
import { isDue, type Schedule } from './schedule.ts';

/** What a day looked like for a habit. Days without an event are absent. */
export type DayStatus = 'done' | 'skipped';

/** The event fields a day's status is made of. */
export interface MarkLike {
  type: string;
  habitId?: string;
  day: string;
}

/** Day -> status for one habit; a completion wins over a skip on the same day. */
export function dayStatus(events: readonly MarkLike[], habitId: string): Map<string, DayStatus> {
  const out = new Map<string, DayStatus>();
  for (const e of events) {
    if (e.habitId !== habitId) continue;
    if (e.type === 'habitCompleted') out.set(e.day, 'done');
    else if (e.type === 'habitSkipped' && !out.has(e.day)) out.set(e.day, 'skipped');
  }
  return out;
}

/** Last day that counts: today once it has a status, else yesterday (today is not over yet). */
export function lastCountedDay(status: ReadonlyMap<string, DayStatus>, today: string): string {
  return status.has(today) ? today : addDays(today, -1);
}

/** A due day left empty: the only kind of day that is a miss (rest days and skips never are). */
export function isMiss(status: ReadonlyMap<string, DayStatus>, schedule: Schedule, day: string): boolean {
  return !status.has(day) && isDue(schedule, day);
}

/** The earliest marked day, or null when nothing is marked. */
export function firstMarked(status: ReadonlyMap<string, DayStatus>): string | null {
  let first: string | null = null;
  for (const d of status.keys()) if (first === null || d < first) first = d;
  return first;
}
