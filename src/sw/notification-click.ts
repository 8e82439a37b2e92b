/// <reference lib="webworker" />
// Service worker side of reminder notifications: a tap focuses the open app (which records
// `reminderTapped` when told) or opens it at #/today?reminder=<id> (recorded on load).
import { REMINDER_TAPPED_MESSAGE, isReminderData, reminderHash } from '../remind/protocol.ts';

/** The subset of `Clients` used here, so tests can pass a fake. */
export interface ClientsLike {
  matchAll(opts: {
    type: 'window';
    includeUncontrolled: boolean;
  }): Promise<ReadonlyArray<{ url: string; focus(): Promise<unknown>; postMessage(m: unknown): void }>>;
  openWindow(url: string): Promise<unknown>;
}

/** Brings the app forward for a tapped reminder; returns how it was done. */
export async function openReminder(
  clients: ClientsLike,
  scope: string,
  habitId: string,
): Promise<'focused' | 'opened'> {
  const wins = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const win = wins.find((c) => c.url.startsWith(scope));
  if (win) {
    // Post first: focus() can reject when the browser refuses to steal focus, the tap still counts.
    win.postMessage({ type: REMINDER_TAPPED_MESSAGE, habitId });
    await win.focus().catch(() => undefined);
    return 'focused';
  }
  await clients.openWindow(new URL(reminderHash(habitId), scope).href);
  return 'opened';
}

declare const self: ServiceWorkerGlobalScope;

// Registered only inside a real service worker, so unit tests can import the logic above.
if (typeof ServiceWorkerGlobalScope !== 'undefined' && self instanceof ServiceWorkerGlobalScope) {
  self.addEventListener('notificationclick', (event) => {
    const data: unknown = event.notification.data;
    if (!isReminderData(data)) return;
    event.notification.close();
    event.waitUntil(openReminder(self.clients, self.registration.scope, data.habitId));
  });
}
