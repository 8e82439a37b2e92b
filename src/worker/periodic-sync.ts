/// <reference lib="webworker" />
// Periodic Background Sync in the service worker (Chrome, installed app): the closest the web has
// to iOS's BGTask. There is no Worker inside a service worker, so it trains INLINE here, with the
// same policy, lock and train service as the page's worker.
import { withDb } from '../data/connection.ts';
import { predictionsStale, readTrainingFacts } from '../schedule/facts.ts';
import { decideHabits, PERIODIC_SYNC_TAG } from '../schedule/policy.ts';
import { localToday, predictAllAndStore, trainAndStore } from './train-service.ts';
import { notifyDueInServiceWorker } from '../remind/sw-notify.ts';

declare const self: ServiceWorkerGlobalScope;

interface PeriodicSyncEventLike extends ExtendableEvent { tag: string }

/** One periodic-sync visit: train the due habits, then make sure today's predictions exist. */
export async function periodicTrain(now = Date.now()): Promise<{ trained: string[]; reasons: Record<string, string> }> {
  const today = localToday(now);
  return withDb(async (db) => {
    const facts = await readTrainingFacts(db);
    // No page is visible here and battery is unknown in a service worker: the sync itself is the signal.
    const d = decideHabits({ periodicSync: true }, facts, today, now);
    if (d.habitIds.length && d.trigger) await trainAndStore(db, { habitIds: d.habitIds, trigger: d.trigger, today, now, onlyIfDue: true });
    if (await predictionsStale(db, today)) await predictAllAndStore(db, today);
    // The only moment a reminder can reach someone whose app is closed: no server can schedule one.
    await notifyDueInServiceWorker(self.registration, now);
    return { trained: d.habitIds, reasons: d.reasons };
  });
}

self.addEventListener('periodicsync', (event) => {
  const e = event as PeriodicSyncEventLike;
  if (e.tag !== PERIODIC_SYNC_TAG) return;
  e.waitUntil(periodicTrain().catch((err: unknown) => console.warn('[nudge] periodic training failed:', err)));
});
