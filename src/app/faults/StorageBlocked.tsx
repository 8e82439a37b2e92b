// The screen shown instead of the app when the browser refuses IndexedDB (private modes, blocked
// site data): without storage nothing could be saved, so say so rather than show a broken app.
import { FAULT_MESSAGES } from '../../data/faults.ts';

/** Full-screen explanation that storage is unavailable, with what to do and the browser's own error. */
export function StorageBlocked({ detail }: { detail: string }) {
  return (
    <section class="screen storage-blocked" aria-labelledby="blocked-h" data-testid="storage-blocked">
      <h2 id="blocked-h">Nudge can’t use storage in this browser</h2>
      <p>{FAULT_MESSAGES.unavailable}</p>
      <ul>
        <li>In a private or incognito window, open Nudge in a normal window instead.</li>
        <li>If this site’s data is blocked, allow site data for it in the browser’s settings.</li>
        <li>On iPhone, add Nudge to the Home Screen and open it from there.</li>
      </ul>
      <p class="note">
        What the browser said: <code>{detail}</code>
      </p>
      <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
        Try again
      </button>
    </section>
  );
}
