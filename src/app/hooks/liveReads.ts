// Reads for live queries. liveQuery learns what to watch from the reads made inside its zone;
// the repo's async wrappers (withDb's retry) nest native promises deeply enough that later reads
// can fall out of that zone and go unwatched (a tap then never refreshes Today). These return
// Dexie's own promises straight from the table, so every read is tracked. The retry on a lost
// connection is done by useLiveQueryResult instead.
import type { Habit, StoredEvent } from '../../data/entities.ts';
import { getDb } from '../../data/repo.ts';

/** All habits (archived too) in display order. */
export function habitsLive(): Promise<Habit[]> {
  return getDb().habits.orderBy('order').toArray();
}

/** A habit's events with fromDay <= day <= toDay (open ends when omitted), through the [habitKey+day] index. */
export function eventsForHabitLive(habitId: string, fromDay = '', toDay = '\uffff'): Promise<StoredEvent[]> {
  return getDb().events.where('[habitKey+day]').between([habitId, fromDay], [habitId, toDay], true, true).toArray();
}
