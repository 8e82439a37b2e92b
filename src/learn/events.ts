// The event log as the learning core sees it: the backup format's events, with instants parsed.
import type { Schedule } from '../habits/schedule.ts';
import { localDayOf, parseInstant } from './time.ts';

/** Event types of schema v1; additive types need a schema version bump. */
export const EVENT_TYPES = ['appOpened', 'reminderTapped', 'habitCompleted', 'habitSkipped', 'reminderShown'] as const;
/** One of the known event types. */
export type EventType = (typeof EVENT_TYPES)[number];
/** Event types that belong to one habit (they carry a habitId). */
export const HABIT_EVENT_TYPES: readonly EventType[] = [
  'reminderTapped',
  'habitCompleted',
  'habitSkipped',
  'reminderShown',
];

/** An event in the log: UTC instant, the local offset then, and the local day it counts for. */
export interface LogEvent {
  type: EventType;
  /** Present for habit events; absent for appOpened. */
  habitId?: string;
  /** UTC epoch milliseconds when it was recorded. */
  t: number;
  /** Local UTC offset in minutes east when it was recorded. */
  offset: number;
  /** Local day it counts for: the explicit `day` of a past-day mark, else the local day of `t`. */
  day: string;
  /** True when the person marked a past day, so `day` differs from the day of `t`. */
  marked?: boolean;
}

/** A habit as the learning core needs it: absent `schedule` is daily. */
export interface HabitInfo {
  id: string;
  createdDay: string;
  schedule?: Schedule;
}

/** Builds a LogEvent from backup-shaped fields; null when `at` lacks a valid offset. */
export function toLogEvent(e: {
  type: EventType;
  habitId?: string | null;
  at: string;
  day?: string | null;
}): LogEvent | null {
  const inst = parseInstant(e.at);
  if (!inst) return null;
  const ev: LogEvent = { type: e.type, t: inst.t, offset: inst.offset, day: e.day ?? localDayOf(inst.t, inst.offset) };
  if (e.habitId) ev.habitId = e.habitId;
  if (e.day) ev.marked = true;
  return ev;
}
