// Reminder notifications from the service worker, after a background run (periodic sync) when no
// page is open: the only moment a web app without a server can notify on its own.
import { deviceOffset, localDayOf, localMinuteOfDay } from '../learn/time.ts';
import { closeSettledReminders, notifyDue } from '../remind/show.ts';
import { loadReminderState } from '../remind/state.ts';

/** Notifies the due reminders if the person allowed notifications; returns the habit ids notified. */
export async function notifyDueInServiceWorker(
  reg: ServiceWorkerRegistration,
  now: number = Date.now(),
): Promise<string[]> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return [];
  const off = deviceOffset(new Date(now));
  const state = await loadReminderState(localDayOf(now, off));
  await closeSettledReminders(reg, state);
  return notifyDue(reg, state, localMinuteOfDay(now, off));
}
