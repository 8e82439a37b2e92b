// What this device can do for reminders and background training, feature-detected (never by
// browser name), so the Settings screen can say it plainly.
import { badgeSupported } from '../../remind/badge.ts';
import { notificationState, type NotificationState } from '../../remind/notify.ts';

/** The detected capabilities that shape reminders and training. */
export interface Capabilities {
  notifications: NotificationState;
  badge: boolean;
  /** Periodic Background Sync exists (Chromium); it still needs the installed app. */
  periodicSync: boolean;
  /** Running as an installed app (home screen / standalone window). */
  installed: boolean;
  idleCallback: boolean;
  battery: boolean;
  webLocks: boolean;
}

/** Detects the capabilities of the current page. */
export function detectCapabilities(): Capabilities {
  const standalone =
    (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches) ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return {
    notifications: notificationState(),
    badge: badgeSupported(),
    periodicSync:
      typeof ServiceWorkerRegistration !== 'undefined' && 'periodicSync' in ServiceWorkerRegistration.prototype,
    installed: standalone,
    idleCallback: typeof requestIdleCallback === 'function',
    battery: typeof (navigator as Navigator & { getBattery?: unknown }).getBattery === 'function',
    webLocks: 'locks' in navigator,
  };
}

/** One line of the notes: a short title, whether it works here, and plain words. */
export interface Note {
  id: string;
  title: string;
  ok: boolean;
  text: string;
}

/** Plain-words notes for detected capabilities. PURE given `c`. */
export function platformNotes(c: Capabilities): Note[] {
  const notif: Record<NotificationState, string> = {
    unsupported: c.installed
      ? 'This browser cannot show notifications for Nudge. The reminder banner on Today still works.'
      : 'This browser cannot show notifications here. On iPhone and iPad (iOS 16.4 or later) add Nudge ' +
        'to the Home Screen first; the reminder banner on Today works everywhere.',
    default: 'Nudge can show a notification for a habit at risk. It asks only when you tap the button below.',
    granted: 'Allowed. Nudge shows at most one notification per habit per day, and only when the app is not in front.',
    denied:
      "Blocked for this site. To allow them, change the site's notification setting in your browser; " +
      'the reminder banner still works.',
  };
  const idleFallback = ', or after a quiet moment without input';
  const background = c.periodicSync
    ? c.installed
      ? 'This browser may wake Nudge now and then to train in the background (periodic background sync; ' +
        'the browser decides how often). Otherwise it trains when you open or return to the app.'
      : 'Installed, this browser could wake Nudge to train in the background; in a tab, Nudge trains only ' +
        'while it is open: at launch, on return, or when idle.'
    : 'This browser cannot wake Nudge in the background. Nudge trains while it is open: ' +
      `at launch, when you return to it${c.idleCallback ? ', or when the page is idle' : idleFallback}` +
      `${c.battery ? ', preferably while charging' : ''}.`;
  return [
    { id: 'notifications', title: 'Notifications', ok: c.notifications === 'granted', text: notif[c.notifications] },
    {
      id: 'badge',
      title: 'App icon badge',
      ok: c.badge,
      text: c.badge
        ? 'The app icon shows how many habits are at risk today (refreshed when you open or return to Nudge).'
        : 'This browser cannot put a number on the app icon.',
    },
    { id: 'background', title: 'Training in the background', ok: c.periodicSync && c.installed, text: background },
    {
      id: 'schedule',
      title: 'Reminders at a set time',
      ok: false,
      text:
        'No web app can schedule a notification for a set time without a server, and Nudge has none ' +
        '(nothing leaves your device). So reminders appear when you open the app, or when it happens to be running.',
    },
  ];
}
