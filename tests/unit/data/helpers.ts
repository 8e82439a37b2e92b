// Shared test helpers for the data layer: a clean database per test and a full dump to compare.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { getDb, resetDb } from '../../../src/data/connection.ts';
import { DB_NAME } from '../../../src/data/db.ts';
import { resetLaunch } from '../../../src/data/repo.ts';

/** Closes the app's connection and deletes the database, so each test starts empty. */
export async function freshDb(): Promise<void> {
  resetDb();
  resetLaunch();
  await Dexie.delete(DB_NAME);
}

/** Every row of every table, for before/after comparisons. */
export async function dumpDb(): Promise<Record<string, unknown[]>> {
  const db = getDb();
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** A Date for an ISO string (with offset). */
export function at(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test date ${iso}`);
  return d;
}
