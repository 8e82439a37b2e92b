// Upgrade steps between schema versions. Each runs inside Dexie's versionchange transaction:
// if it throws, the upgrade aborts and the old database stays as it was.
import type { Transaction } from 'dexie';
import { EVENT_TYPES, type EventType } from '../learn/events.ts';
import { isDay, localDayOf, parseInstant } from '../learn/time.ts';
import type { Habit, StoredEvent } from './entities.ts';
import { toStoredEvent } from './eventRow.ts';

/** Meta key holding v1 rows the upgrade could not convert (kept, never silently dropped). */
export const QUARANTINE_KEY = 'migrationQuarantine';

/** v1 -> v2: derive t/offset/day/habitKey/key on events, createdDay/order on habits. */
export async function migrateV1toV2(tx: Transaction): Promise<void> {
  const quarantine: { table: string; row: unknown; reason: string }[] = [];

  const events = tx.table('events');
  const oldEvents: (Record<string, unknown> & { id: number })[] = await events.toArray();
  const seen = new Set<string>();
  const upgraded: StoredEvent[] = [];
  const dropIds: number[] = [];
  for (const old of oldEvents) {
    const type = old.type as EventType;
    const day = typeof old.day === 'string' && isDay(old.day) ? old.day : undefined;
    const row = EVENT_TYPES.includes(type) && typeof old.at === 'string'
      ? toStoredEvent({ type, habitId: typeof old.habitId === 'string' ? old.habitId : undefined, at: old.at, day, demo: old.demo === true })
      : null;
    if (!row) {
      quarantine.push({ table: 'events', row: old, reason: 'unknown type or timestamp without a valid offset' });
      dropIds.push(old.id);
    } else if (seen.has(row.key)) {
      quarantine.push({ table: 'events', row: old, reason: 'duplicate of an earlier event' });
      dropIds.push(old.id);
    } else {
      seen.add(row.key);
      upgraded.push({ ...row, id: old.id });
    }
  }
  await events.bulkDelete(dropIds);
  await events.bulkPut(upgraded);

  const habits = tx.table('habits');
  const oldHabits: (Record<string, unknown> & { id: string })[] = await habits.toArray();
  // Old habits had no order: keep the order they were created in.
  const withT = oldHabits.map((h) => ({ h, inst: typeof h.createdAt === 'string' ? parseInstant(h.createdAt) : null }));
  withT.sort((a, b) => (a.inst?.t ?? Infinity) - (b.inst?.t ?? Infinity) || a.h.id.localeCompare(b.h.id));
  const firstDay = new Map<string, string>();
  for (const e of upgraded) {
    if (e.habitId && (!firstDay.has(e.habitId) || e.day < firstDay.get(e.habitId)!)) firstDay.set(e.habitId, e.day);
  }
  const newHabits: Habit[] = withT.map(({ h, inst }, i) => ({
    ...(h as object),
    id: h.id,
    name: typeof h.name === 'string' ? h.name : String(h.name ?? h.id),
    createdAt: typeof h.createdAt === 'string' ? h.createdAt : '',
    // A habit without a readable creation time starts at its first event (or never labels).
    createdDay: inst ? localDayOf(inst.t, inst.offset) : firstDay.get(h.id) ?? '9999-12-31',
    archivedAt: typeof h.archivedAt === 'string' ? h.archivedAt : null,
    order: i,
    reminderTime: typeof h.reminderTime === 'string' ? h.reminderTime : null,
    color: typeof h.color === 'string' ? h.color : null,
  }));
  await habits.bulkPut(newHabits);

  if (quarantine.length) {
    const meta = tx.table('meta');
    const prev = (await meta.get(QUARANTINE_KEY))?.value;
    await meta.put({ key: QUARANTINE_KEY, value: [...(Array.isArray(prev) ? prev : []), ...quarantine] });
  }
}
