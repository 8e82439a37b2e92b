// System notifications for reminders, shown through the service worker registration (the only
// way iOS home-screen apps and Android Chrome allow), at most once per habit per day.
import type { DueReminder } from './decide.ts';
import { REMINDER_KIND, reminderTag, type ReminderData } from './protocol.ts';

/** Whether this page can show notifications, and what the person said. */
export type NotificationState = 'unsupported' | NotificationPermission;

/** Feature-detects notifications: iOS Safari has none outside a home-screen app (16.4+). */
export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
  if (typeof ServiceWorkerRegistration !== 'undefined' && !('showNotification' in ServiceWorkerRegistration.prototype)) return 'unsupported';
  return Notification.permission;
}

/** Asks for permission; call it only from a tap (browsers ignore or penalise unprompted asks). */
export async function askNotificationPermission(): Promise<NotificationState> {
  if (notificationState() === 'unsupported') return 'unsupported';
  // Old Safari only had the callback form; the promise form is everywhere else.
  return await new Promise<NotificationPermission>((resolve) => {
    const r = Notification.requestPermission(resolve);
    if (r && typeof r.then === 'function') r.then(resolve, () => resolve(Notification.permission));
  });
}

/** The registration that can show notifications, or null (no service worker yet, or none at all). */
export async function notificationRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (notificationState() !== 'granted') return null;
  try {
    return (await navigator.serviceWorker.getRegistration()) ?? null;
  } catch {
    return null;
  }
}

/** Plain words for a reminder's notification body. */
export function reminderBody(r: Pick<DueReminder, 'p' | 'why'>): string {
  if (r.why === 'at-risk' && r.p !== null) return `Only ${Math.round(r.p * 100)}% likely today. A small start still counts.`;
  if (r.why === 'at-risk') return 'This one tends to slip today. A small start still counts.';
  return 'Your reminder time. Tap to open Nudge.';
}

/** Shows one reminder (tagged per habit per day); false when the browser would not. */
export async function showReminder(reg: ServiceWorkerRegistration, r: DueReminder, day: string): Promise<boolean> {
  const tag = reminderTag(r.habitId, day);
  try {
    // Already on screen (e.g. another tab showed it): do not show it again.
    if ((await reg.getNotifications({ tag })).length > 0) return false;
    const data: ReminderData = { kind: REMINDER_KIND, habitId: r.habitId, day };
    await reg.showNotification(r.name, { body: reminderBody(r), tag, data, icon: 'pwa-192x192.png', badge: 'pwa-64x64.png' });
    return true;
  } catch (err) {
    console.warn('Nudge: the notification was not shown', err);
    return false;
  }
}
