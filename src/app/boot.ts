// Launch-time work of the page: notice evicted storage, log the launch, reload when another tab
// upgrades the database, and log a return to the app. Runs once per page life.
import { checkEviction } from '../data/storage.ts';
import { noteAppHidden, recordAppOpened, setOnVersionChange } from '../data/repo.ts';
import { noteStorageError, type StorageFault } from '../data/faults.ts';
import { startScheduler } from '../autotrain/start.ts';
import { trainer } from '../trainer/bridge.ts';
import { startReminders } from '../remind/start.ts';
import { hadDataInUrl, keepDataFlagInUrl } from './urlMarker.ts';

/** What the launch found: whether the browser threw our data away, or storage is unusable. */
export interface BootResult {
  eviction: 'fresh' | 'ok' | 'evicted' | 'unknown';
  error: string | null;
  /** The storage fault behind `error` (quota: the app stays usable read-only; unavailable: nothing works). */
  fault: StorageFault | null;
}

let booting: Promise<BootResult> | null = null;

function logReturn(): void {
  // recordAppOpened itself ignores returns within 30 minutes of the last one.
  recordAppOpened().catch((err) => console.warn('Nudge: could not record the return to the app', err));
}

/** Starts the app's data side once (later calls get the same result). */
export function bootApp(): Promise<BootResult> {
  booting ??= (async (): Promise<BootResult> => {
    // Another tab opening a newer schema closes our connection; a reload picks up the new code
    // and schema, and nothing is lost because every write is its own transaction.
    setOnVersionChange(() => location.reload());
    let eviction: BootResult['eviction'] = 'unknown';
    let error: string | null = null;
    let fault: StorageFault | null = null;
    try {
      // Before recording anything: an empty database is only "evicted" if we check first.
      eviction = await checkEviction({ hadDataHint: hadDataInUrl() });
      keepDataFlagInUrl();
      await recordAppOpened();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      fault = noteStorageError(err);
      console.error('Nudge: storage failed at launch', err);
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') logReturn();
      // A tiny write so "away for 30 minutes" is measured from leaving, not from the launch.
      else noteAppHidden().catch(() => {});
    });
    // A page restored from the back/forward cache is a return too, without a visibilitychange.
    addEventListener('pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) logReturn();
    });
    // WebKit keeps a page it leaves in its back/forward cache with the worker frozen, even mid-write; the write's
    // stores then stay locked and the app's next page waits on them for ever. Stopping the worker aborts the
    // write (nothing is lost; a later call starts a new worker).
    addEventListener('pagehide', () => trainer.abort());
    // Without storage there is nothing to learn from or remind about; a full disk still allows
    // training to be attempted (its write fails cleanly and the previous model stays active).
    if (fault?.kind !== 'unavailable') {
      // After the page's load, so the first render and the service worker's registration (also on
      // load) do not compete with spawning the trainer; the launch moment then waits for idle anyway.
      const start = () =>
        setTimeout(() => {
          startScheduler();
          startReminders();
        }, 0);
      if (document.readyState === 'complete') start();
      else addEventListener('load', start, { once: true });
    }
    return { eviction, error, fault };
  })();
  return booting;
}
