// Building stored event rows: the one place that derives t/offset/day and the merge identity.
import { toLogEvent, type EventType, type LogEvent } from '../learn/events.ts';
import { formatInstant } from '../learn/time.ts';
import type { StoredEvent } from './entities.ts';

/**
 * The merge identity of an event: type|habitId|instant|explicit day. The instant is normalised
 * (formatInstant of t and offset) so "…08:00Z" and "…08:00:00.000+00:00" are the same event.
 */
export function eventKey(
  type: string,
  habitId: string | undefined,
  t: number,
  offset: number,
  explicitDay: string | undefined,
): string {
  return `${type}|${habitId ?? ''}|${formatInstant(t, offset)}|${explicitDay ?? ''}`;
}

/** A StoredEvent from backup-shaped fields; null when `at` has no valid offset. */
export function toStoredEvent(e: {
  type: EventType;
  habitId?: string | null;
  at: string;
  day?: string | null;
  demo?: boolean;
}): StoredEvent | null {
  const log = toLogEvent(e);
  if (!log) return null;
  const row: StoredEvent = {
    ...log,
    at: e.at,
    habitKey: log.habitId ?? '',
    key: eventKey(log.type, log.habitId, log.t, log.offset, e.day ?? undefined),
  };
  if (e.demo) row.demo = true;
  return row;
}

/**
 * Rows in time order, ties in the order they were stored (a stable sort of the table's own order);
 * rows whose time is not a number (corrupt) go last, for the callers that set them aside.
 */
export function byTime<T extends { t: number }>(rows: T[]): T[] {
  const key = (r: T) => (typeof r.t === 'number' && !Number.isNaN(r.t) ? r.t : Infinity);
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The learning core's view of a stored row (drops storage-only fields). */
export function toLearningEvent(row: StoredEvent): LogEvent {
  const ev: LogEvent = { type: row.type, t: row.t, offset: row.offset, day: row.day };
  if (row.habitId) ev.habitId = row.habitId;
  if (row.marked) ev.marked = true;
  return ev;
}
