/**
 * Checks for a new app version when the person comes back to the app and every so often while it is visible.
 * Home-screen apps (iOS especially) otherwise keep running an old version for a long time.
 */

/** The part of ServiceWorkerRegistration this module needs (so tests can pass a fake). */
export interface Updatable {
  update(): Promise<unknown>;
}

/** Default pause between periodic checks while the app stays visible. */
export const UPDATE_INTERVAL_MS = 60 * 60 * 1000;

/** Starts watching; returns a function that stops every listener and timer. */
export function watchForUpdates(registration: Updatable, intervalMs = UPDATE_INTERVAL_MS): () => void {
  const check = () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine) return;
    // Offline or a flaky network: the next return to the app tries again.
    registration.update().catch(() => {});
  };
  const onVisibility = () => check();
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) check();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pageshow', onPageShow);
  const timer = window.setInterval(check, intervalMs);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pageshow', onPageShow);
    window.clearInterval(timer);
  };
}
