// Storage faults in plain words, and the "read-only until space is freed" state they put the app in.
// A write that fails for quota leaves every earlier transaction intact (IndexedDB aborts only the
// failing one), so the app can keep showing what it has; it only has to stop promising saves.
import { withDb } from './connection.ts';

/** What kind of storage trouble an error means. */
export type StorageFaultKind = 'quota' | 'unavailable' | 'lost';

/** A classified storage error: its kind and a sentence written for the person. */
export interface StorageFault {
  kind: StorageFaultKind;
  message: string;
}

/** The sentence shown for each kind of fault. */
export const FAULT_MESSAGES: Record<StorageFaultKind, string> = {
  quota:
    'This device is out of storage space for Nudge, so nothing new can be saved. Everything saved before is kept. ' +
    'Free some space (or delete old data), then try again.',
  unavailable:
    'This browser does not let Nudge use its storage (private browsing or blocked site data often cause this), ' +
    'so nothing can be saved or shown.',
  lost: 'The connection to the storage was lost. Please try again.',
};

type ErrorLike = { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };

// Dexie wraps native errors (AbortError with `inner`), and some code wraps again with `cause`: look inside.
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = err;
  while (cur && typeof cur === 'object' && out.length < 6) {
    const e = cur as ErrorLike;
    out.push(e);
    cur = e.inner ?? e.cause;
  }
  return out;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Classifies an error thrown by storage code; null when it is not a storage fault (e.g. a validation error). */
export function classifyStorageError(err: unknown): StorageFault | null {
  const links = chain(err);
  const has = (test: (name: string, msg: string) => boolean) =>
    links.some((e) => test(text(e.name), text(e.message).toLowerCase()));
  if (
    has(
      (n, m) =>
        n === 'QuotaExceededError' ||
        m.includes('quota') ||
        m.includes('disk is full') ||
        m.includes('not enough space') ||
        m.includes('no storage space'),
    )
  ) {
    return { kind: 'quota', message: FAULT_MESSAGES.quota };
  }
  if (
    has(
      (n, m) =>
        n === 'MissingAPIError' ||
        n === 'SecurityError' ||
        n === 'OpenFailedError' ||
        m.includes('indexeddb api missing') ||
        m.includes('indexeddb is not available') ||
        m.includes('the user denied permission') ||
        m.includes('a mutation operation was attempted on a database that did not allow mutations'),
    )
  ) {
    return { kind: 'unavailable', message: FAULT_MESSAGES.unavailable };
  }
  if (
    has(
      (n, m) =>
        n === 'DatabaseClosedError' ||
        m.includes('connection to indexed database server lost') ||
        m.includes('database connection is closing'),
    )
  ) {
    return { kind: 'lost', message: FAULT_MESSAGES.lost };
  }
  if (has((n) => n === 'UnknownError')) {
    // Chromium reports a full disk or a broken backing store this way; either way writes are not landing.
    return { kind: 'quota', message: FAULT_MESSAGES.quota };
  }
  return null;
}

type Listener = (readOnly: boolean) => void;
let readOnly = false;
const listeners = new Set<Listener>();

function set(next: boolean): void {
  if (next === readOnly) return;
  readOnly = next;
  for (const l of listeners) l(readOnly);
}

/** Whether the app is read-only because a write failed for lack of space. */
export function isReadOnly(): boolean {
  return readOnly;
}

/** Calls `listener` on every change of the read-only state; returns the unsubscribe function. */
export function onReadOnlyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Notes a thrown error: a quota fault switches the app to read-only. Returns the classification
 * (null for errors that are not storage faults) so callers can show its message.
 */
export function noteStorageError(err: unknown): StorageFault | null {
  const fault = classifyStorageError(err);
  if (fault?.kind === 'quota') set(true);
  return fault;
}

/** Notes that a write went through: space is available again, so the app is writable. */
export function noteWriteSucceeded(): void {
  set(false);
}

const PROBE_KEY = 'storageProbe';

/**
 * Tries one small real write (a meta row) to learn whether space was freed. Leaves read-only on
 * success; stays read-only on a quota failure. Resolves to whether writes work now.
 */
export async function probeWritable(now: Date = new Date()): Promise<boolean> {
  try {
    // A few hundred bytes: large enough that a quota still at its limit refuses it.
    await withDb((db) => db.meta.put({ key: PROBE_KEY, value: { at: now.getTime(), pad: 'x'.repeat(512) } }));
    noteWriteSucceeded();
    return true;
  } catch (err) {
    noteStorageError(err);
    return false;
  }
}

/** Resets the read-only state (tests). */
export function resetFaultState(): void {
  readOnly = false;
  listeners.clear();
}
