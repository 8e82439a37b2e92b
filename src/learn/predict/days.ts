// The event log as per-day facts of one habit: done or not, app launches, reminders shown and tapped.
// Events are bucketed by local day number once (an index shared by all habits); a habit then reads
// any range of days from it, which is all the learner needs, whether it folds a whole history or
// only the days since its last run.
import type { LogEvent } from '../events.ts';
import { daysFromCivil } from '../time.ts';

/** Per-habit flat lists of (day number, kind): 0 = completed, 1 = reminder tapped, 2 = reminder shown. */
interface HabitDays {
  day: number[];
  kind: number[];
}

/** Events bucketed by local day number; built once, shared by all habits. */
export interface EventIndex {
  /** App launches per day number. */
  opens: Map<number, number>;
  habits: Map<string, HabitDays>;
}

/** Facts of `count` consecutive days of one habit from day number `first`. */
export interface DayFacts {
  first: number;
  count: number;
  done: Uint8Array;
  opens: Uint16Array;
  shown: Uint8Array;
  tapped: Uint8Array;
}

const KIND: Partial<Record<LogEvent['type'], number>> = { habitCompleted: 0, reminderTapped: 1, reminderShown: 2 };

/** Days since 1970-01-01 of 'YYYY-MM-DD' without allocating; NaN when malformed. */
export function fastDayNumber(s: string): number {
  if (s.length !== 10) return NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y !== y || m !== m || d !== d) return NaN;
  return daysFromCivil(y, m, d);
}

function digits(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** One pass over the events (any order): the index every habit's facts are read from. */
export function indexEvents(events: readonly LogEvent[]): EventIndex {
  const opens = new Map<number, number>();
  const habits = new Map<string, HabitDays>();
  for (let i = 0, n = events.length; i < n; i++) {
    const e = events[i];
    const dn = fastDayNumber(e.day);
    if (dn !== dn) continue;
    if (e.type === 'appOpened') {
      opens.set(dn, (opens.get(dn) ?? 0) + 1);
      continue;
    }
    const kind = KIND[e.type];
    if (kind === undefined || !e.habitId) continue;
    let h = habits.get(e.habitId);
    if (!h) {
      h = { day: [], kind: [] };
      habits.set(e.habitId, h);
    }
    h.day.push(dn);
    h.kind.push(kind);
  }
  return { opens, habits };
}

/** The facts of days [first, first + count) of one habit. */
export function readDays(index: EventIndex, habitId: string, first: number, count: number): DayFacts {
  const n = Math.max(0, count);
  const f: DayFacts = {
    first,
    count: n,
    done: new Uint8Array(n),
    opens: new Uint16Array(n),
    shown: new Uint8Array(n),
    tapped: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) f.opens[i] = Math.min(65535, index.opens.get(first + i) ?? 0);
  const h = index.habits.get(habitId);
  if (!h) return f;
  for (let k = 0; k < h.day.length; k++) {
    const i = h.day[k] - first;
    if (i < 0 || i >= n) continue;
    const kind = h.kind[k];
    if (kind === 0) f.done[i] = 1;
    else if (kind === 1) f.tapped[i] = Math.min(255, f.tapped[i] + 1);
    else f.shown[i] = Math.min(255, f.shown[i] + 1);
  }
  return f;
}

/** App launches on each of the `days` days before day number `first`, oldest first. */
export function opensBefore(index: EventIndex, first: number, days: number): number[] {
  const out: number[] = [];
  for (let d = first - days; d < first; d++) out.push(index.opens.get(d) ?? 0);
  return out;
}
