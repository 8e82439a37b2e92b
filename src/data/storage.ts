// Storage status, the "keep my data" request, and noticing that the browser threw our data away.
//
// Eviction check, how it works. Two markers say "this app had data here":
//  1. meta 'installMarker' in IndexedDB, written at the first launch, next to the data itself;
//  2. a copy in Cache Storage (cache 'nudge-marker-v1'), a different storage system of the same
//     origin, with `hadData` = the person had habits of their own (refreshed at launch and on
//     every create, import and delete).
// At launch, before anything is written: IndexedDB marker present -> 'ok'. Missing while the
// database still has habits -> 'ok' (a database from before markers). Missing and the database is
// empty -> 'evicted' if the Cache Storage copy (or the caller's hint) says we had data, else
// 'fresh'. Then both markers are (re)written. Both APIs exist in pages, workers and the service
// worker, and neither needs localStorage or cookies.
// What it catches: IndexedDB lost on its own (WebKit's and Chromium's known IndexedDB wipes and
// corrupt-database resets, a database deleted from developer tools or by an extension). What no
// same-origin marker can catch: Safari's 7-day cap and quota eviction clear IndexedDB and Cache
// Storage together. For that case the caller may pass `hadDataHint` from something that lives
// outside site storage (the app keeps `?kept=1` in the page's address: src/app/urlMarker.ts).
import { withDb } from './connection.ts';
import { randomSuffix } from './ids.ts';

/** Meta key of the IndexedDB marker. */
export const MARKER_KEY = 'installMarker';
/** Cache Storage cache holding the second marker (not a precache: workbox leaves it alone). */
export const MARKER_CACHE = 'nudge-marker-v1';
const MARKER_PATH = '/__nudge-marker__';

/** What the markers hold. */
export interface InstallMarker {
  id: string;
  createdAt: number;
  hadData: boolean;
}

type StorageLike = {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
};

function storageManager(): StorageLike | null {
  // WebKitGTK and old Safari have no navigator.storage; workers have it without persist().
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as { storage?: StorageLike });
  return nav?.storage ?? null;
}

/** Whether storage is persistent, usage and quota in bytes; null where the browser does not tell. */
export async function storageStatus(): Promise<{
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}> {
  const sm = storageManager();
  const persisted = sm?.persisted ? await sm.persisted().catch(() => null) : null;
  const est = sm?.estimate ? await sm.estimate().catch(() => null) : null;
  return {
    persisted,
    usage: typeof est?.usage === 'number' ? est.usage : null,
    quota: typeof est?.quota === 'number' ? est.quota : null,
  };
}

/** Asks the browser to keep our data (call from a tap); null when the browser has no such request. */
export async function requestPersistence(): Promise<boolean | null> {
  const sm = storageManager();
  if (!sm?.persist) return null;
  return sm.persist();
}

function markerCacheAvailable(): boolean {
  return typeof caches !== 'undefined' && typeof Response !== 'undefined';
}

function markerUrl(): string {
  const origin =
    typeof location !== 'undefined' && location.origin && location.origin !== 'null'
      ? location.origin
      : 'https://nudge.invalid';
  return origin + MARKER_PATH;
}

/** The Cache Storage marker, or null when absent or unavailable. */
export async function readCacheMarker(): Promise<InstallMarker | null> {
  if (!markerCacheAvailable()) return null;
  try {
    const cache = await caches.open(MARKER_CACHE);
    const res = await cache.match(markerUrl());
    return res ? ((await res.json()) as InstallMarker) : null;
  } catch {
    return null; // a damaged or blocked cache must never stop the app from starting
  }
}

async function writeCacheMarker(m: InstallMarker): Promise<void> {
  if (!markerCacheAvailable()) return;
  try {
    const cache = await caches.open(MARKER_CACHE);
    await cache.put(markerUrl(), new Response(JSON.stringify(m), { headers: { 'content-type': 'application/json' } }));
  } catch {
    // Private modes may refuse Cache Storage: the IndexedDB marker still works alone.
  }
}

/** Counts the person's own habits (sample habits are not worth an eviction warning). */
async function ownHabitCount(): Promise<number> {
  return withDb((db) => db.habits.filter((h) => h.demo !== true).count());
}

/**
 * Brings both markers' `hadData` up to date after a change (create, import, delete); cheap and
 * never throws. Does nothing before the first checkEviction wrote a marker.
 */
export async function refreshDataMarker(): Promise<void> {
  try {
    const marker = (await withDb((db) => db.meta.get(MARKER_KEY)))?.value as InstallMarker | undefined;
    if (!marker) return;
    const hadData = (await ownHabitCount()) > 0;
    if (marker.hadData === hadData) return;
    const next = { ...marker, hadData };
    await withDb((db) => db.meta.put({ key: MARKER_KEY, value: next }));
    await writeCacheMarker(next);
  } catch {
    // Only bookkeeping: the person's action already succeeded.
  }
}

/**
 * At launch, before recording anything: 'fresh' (first run here), 'ok' (our data is where we left
 * it) or 'evicted' (we had data, now the database is empty). See the top of this file.
 */
export async function checkEviction(opts: { hadDataHint?: boolean } = {}): Promise<'fresh' | 'ok' | 'evicted'> {
  const { marker, habits, own } = await withDb((db) =>
    db.transaction('r', [db.meta, db.habits], async () => ({
      marker: (await db.meta.get(MARKER_KEY))?.value as InstallMarker | undefined,
      habits: await db.habits.count(),
      own: await db.habits.filter((h) => h.demo !== true).count(),
    })),
  );
  const second = await readCacheMarker();
  let verdict: 'fresh' | 'ok' | 'evicted';
  if (marker || habits > 0) verdict = 'ok';
  else verdict = second?.hadData || opts.hadDataHint ? 'evicted' : 'fresh';
  const next: InstallMarker = {
    id: marker?.id ?? second?.id ?? randomSuffix(12),
    createdAt: marker?.createdAt ?? Date.now(),
    hadData: own > 0,
  };
  await withDb((db) => db.meta.put({ key: MARKER_KEY, value: next }));
  await writeCacheMarker(next);
  return verdict;
}
