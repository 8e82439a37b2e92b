// The app's reads and writes. Every write is one transaction; every call goes through withDb.
import { HABIT_EVENT_TYPES, type EventType, type LogEvent } from '../learn/events.ts';
import { deviceOffset, formatInstant, isDay, localDayOf } from '../learn/time.ts';
import { getDb, setOnVersionChange, withDb } from './connection.ts';
import { clearUserData, userTables } from './db.ts';
import type { Habit, StoredEvent } from './entities.ts';
import { ValidationError } from './errors.ts';
import { partitionEvents } from './event-check.ts';
import { byTime, toLearningEvent, toStoredEvent } from './eventRow.ts';
import { checkColor, checkName, checkReminderTime } from './fields.ts';
import { newHabitId } from './ids.ts';
import { refreshDataMarker } from './storage.ts';
import { checkSchedule, type Schedule } from '../habits/schedule.ts';

export { getDb, setOnVersionChange, withDb };

/** Minutes away from the app after which coming back counts as a new appOpened. */
export const RETURN_AFTER_MIN = 30;
const LAST_ACTIVE_KEY = 'lastActiveAt';

function offsetFor(now: Date, offset: number | undefined): number {
  return offset ?? deviceOffset(now);
}

function requireValid(message: string | null): void {
  if (message) throw new ValidationError(message);
}

/** A schedule from a form or a caller, checked; throws ValidationError naming the bad field. */
function validSchedule(v: unknown): Schedule {
  const c = checkSchedule(v);
  if (c.ok) return c.value;
  const p = c.problems[0];
  throw new ValidationError(`Schedule${p.field ? ` ${p.field}` : ''}: ${p.message}`);
}

/** Creates a habit at the end of the list (daily unless a schedule is given). Throws ValidationError for bad input. */
export async function createHabit(
  input: { name: string; reminderTime?: string | null; color?: string | null; schedule?: Schedule },
  now: Date = new Date(),
  offset?: number,
): Promise<Habit> {
  const name = checkName(input.name);
  if (!name.ok) throw new ValidationError(name.message);
  requireValid(checkReminderTime(input.reminderTime));
  requireValid(checkColor(input.color));
  const schedule = validSchedule(input.schedule);
  const off = offsetFor(now, offset);
  const t = now.getTime();
  const base = {
    name: name.value,
    createdAt: formatInstant(t, off),
    createdDay: localDayOf(t, off),
    archivedAt: null,
    reminderTime: input.reminderTime ?? null,
    color: input.color ?? null,
    schedule,
  };
  const created = await withDb((db) =>
    db.transaction('rw', db.habits, async () => {
      let id = newHabitId(name.value);
      while (await db.habits.get(id)) id = newHabitId(name.value);
      const last = await db.habits.orderBy('order').last();
      const habit: Habit = { id, ...base, order: last ? last.order + 1 : 0 };
      await db.habits.add(habit);
      return habit;
    }),
  );
  await refreshDataMarker(); // so a later loss of the database is noticed (storage.ts)
  return created;
}

async function mustGetHabit(db: ReturnType<typeof getDb>, id: string): Promise<Habit> {
  const h = await db.habits.get(id);
  if (!h) throw new ValidationError(`No habit with id "${id}"`);
  return h;
}

/** Renames a habit or changes its reminder time, colour or schedule. */
export async function updateHabit(
  id: string,
  patch: { name?: string; reminderTime?: string | null; color?: string | null; schedule?: Schedule },
): Promise<void> {
  const changes: Partial<Habit> = {};
  if (patch.name !== undefined) {
    const name = checkName(patch.name);
    if (!name.ok) throw new ValidationError(name.message);
    changes.name = name.value;
  }
  if (patch.reminderTime !== undefined) {
    requireValid(checkReminderTime(patch.reminderTime));
    changes.reminderTime = patch.reminderTime;
  }
  if (patch.color !== undefined) {
    requireValid(checkColor(patch.color));
    changes.color = patch.color;
  }
  if (patch.schedule !== undefined) changes.schedule = validSchedule(patch.schedule);
  await withDb((db) =>
    db.transaction('rw', db.habits, async () => {
      await mustGetHabit(db, id);
      await db.habits.update(id, changes);
    }),
  );
}

/** Puts the given habits first, in this order; habits not listed keep their relative order after them. */
export async function reorderHabits(idsInOrder: string[]): Promise<void> {
  if (new Set(idsInOrder).size !== idsInOrder.length) throw new ValidationError('The new order lists a habit twice');
  await withDb((db) =>
    db.transaction('rw', db.habits, async () => {
      const all = await db.habits.orderBy('order').toArray();
      const known = new Set(all.map((h) => h.id));
      const unknown = idsInOrder.find((id) => !known.has(id));
      if (unknown !== undefined) throw new ValidationError(`No habit with id "${unknown}"`);
      const listed = new Set(idsInOrder);
      const ordered = [...idsInOrder, ...all.filter((h) => !listed.has(h.id)).map((h) => h.id)];
      await Promise.all(ordered.map((id, i) => db.habits.update(id, { order: i })));
    }),
  );
}

/** Archives a habit: it leaves Today but keeps its history. */
export async function archiveHabit(id: string, now: Date = new Date(), offset?: number): Promise<void> {
  const at = formatInstant(now.getTime(), offsetFor(now, offset));
  await withDb((db) =>
    db.transaction('rw', db.habits, async () => {
      await mustGetHabit(db, id);
      await db.habits.update(id, { archivedAt: at });
    }),
  );
}

/** Brings an archived habit back to Today. */
export async function restoreHabit(id: string): Promise<void> {
  await withDb((db) =>
    db.transaction('rw', db.habits, async () => {
      await mustGetHabit(db, id);
      await db.habits.update(id, { archivedAt: null });
    }),
  );
}

/** Deletes a habit with its events, checkpoints, training runs and prediction, all or nothing. */
export async function deleteHabit(id: string): Promise<void> {
  await withDb((db) =>
    db.transaction('rw', [db.habits, db.events, db.checkpoints, db.trainingRuns, db.predictions], async () => {
      await mustGetHabit(db, id);
      await db.events.where('[habitKey+day]').between([id, ''], [id, '\uffff']).delete();
      await db.checkpoints.where('habitId').equals(id).delete();
      await db.trainingRuns.where('habitId').equals(id).delete();
      await db.predictions.delete(id);
      await db.habits.delete(id);
    }),
  );
  await refreshDataMarker();
}

/**
 * Records an event now (UTC instant + local offset). `day` marks a past day: the event keeps the
 * real time it was recorded and counts for `day`. `offset` (minutes east) defaults to the device's.
 */
export async function recordEvent(
  input: { type: EventType; habitId?: string; day?: string },
  now: Date = new Date(),
  offset?: number,
): Promise<StoredEvent> {
  const off = offsetFor(now, offset);
  const t = now.getTime();
  const forHabit = HABIT_EVENT_TYPES.includes(input.type);
  if (!forHabit && input.type !== 'appOpened') throw new ValidationError(`Unknown event type "${String(input.type)}"`);
  if (forHabit && !input.habitId) throw new ValidationError(`A ${input.type} event needs a habit`);
  if (!forHabit && input.habitId) throw new ValidationError('An appOpened event belongs to no habit');
  const today = localDayOf(t, off);
  if (input.day !== undefined) {
    if (!isDay(input.day)) throw new ValidationError(`Day must be a real date written YYYY-MM-DD, got "${input.day}"`);
    if (input.day > today)
      throw new ValidationError(`Cannot mark ${input.day}: it is in the future (today is ${today})`);
  }
  // Built before withDb so a retry after a lost connection writes the same key (no duplicate).
  const row = toStoredEvent({ type: input.type, habitId: input.habitId, at: formatInstant(t, off), day: input.day })!;
  return withDb((db) =>
    db.transaction('rw', [db.habits, db.events], async () => {
      if (input.habitId) {
        const h = await mustGetHabit(db, input.habitId);
        if (input.day !== undefined && input.day < h.createdDay)
          throw new ValidationError(`Cannot mark ${input.day}: "${h.name}" was created on ${h.createdDay}`);
        if (h.demo) row.demo = true;
      }
      const existing = await db.events.where('key').equals(row.key).first();
      if (existing) return existing;
      const id = await db.events.add({ ...row });
      return { ...row, id };
    }),
  );
}

/** Deletes one event (undo). Deleting an event that is already gone is not an error. */
export async function deleteEvent(id: number): Promise<void> {
  await withDb((db) => db.transaction('rw', db.events, () => db.events.delete(id)));
}

let launchRecorded = false;

/** Forgets that this launch was recorded (tests simulate a new launch with it). */
export function resetLaunch(): void {
  launchRecorded = false;
}

/** Notes that the person is leaving the app now (call on visibilitychange to hidden; cheap). */
export async function noteAppHidden(now: Date = new Date()): Promise<void> {
  await withDb((db) => db.meta.put({ key: LAST_ACTIVE_KEY, value: now.getTime() }));
}

/**
 * Records appOpened once per launch (first call in this page) and, after that, on a return only
 * when the app was away at least RETURN_AFTER_MIN minutes (last activity kept in meta).
 * Returns whether an event was recorded.
 */
export async function recordAppOpened(now: Date = new Date(), offset?: number): Promise<boolean> {
  const t = now.getTime();
  const off = offsetFor(now, offset);
  const launch = !launchRecorded;
  launchRecorded = true;
  const row = toStoredEvent({ type: 'appOpened', at: formatInstant(t, off) })!;
  return withDb((db) =>
    db.transaction('rw', [db.events, db.meta], async () => {
      const last = (await db.meta.get(LAST_ACTIVE_KEY))?.value;
      const away = typeof last === 'number' ? t - last : Infinity;
      await db.meta.put({ key: LAST_ACTIVE_KEY, value: t });
      if (!launch && away < RETURN_AFTER_MIN * 60_000) return false;
      if (await db.events.where('key').equals(row.key).first()) return false;
      await db.events.add({ ...row });
      return true;
    }),
  );
}

/** Habits in display order; archived ones only when asked. */
export async function listHabits(opts: { includeArchived?: boolean } = {}): Promise<Habit[]> {
  const all = await withDb((db) => db.habits.orderBy('order').toArray());
  return opts.includeArchived ? all : all.filter((h) => h.archivedAt === null);
}

/** A habit's events (all types) from fromDay on, by local day then insertion order. */
export async function eventsForHabit(habitId: string, fromDay: string = ''): Promise<StoredEvent[]> {
  return withDb((db) =>
    db.events.where('[habitKey+day]').between([habitId, fromDay], [habitId, '\uffff'], true, true).toArray(),
  );
}

/** Every event in time order, as the learning core reads them; rows with impossible times are skipped (not deleted). */
export async function allEventsForLearning(): Promise<LogEvent[]> {
  const rows = byTime(await withDb((db) => db.events.toArray()));
  return partitionEvents(rows).ok.map(toLearningEvent);
}

/** Deletes every habit, event, checkpoint, run and prediction; meta (install marker) stays. */
export async function deleteAllData(): Promise<void> {
  await withDb((db) => db.transaction('rw', userTables(db), () => clearUserData(db)));
  await refreshDataMarker();
}
