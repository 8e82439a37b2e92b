/// <reference lib="webworker" />
// Periodic Background Sync in the service worker (Chrome, installed app): the closest the web has
// to iOS's BGTask. There is no Worker inside a service worker, so it trains INLINE here, with the
// same policy, lock and train service as the page's worker.
import { withDb } from '../data/connection.ts';
import { predictionsStale, readTrainingFacts } from '../autotrain/facts.ts';
import { decideHabits, PERIODIC_SYNC_TAG } from '../autotrain/policy.ts';
import { localToday } from '../learn/time.ts';
import { predictAllAndStore, trainAndStore } from '../trainer/train-service.ts';
import { notifyDueInServiceWorker } from './notify-reminders.ts';

declare const self: ServiceWorkerGlobalScope;

interface PeriodicSyncEventLike extends ExtendableEvent {
  tag: string;
}

/** What one visit did; `failed` names the steps that threw (each was logged, the others still ran). */
export interface PeriodicResult {
  trained: string[];
  reasons: Record<string, string>;
  failed: string[];
}

/**
 * One periodic-sync visit: train the due habits, make sure today's predictions exist, then notify.
 * Each step runs even when an earlier one failed (a full disk refuses the training write, yet the
 * stored predictions can still drive today's reminders).
 */
export async function periodicTrain(now = Date.now()): Promise<PeriodicResult> {
  const today = localToday(now);
  const failed: string[] = [];
  const step = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (err) {
      failed.push(name);
      console.warn(`[nudge] periodic sync: ${name} failed:`, err);
    }
  };
  let d: ReturnType<typeof decideHabits> = { habitIds: [], trigger: null, reasons: {} };
  await step('training', () =>
    withDb(async (db) => {
      // No page is visible here and battery is unknown in a service worker: the sync itself is the signal.
      d = decideHabits({ periodicSync: true }, await readTrainingFacts(db), today, now);
      if (d.habitIds.length && d.trigger)
        await trainAndStore(db, { habitIds: d.habitIds, trigger: d.trigger, today, now, onlyIfDue: true });
    }),
  );
  await step('predictions', () =>
    withDb(async (db) => {
      if (await predictionsStale(db, today)) await predictAllAndStore(db, today);
    }),
  );
  // The only moment a reminder can reach someone whose app is closed: no server can schedule one.
  await step('reminders', () => notifyDueInServiceWorker(self.registration, now));
  return { trained: d.habitIds, reasons: d.reasons, failed };
}

self.addEventListener('periodicsync', (event) => {
  const e = event as PeriodicSyncEventLike;
  if (e.tag !== PERIODIC_SYNC_TAG) return;
  e.waitUntil(periodicTrain().catch((err: unknown) => console.warn('[nudge] periodic training failed:', err)));
});
