// Storage status feature detection and the eviction check with its two markers.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkEviction,
  MARKER_CACHE,
  readCacheMarker,
  requestPersistence,
  storageStatus,
} from '../../../src/data/storage.ts';
import { createHabit, deleteAllData, deleteHabit } from '../../../src/data/repo.ts';
import { addDemoHistory } from '../../../src/data/demo.ts';
import { importBackup } from '../../../src/data/backup/import.ts';
import { resetDb } from '../../../src/data/connection.ts';
import { Dexie } from 'dexie';
import { DB_NAME } from '../../../src/data/db.ts';
import { sampleBackup } from './backup-fixture.ts';
import { freshDb } from './helpers.ts';

/** A minimal in-memory Cache Storage (Node has none), enough for open/match/put/delete. */
function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const cacheFor = (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const m = stores.get(name)!;
    return {
      match: async (url: string) => m.get(url)?.clone(),
      put: async (url: string, res: Response) => void m.set(url, res.clone()),
    };
  };
  return {
    open: async (name: string) => cacheFor(name),
    delete: async (name: string) => stores.delete(name),
    keys: async () => [...stores.keys()],
  };
}

/** What Safari's 7-day cap or a wiped IndexedDB does: the database is gone. */
async function loseIndexedDb(): Promise<void> {
  resetDb();
  await Dexie.delete(DB_NAME);
}

beforeEach(async () => {
  await freshDb();
  vi.stubGlobal('caches', fakeCaches());
});
afterEach(() => vi.unstubAllGlobals());

describe('checkEviction', () => {
  it('fresh on first launch, ok afterwards', async () => {
    expect(await checkEviction()).toBe('fresh');
    expect(await checkEviction()).toBe('ok');
  });

  it('evicted when IndexedDB lost the data but the Cache Storage marker remembers it', async () => {
    expect(await checkEviction()).toBe('fresh');
    await createHabit({ name: 'Read' }); // marks hadData at once, not only at the next launch
    expect((await readCacheMarker())?.hadData).toBe(true);
    await loseIndexedDb();
    expect(await checkEviction()).toBe('evicted');
    expect(await checkEviction()).toBe('ok'); // told once; markers are rewritten
  });

  it('fresh, not evicted, when there never were habits', async () => {
    await checkEviction();
    await loseIndexedDb();
    expect(await checkEviction()).toBe('fresh');
  });

  it('both stores wiped (Safari 7-day cap): fresh unless the caller has a hint from outside site storage', async () => {
    await checkEviction();
    await createHabit({ name: 'Read' });
    await loseIndexedDb();
    await caches.delete(MARKER_CACHE);
    expect(await checkEviction()).toBe('fresh');
    await loseIndexedDb();
    expect(await checkEviction({ hadDataHint: true })).toBe('evicted');
  });

  it('ok after "delete all data" (the person chose it) and for a database from before the markers', async () => {
    await checkEviction();
    await createHabit({ name: 'Read' });
    await deleteAllData();
    expect(await checkEviction()).toBe('ok');
    await loseIndexedDb();
    await caches.delete(MARKER_CACHE);
    await importBackup(JSON.stringify(sampleBackup()), 'replace'); // data but no marker yet
    expect(await checkEviction()).toBe('ok');
  });

  it('keeps hadData current: deleting everything, or keeping only the sample history, warns of nothing', async () => {
    await checkEviction();
    const h = await createHabit({ name: 'Read' });
    expect((await readCacheMarker())?.hadData).toBe(true);
    await deleteHabit(h.id);
    expect((await readCacheMarker())?.hadData).toBe(false);
    await addDemoHistory();
    await checkEviction();
    expect((await readCacheMarker())?.hadData).toBe(false);
    await loseIndexedDb();
    expect(await checkEviction()).toBe('fresh');
  });

  it('works without Cache Storage at all (WebKitGTK over http, private modes)', async () => {
    vi.stubGlobal('caches', undefined);
    expect(await checkEviction()).toBe('fresh');
    await createHabit({ name: 'Read' });
    expect(await checkEviction()).toBe('ok');
  });
});

describe('storageStatus / requestPersistence', () => {
  it('reports null where the browser does not tell (no navigator.storage)', async () => {
    vi.stubGlobal('navigator', {});
    expect(await storageStatus()).toEqual({ persisted: null, usage: null, quota: null });
    expect(await requestPersistence()).toBeNull();
  });
  it('passes through what the browser says', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => false,
        persist: async () => true,
        estimate: async () => ({ usage: 1234, quota: 10_000 }),
      },
    });
    expect(await storageStatus()).toEqual({ persisted: false, usage: 1234, quota: 10_000 });
    expect(await requestPersistence()).toBe(true);
  });
  it('a worker-like storage without persist() gives null, not an error', async () => {
    vi.stubGlobal('navigator', { storage: { persisted: async () => true } });
    expect(await requestPersistence()).toBeNull();
    expect(await storageStatus()).toEqual({ persisted: true, usage: null, quota: null });
  });
});
