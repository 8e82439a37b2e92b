// Upgrade steps between schema versions. Each runs inside Dexie's versionchange transaction:
// if it throws, the upgrade aborts and the old database stays as it was.
import type { Transaction } from 'dexie';
import { convertV1 } from './migrate-v1.ts';
import { DAILY } from '../habits/schedule.ts';

/** Meta key holding v1 rows the upgrade could not convert (kept, never silently dropped). */
export const QUARANTINE_KEY = 'migrationQuarantine';
/** Meta key listing habit fields the upgrade had to fill in or clear, with what they were. */
export const REPAIRS_KEY = 'migrationRepairs';

async function appendMeta(tx: Transaction, key: string, items: unknown[]): Promise<void> {
  if (!items.length) return;
  const meta = tx.table('meta');
  const prev = (await meta.get(key))?.value;
  await meta.put({ key, value: [...(Array.isArray(prev) ? prev : []), ...items] });
}

/** v1 -> v2: derive t/offset/day/habitKey/key on events, createdDay/order on habits (see migrate-v1.ts). */
export async function migrateV1toV2(tx: Transaction, now: Date = new Date()): Promise<void> {
  const events = tx.table('events');
  const habits = tx.table('habits');
  const c = convertV1(await habits.toArray(), await events.toArray(), now);
  await events.bulkDelete(c.dropEventIds);
  await events.bulkPut(c.events);
  await habits.bulkDelete(c.dropHabitIds as string[]);
  await habits.bulkPut(c.habits);
  await appendMeta(tx, QUARANTINE_KEY, c.quarantine);
  await appendMeta(tx, REPAIRS_KEY, c.repairs);
}

/** v2 -> v3: every habit without a schedule becomes daily, as it always was. */
export async function migrateV2toV3(tx: Transaction): Promise<void> {
  await tx
    .table('habits')
    .toCollection()
    .modify((h: { schedule?: unknown }) => {
      if (h.schedule === undefined || h.schedule === null) h.schedule = { ...DAILY };
    });
}
