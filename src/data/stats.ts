// Habit statistics for Today and History. Pure (no Dexie): they take events or a day -> status map.
// Rules, chosen so a person is never punished for an honest "skip" and the numbers agree with
// the learner's label (DESIGN.md: a day is 1 when completed, else 0):
// - Streaks: a done day counts; a skipped day neither counts nor breaks the streak (as in Loop
//   Habit Tracker and Streaks); a day with nothing breaks it. Today, until it has a status, is
//   "not yet failed", so counting starts from yesterday.
// - Rates and strength: done = 1, anything else (skip or nothing) = 0, over the days since the
//   habit was created. Today enters the window only once it has a status.
import type { LogEvent } from '../learn/events.ts';
import { addDays, dayToNumber, numberToDay } from '../learn/time.ts';
import type { StoredEvent } from './entities.ts';

/** What a day looked like for a habit. Days without an event are absent. */
export type DayStatus = 'done' | 'skipped';

/** Day -> status for one habit; a completion wins over a skip on the same day. */
export function dayStatus(events: readonly (StoredEvent | LogEvent)[], habitId: string): Map<string, DayStatus> {
  const out = new Map<string, DayStatus>();
  for (const e of events) {
    if (e.habitId !== habitId) continue;
    if (e.type === 'habitCompleted') out.set(e.day, 'done');
    else if (e.type === 'habitSkipped' && !out.has(e.day)) out.set(e.day, 'skipped');
  }
  return out;
}

/** Done days in a row up to today (or up to yesterday while today has no status); skips bridge. */
export function currentStreak(status: ReadonlyMap<string, DayStatus>, today: string): number {
  let day = status.has(today) ? today : addDays(today, -1);
  let n = 0;
  // Bounded by the number of marked days: every step either consumes a marked day or stops.
  for (let guard = status.size + 1; guard > 0; guard--) {
    const s = status.get(day);
    if (s === undefined) break;
    if (s === 'done') n++;
    day = addDays(day, -1);
  }
  return n;
}

/** The longest run of done days ever (skipped days bridge, empty days break). */
export function bestStreak(status: ReadonlyMap<string, DayStatus>): number {
  const days = [...status.keys()].map(dayToNumber).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of days) {
    if (d !== prev + 1) run = 0;
    if (status.get(numberToDay(d)) === 'done') run++;
    best = Math.max(best, run);
    prev = d;
  }
  return best;
}

/** Last day that counts: today once it has a status, else yesterday (today is not over yet). */
function lastCountedDay(status: ReadonlyMap<string, DayStatus>, today: string): string {
  return status.has(today) ? today : addDays(today, -1);
}

/**
 * Share of done days over the last `days` days ending today (or yesterday while today is open),
 * clipped to the habit's creation day. `days` in the result is the window's real length.
 */
export function completionRate(
  status: ReadonlyMap<string, DayStatus>,
  today: string,
  days: number,
  createdDay: string,
): { done: number; days: number; rate: number } {
  const end = dayToNumber(lastCountedDay(status, today));
  const start = Math.max(end - days + 1, dayToNumber(createdDay));
  let done = 0;
  for (let d = start; d <= end; d++) if (status.get(numberToDay(d)) === 'done') done++;
  const n = Math.max(0, end - start + 1);
  return { done, days: n, rate: n > 0 ? done / n : 0 };
}

/** Daily multiplier of the strength score: 0.5^(1/13), so a day's weight halves in 13 days. */
export const STRENGTH_MULTIPLIER = 0.5 ** (1 / 13);

/**
 * Habit strength in [0, 1], Loop Habit Tracker's score for a daily habit: starting from 0 on the
 * day before creation, score_d = score_{d-1} * m + (1 - m) * done_d with m = 0.5^(1/13) (a done
 * day's weight halves after 13 days), up to today (or yesterday while today has no status).
 */
export function strengthScore(status: ReadonlyMap<string, DayStatus>, createdDay: string, today: string): number {
  const end = dayToNumber(lastCountedDay(status, today));
  const m = STRENGTH_MULTIPLIER;
  let score = 0;
  for (let d = dayToNumber(createdDay); d <= end; d++) {
    score = score * m + (1 - m) * (status.get(numberToDay(d)) === 'done' ? 1 : 0);
  }
  return score;
}
