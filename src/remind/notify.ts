// System notifications for reminders, shown through the service worker registration (the only
// way iOS home-screen apps and Android Chrome allow), at most once per habit per day.

/** Whether this page can show notifications, and what the person said. */
export type NotificationState = 'unsupported' | NotificationPermission;

/** Feature-detects notifications: iOS Safari has none outside a home-screen app (16.4+). */
export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
  if (typeof ServiceWorkerRegistration !== 'undefined' && !('showNotification' in ServiceWorkerRegistration.prototype))
    return 'unsupported';
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
