// The backup rules for one habit or one event, shared by the file validator and the v1 -> v2
// migration, so the database never keeps a row that its own export could not import again.
import { EVENT_TYPES, HABIT_EVENT_TYPES, type EventType } from '../../learn/events.ts';
import { FIRST_DAY, localDayOf, parseInstant, type Instant } from '../../learn/time.ts';
import { checkColor, checkName, checkReminderTime, describeValue, MAX_ID_LENGTH } from '../fields.ts';
import type { BackupEvent, BackupHabit } from './backup-file.ts';
import { checkSchedule } from '../../habits/schedule.ts';
import { beforeFirstDay, dayProblem, instantProblem } from './instants.ts';

/** One problem in a row: the field below the row ('' for the row itself) and what is wrong. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What an event is checked against: ids that exist, and the creation instant of each habit known to be valid. */
export interface HabitIndex {
  ids: ReadonlySet<string>;
  created: ReadonlyMap<string, Instant>;
}

/** Same test as the validator uses for ids, for callers that must decide before checking a row. */
export function isHabitId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The creation instant of a valid habit. */
export function createdOf(h: BackupHabit): Instant {
  return parseInstant(h.createdAt)!;
}

/**
 * Null when a habit's event on local `day` can exist, else the problem, as the app records: a past
 * day is never marked before the creation day (repo.ts refuses it), and nothing is recorded before
 * the habit existed. An event recorded after the creation can still fall on an earlier local day
 * (created in Paris after midnight, done that evening in New York), so that alone is no problem.
 */
export function beforeCreation(
  e: { at: string; day?: string | null; habitId: string },
  day: string,
  created: Instant,
): FieldProblem | null {
  const createdDay = localDayOf(created.t, created.offset);
  if (day >= createdDay) return null;
  const habit = `habit ${JSON.stringify(e.habitId)} was created (${createdDay})`;
  if (e.day) return { field: 'day', message: `${day} is before ${habit}` };
  const t = parseInstant(e.at)?.t;
  return t !== undefined && t < created.t ? { field: 'at', message: `${e.at} is on ${day}, before ${habit}` } : null;
}

/** Checks one habit (not its id's uniqueness); `habit` is the clean row when there is no problem. */
export function checkHabit(h: unknown): { habit: BackupHabit | null; problems: FieldProblem[] } {
  if (!isObject(h))
    return { habit: null, problems: [{ field: '', message: `Habit must be an object, got ${describeValue(h)}` }] };
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string | null): void => {
    if (message) problems.push({ field, message });
  };
  if (!isHabitId(h.id))
    add('id', `Habit id must be text of 1 to ${MAX_ID_LENGTH} characters, got ${describeValue(h.id)}`);
  const name = checkName(h.name);
  if (!name.ok) add('name', name.message);
  add('createdAt', instantProblem(h.createdAt));
  if (h.archivedAt !== undefined && h.archivedAt !== null)
    add(
      'archivedAt',
      typeof h.archivedAt === 'string'
        ? instantProblem(h.archivedAt)
        : `must be null or a timestamp with its UTC offset, got ${describeValue(h.archivedAt)}`,
    );
  add('reminderTime', checkReminderTime(h.reminderTime));
  add('color', checkColor(h.color));
  if (h.order !== undefined && (typeof h.order !== 'number' || !Number.isFinite(h.order)))
    add('order', `must be a number, got ${describeValue(h.order)}`);
  if (h.demo !== undefined && typeof h.demo !== 'boolean')
    add('demo', `must be true or false, got ${describeValue(h.demo)}`);
  const schedule = checkSchedule(h.schedule);
  if (!schedule.ok) for (const p of schedule.problems) add(p.field ? `schedule.${p.field}` : 'schedule', p.message);
  if (problems.length || !name.ok || !schedule.ok) return { habit: null, problems };
  const habit: BackupHabit = {
    id: h.id as string,
    name: name.value,
    createdAt: h.createdAt as string,
    archivedAt: (h.archivedAt as string | null | undefined) ?? null,
    reminderTime: (h.reminderTime as string | null | undefined) ?? null,
    color: (h.color as string | null | undefined) ?? null,
  };
  if (typeof h.order === 'number') habit.order = h.order;
  if (h.schedule !== undefined && h.schedule !== null) habit.schedule = schedule.value;
  if (h.demo === true) habit.demo = true;
  return { habit, problems };
}

/** Checks one event against the habits; `event` is the clean row when there is no problem. */
export function checkEvent(e: unknown, habits: HabitIndex): { event: BackupEvent | null; problems: FieldProblem[] } {
  if (!isObject(e))
    return { event: null, problems: [{ field: '', message: `Event must be an object, got ${describeValue(e)}` }] };
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string | null): void => {
    if (message) problems.push({ field, message });
  };
  const type = e.type as EventType;
  const known = typeof e.type === 'string' && (EVENT_TYPES as readonly string[]).includes(e.type);
  if (!known) add('type', `Unknown event type ${describeValue(e.type)}: expected one of ${EVENT_TYPES.join(', ')}`);
  const forHabit = known && HABIT_EVENT_TYPES.includes(type);
  const hasHabit = e.habitId !== undefined && e.habitId !== null;
  if (forHabit && !hasHabit) add('habitId', `A ${type} event needs a habitId`);
  else if (known && !forHabit && hasHabit)
    add('habitId', `An ${type} event belongs to no habit, but has habitId ${describeValue(e.habitId)}`);
  else if (hasHabit && typeof e.habitId !== 'string') add('habitId', `must be text, got ${describeValue(e.habitId)}`);
  else if (forHabit && !habits.ids.has(e.habitId as string))
    add('habitId', `No habit with id ${describeValue(e.habitId)} in this file`);
  const when = instantProblem(e.at);
  add('at', when);
  const hasDay = e.day !== undefined && e.day !== null;
  let day: string | null = null;
  if (!when) {
    const inst = parseInstant(e.at as string)!;
    day = localDayOf(inst.t, inst.offset);
  }
  if (hasDay) {
    const d = dayProblem(e.day);
    if (d) add('day', d);
    else if (day && (e.day as string) > day)
      add('day', `${e.day} is after the day the event was recorded (${day}): a day can only be marked afterwards`);
    else if ((e.day as string) < FIRST_DAY) add('day', beforeFirstDay(e.day as string));
    day = d ? null : (e.day as string);
  }
  const created = forHabit && typeof e.habitId === 'string' ? habits.created.get(e.habitId) : undefined;
  const before =
    day && created
      ? beforeCreation({ at: e.at as string, day: hasDay ? day : null, habitId: e.habitId as string }, day, created)
      : null;
  if (before) problems.push(before);
  if (e.demo !== undefined && typeof e.demo !== 'boolean')
    add('demo', `must be true or false, got ${describeValue(e.demo)}`);
  if (problems.length) return { event: null, problems };
  const event: BackupEvent = { type, at: e.at as string };
  if (forHabit) event.habitId = e.habitId as string;
  if (hasDay) event.day = e.day as string;
  if (e.demo === true) event.demo = true;
  return { event, problems };
}
