// The part of a long streak that lies before Today's window. Read in growing chunks of older days
// only, so a five-year streak costs a few reads, and a tap today (a newer day) does not make
// liveQuery re-run it.
import type { Schedule } from '../../habits/schedule.ts';
import { weekStart } from '../../habits/schedule.ts';
import { dayStatus } from '../../habits/status.ts';
import { currentStreak, noBreakBetween } from '../../habits/streaks.ts';
import { addDays } from '../../learn/time.ts';
import { eventsForHabitLive } from '../hooks/liveReads.ts';

/** Days of the first chunk before the window; each next chunk is 4x longer. */
const FIRST_CHUNK = 60;

/**
 * The streak that runs back from the day before `before` (done days, or met weeks for perWeek, when
 * `before` is a Monday): rest days and skips bridge, a miss ends it.
 */
export async function loadOlderStreak(
  habitId: string,
  before: string,
  createdDay: string,
  schedule: Schedule,
): Promise<number> {
  const status = new Map<string, 'done' | 'skipped'>();
  const last = addDays(before, -1);
  let end = last;
  for (let chunk = FIRST_CHUNK; ; chunk *= 4) {
    let start = addDays(end, -(chunk - 1));
    if (schedule.kind === 'perWeek') start = weekStart(start); // whole weeks only
    const events = await eventsForHabitLive(habitId, start, end);
    for (const [d, s] of dayStatus(events, habitId)) status.set(d, s);
    // Stop once the run breaks inside this chunk or nothing older can exist.
    if (events.length === 0 || start <= createdDay || !noBreakBetween(status, start, last, schedule)) break;
    end = addDays(start, -1);
  }
  // `before` has no entry in this map, so counting starts at the day (or week) before it.
  return currentStreak(status, before, schedule);
}
