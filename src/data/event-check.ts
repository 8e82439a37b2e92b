// Stored events whose time cannot be real (a corrupted row, a bug in an old version, a hand-edited
// database): the learner must not train on them, and must not delete them either. This module says
// which rows and why; learning-data.ts and repo.ts skip them and record the reasons.
import { EVENT_TYPES } from '../learn/events.ts';
import { FIRST_DAY, isDay, MAX_OFFSET_MIN } from '../learn/time.ts';
import type { MetaRow, StoredEvent } from './entities.ts';

/** Instants before this are corruption: no event of this app predates 1970 (epoch 0 is a classic bad default). */
const MIN_T = 0;
/** The last instant ISO-8601 with a four-digit year can write (9999-12-31T23:59:59.999Z). */
const MAX_T = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why a stored event's time is impossible, or null when it is fine. Never throws. */
export function impossibleEventReason(row: Pick<StoredEvent, 'type' | 't' | 'offset' | 'day'>): string | null {
  if (!(EVENT_TYPES as readonly string[]).includes(row.type)) return `unknown event type ${JSON.stringify(row.type)}`;
  if (typeof row.t !== 'number' || !Number.isFinite(row.t)) return `time is not a finite number (t = ${String(row.t)})`;
  if (row.t < MIN_T || row.t > MAX_T)
    return `time out of range: year ${new Date(row.t).getUTCFullYear()} (t = ${row.t})`;
  if (typeof row.offset !== 'number' || !Number.isInteger(row.offset) || Math.abs(row.offset) > MAX_OFFSET_MIN) {
    return `UTC offset impossible: ${String(row.offset)} min (beyond +-18 h)`;
  }
  if (!isDay(row.day)) return `day is not a real date: ${JSON.stringify(row.day)}`;
  if (row.day < FIRST_DAY) return `day out of range: ${row.day}`;
  return null;
}

/** One event row set aside from learning: its id (or merge key) and why. */
export interface SetAsideEvent {
  id: number | null;
  key: string;
  reason: string;
}

/** Splits rows into those the learner may use and those set aside with a reason (input order kept). */
export function partitionEvents<R extends StoredEvent>(rows: readonly R[]): { ok: R[]; setAside: SetAsideEvent[] } {
  const ok: R[] = [];
  const setAside: SetAsideEvent[] = [];
  for (const row of rows) {
    const reason = impossibleEventReason(row);
    if (reason === null) ok.push(row);
    else setAside.push({ id: row.id ?? null, key: String(row.key), reason });
  }
  return { ok, setAside };
}

/** The meta row key under which the events set aside from learning are listed. */
export const SET_ASIDE_KEY = 'setAsideEvents';
/** At most this many rows are listed one by one (the count is always exact). */
export const SET_ASIDE_LISTED = 50;

/** What the meta row holds: how many rows were set aside, the first few with reasons, and when first seen. */
export interface SetAsideRecord {
  count: number;
  events: SetAsideEvent[];
  firstSeenAt: number;
  summary: string;
}

/** The meta record for a set of set-aside rows, or null when there are none. */
export function setAsideRecord(setAside: readonly SetAsideEvent[], now: number): SetAsideRecord | null {
  if (!setAside.length) return null;
  const first = setAside[0];
  const summary =
    `${setAside.length} event${setAside.length === 1 ? '' : 's'} with impossible timestamps set aside from learning ` +
    `(kept in the database), e.g. event ${first.id ?? first.key}: ${first.reason}`;
  return { count: setAside.length, events: setAside.slice(0, SET_ASIDE_LISTED), firstSeenAt: now, summary };
}

/** True when the stored record already says the same (so it is written once, not on every read). */
export function sameSetAside(stored: MetaRow | undefined, next: SetAsideRecord | null): boolean {
  const v = stored?.value as SetAsideRecord | undefined;
  if (!next) return !v;
  return !!v && v.count === next.count && JSON.stringify(v.events) === JSON.stringify(next.events);
}
