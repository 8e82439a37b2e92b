// Browser adapters that detect what this platform offers and feed the pure policy its signals.
// Each one feature-detects: iOS Safari (and WebKitGTK here) lacks Periodic Sync, Battery Status and
// requestIdleCallback, so those adapters report "unknown" and the scheduler falls back.
import { PERIODIC_SYNC_TAG } from './policy.ts';

export { PERIODIC_SYNC_TAG };

/** Battery Status as the policy sees it: null where the platform does not tell. */
export interface BatteryView {
  charging: boolean | null;
  level: number | null;
}

interface BatteryManagerLike extends EventTarget {
  charging: boolean;
  level: number;
}
type NavigatorWithBattery = Navigator & { getBattery?: () => Promise<BatteryManagerLike> };

/** Ask the browser for at most two background runs a day; the policy keeps it to about one. */
export const PERIODIC_SYNC_MIN_INTERVAL_MS = 12 * 3_600_000;
/** A quiet spell: this long with no pointer, key, scroll or touch input while visible. */
export const QUIET_MS = 3_000;

/** True when the page is hidden now (never start training then: iOS suspends it within seconds). */
export function isHidden(): boolean {
  return document.visibilityState === 'hidden';
}

/** Reads the battery and calls `onChange` on every charging/level change; unknown where missing. */
export async function watchBattery(onChange: (b: BatteryView) => void): Promise<BatteryView> {
  const nav = navigator as NavigatorWithBattery;
  if (typeof nav.getBattery !== 'function') return { charging: null, level: null };
  try {
    const bm = await nav.getBattery();
    const read = (): BatteryView => ({
      charging: typeof bm.charging === 'boolean' ? bm.charging : null,
      level: typeof bm.level === 'number' && Number.isFinite(bm.level) ? bm.level : null,
    });
    bm.addEventListener('chargingchange', () => onChange(read()));
    bm.addEventListener('levelchange', () => onChange(read()));
    return read();
  } catch {
    // Some browsers expose getBattery but refuse it (permissions policy): treat as unknown.
    return { charging: null, level: null };
  }
}

/** True where requestIdleCallback exists (Chrome, Firefox); false on Safari/WebKit. */
export function hasIdleCallback(): boolean {
  return typeof (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback === 'function';
}

/** Resolves true when the browser reports an idle period within `maxMs`, false on timeout or absence. */
export function waitForIdle(maxMs: number): Promise<boolean> {
  if (!hasIdleCallback()) return Promise.resolve(false);
  return new Promise((resolve) => {
    requestIdleCallback((deadline) => resolve(!deadline.didTimeout), { timeout: maxMs });
  });
}

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;

/**
 * The fallback for requestIdleCallback: resolves true after `quietMs` with no input while visible,
 * false if `maxMs` passes first (the person is busy) or the page is hidden.
 */
export function waitForQuietSpell(quietMs = QUIET_MS, maxMs = quietMs * 2): Promise<boolean> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout>;
    const arm = (): void => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish(!isHidden()), quietMs);
    };
    const onHidden = (): void => {
      if (isHidden()) finish(false);
    };
    const capTimer = setTimeout(() => finish(false), maxMs);
    const finish = (quiet: boolean): void => {
      clearTimeout(quietTimer);
      clearTimeout(capTimer);
      for (const t of INPUT_EVENTS) removeEventListener(t, arm, true);
      document.removeEventListener('visibilitychange', onHidden);
      resolve(quiet);
    };
    for (const t of INPUT_EVENTS) addEventListener(t, arm, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onHidden);
    arm();
  });
}

/** Calls `cb` when the person returns: visibilitychange to visible, or pageshow from the bfcache. */
export function onReturn(cb: (how: 'visibilitychange' | 'pageshow') => void): () => void {
  const onVis = (): void => {
    if (document.visibilityState === 'visible') cb('visibilitychange');
  };
  const onShow = (e: PageTransitionEvent): void => {
    if (e.persisted) cb('pageshow');
  };
  document.addEventListener('visibilitychange', onVis);
  addEventListener('pageshow', onShow);
  return () => {
    document.removeEventListener('visibilitychange', onVis);
    removeEventListener('pageshow', onShow);
  };
}

/** Resolves once the page is visible (at once if it is): a launch in a background tab waits. */
export function whenVisible(): Promise<void> {
  if (!isHidden()) return Promise.resolve();
  return new Promise((resolve) => {
    const on = (): void => {
      if (isHidden()) return;
      document.removeEventListener('visibilitychange', on);
      resolve();
    };
    document.addEventListener('visibilitychange', on);
  });
}

/** True when running as an installed app (home screen / standalone window). */
export function isInstalled(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches);
}

/** Outcome of asking for periodic background training, in words the Settings screen can show. */
export type PeriodicSyncState =
  | 'registered'
  | 'unsupported'
  | 'not-installed'
  | 'not-permitted'
  | 'no-service-worker'
  | 'failed';

interface PeriodicSyncManagerLike {
  register(tag: string, o: { minInterval: number }): Promise<void>;
}

/**
 * Registers Periodic Background Sync (tag 'nudge-train', minInterval 12 h) only where it exists,
 * the app is installed and the browser granted 'periodic-background-sync' (Chrome grants it to
 * installed apps with engagement; no prompt exists). Never throws.
 */
export async function registerPeriodicSync(): Promise<PeriodicSyncState> {
  try {
    if (!('serviceWorker' in navigator)) return 'no-service-worker';
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg) return 'no-service-worker';
    const ps = (reg as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManagerLike }).periodicSync;
    if (!ps) return 'unsupported';
    if (!isInstalled()) return 'not-installed';
    const perm = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    if (perm.state !== 'granted') return 'not-permitted';
    await ps.register(PERIODIC_SYNC_TAG, { minInterval: PERIODIC_SYNC_MIN_INTERVAL_MS });
    return 'registered';
  } catch {
    return 'failed';
  }
}

/** Milliseconds until the next local midnight (plus a second, so the new day has surely begun). */
export function msUntilLocalMidnight(now = new Date()): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return Math.max(1_000, next.getTime() - now.getTime());
}
