// The one connection per JS realm (page, worker, service worker) and the reopen-and-retry rule.
import { AppDB } from './db.ts';

let db: AppDB | null = null;
let onVersionChange: (() => void) | null = null;

/** Sets what happens when another tab or worker upgrades the database (the UI reloads). */
export function setOnVersionChange(cb: () => void): void {
  onVersionChange = cb;
}

/** The lazy AppDB singleton; after a versionchange it is dropped and the next call makes a new one. */
export function getDb(): AppDB {
  if (db) return db;
  const fresh = new AppDB();
  fresh.on('versionchange', () => {
    // Dexie already closes the connection so the other side's upgrade can proceed; this
    // instance is stale (its schema is older), so forget it and let the app reload.
    fresh.close({ disableAutoOpen: true });
    if (db === fresh) db = null;
    onVersionChange?.();
  });
  db = fresh;
  return fresh;
}

/** Drops the singleton (tests, delete-all): the next getDb() opens a fresh connection. */
export function resetDb(): void {
  db?.close();
  db = null;
}

const LOST_MESSAGES = [
  'connection to indexed database server lost', // WebKit after the app returns from the background
  'database connection is closing', // Chromium
  'database has been closed',
];

/** True for the errors that mean "the connection went away", where reopening helps. */
export function isConnectionLost(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; message?: unknown; inner?: unknown };
  if (e.name === 'DatabaseClosedError' || e.name === 'InvalidStateError') return true;
  const msg = typeof e.message === 'string' ? e.message.toLowerCase() : '';
  if (LOST_MESSAGES.some((m) => msg.includes(m))) return true;
  return isConnectionLost(e.inner, depth + 1);
}

/**
 * Runs fn with the database; if the connection was lost (iOS drops it after backgrounding,
 * another close()), reopens and retries once. fn must be safe to run twice: every write is one
 * transaction (all or nothing) and event keys are computed before, so a retry cannot duplicate.
 */
export async function withDb<T>(fn: (db: AppDB) => Promise<T>): Promise<T> {
  const first = getDb();
  try {
    return await fn(first);
  } catch (err) {
    if (!isConnectionLost(err)) throw err;
    const again = getDb();
    if (again.isOpen()) again.close({ disableAutoOpen: false });
    await again.open();
    return await fn(again);
  }
}
