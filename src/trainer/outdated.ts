// Whether this page runs code older than the app version now in control: another tab applied an
// update, so the new service worker answers this page's requests, and this page's own trainer
// worker file is no longer in its cache (nor, after a deploy, on the server). A worker already
// running keeps working, and the browser's HTTP cache may still hold the old file; when it does
// not, the worker fails to load and the trainer says why (bridge.ts).
let outdated = false;

/** Records that a newer version took control of this page without this page reloading. */
export function markOutdated(): void {
  outdated = true;
}

/** True once a newer version took control of this page (until the page reloads). */
export function isOutdated(): boolean {
  return outdated;
}

/** What a trainer call says when its worker fails in an outdated page. */
export const OUTDATED_MESSAGE = 'Nudge was updated in another tab: reload this tab to continue (nothing is lost)';
