// Told plainly when the browser threw the data away (Safari clears a non-installed site's storage
// after 7 days unused), instead of silently starting empty.
import { useState } from 'preact/hooks';

/** The eviction notice, with where to go next; dismissible for this visit. */
export function EvictionBanner() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div class="banner banner-warn" role="alert" data-testid="eviction-banner">
      <p>
        <strong>Your browser removed Nudge’s data.</strong> Browsers may clear a site’s storage when it is not installed
        or not used for a while (Safari does after 7 days). If you have a backup, restore it in{' '}
        <a href="#/settings">Settings</a>; install Nudge to the Home Screen so the browser keeps it.
      </p>
      <button type="button" class="btn btn-icon" aria-label="Dismiss this notice" onClick={() => setOpen(false)}>
        ×
      </button>
    </div>
  );
}
