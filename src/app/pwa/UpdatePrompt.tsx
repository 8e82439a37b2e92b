/**
 * Registers the service worker (vite-plugin-pwa's prompt flow over workbox-window) and offers
 * "New version available — Reload" when a new version waits. It never reloads on its own: the person chooses
 * when, and the swap also waits for the update gate (no reload mid-training).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useRegisterSW } from 'virtual:pwa-register/preact';
import { waitForUpdateGate } from './updateGate.ts';
import { watchForUpdates } from './updateChecks.ts';
import { markOutdated } from '../../trainer/outdated.ts';
import './pwa.css';

/** The update banner; render it once, next to the app. */
export function UpdatePrompt() {
  const applying = useRef(false);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [registration, setRegistration] = useState<ServiceWorkerRegistration | null>(null);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, reg) {
      if (reg) setRegistration(reg);
    },
    onRegisterError(error) {
      console.warn('nudge: service worker registration failed; the app works but not offline', error);
    },
    // The new worker took control. Reload only if THIS tab asked for it; when another tab applied the update,
    // show the prompt instead of pulling the page from under the person, and note that this page is now
    // outdated (its trainer worker file is gone from the new version's cache).
    onNeedReload() {
      if (applying.current) window.location.reload();
      else {
        markOutdated();
        setHidden(false);
        setNeedRefresh(true);
      }
    },
  });

  useEffect(() => (registration ? watchForUpdates(registration) : undefined), [registration]);

  if (!needRefresh || hidden) return null;

  const reload = async () => {
    setBusy(true);
    applying.current = true;
    await waitForUpdateGate();
    if (navigator.serviceWorker?.controller && registration?.waiting) await updateServiceWorker(true);
    else window.location.reload();
  };

  return (
    <div class="pwa-banner" role="status" aria-live="polite">
      <span>{busy ? 'Finishing up, then reloading…' : 'New version available'}</span>
      <button type="button" class="pwa-primary" disabled={busy} onClick={reload}>
        Reload
      </button>
      <button type="button" disabled={busy} onClick={() => setHidden(true)}>
        Later
      </button>
    </div>
  );
}
