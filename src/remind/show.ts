// Showing reminder notifications through a service worker registration. Works in the page and in
// the service worker alike (only APIs both have), so a background run can notify too.
import { recordEvent } from '../data/repo.ts';
import { dueReminders, type DueReminder } from './decide.ts';
import { isReminderData, REMINDER_KIND, reminderTag, type ReminderData } from './protocol.ts';
import type { ReminderState } from './state.ts';

/** Plain words for a reminder's notification body. */
export function reminderBody(r: Pick<DueReminder, 'p' | 'why' | 'week'>): string {
  const w = r.week;
  if (w) {
    const days = `${w.daysLeft} day${w.daysLeft === 1 ? '' : 's'} left`;
    const left = `${w.target - w.needed} of ${w.target} this week, ${days}`;
    if (r.why === 'at-risk' && r.p !== null) return `${left}: ${Math.round(r.p * 100)}% likely to make it.`;
    return `${left}. Tap to open Nudge.`;
  }
  if (r.why === 'at-risk' && r.p !== null)
    return `Only ${Math.round(r.p * 100)}% likely today. A small start still counts.`;
  if (r.why === 'at-risk') return 'This one tends to slip today. A small start still counts.';
  return 'Your reminder time. Tap to open Nudge.';
}

/** Shows one reminder (tagged per habit per day); false when it was already up or refused. */
export async function showReminder(reg: ServiceWorkerRegistration, r: DueReminder, day: string): Promise<boolean> {
  const tag = reminderTag(r.habitId, day);
  try {
    // Already on screen (e.g. another tab showed it): do not show it again.
    if ((await reg.getNotifications({ tag })).length > 0) return false;
    const data: ReminderData = { kind: REMINDER_KIND, habitId: r.habitId, day };
    await reg.showNotification(r.name, {
      body: reminderBody(r),
      tag,
      data,
      icon: 'pwa-192x192.png',
      badge: 'pwa-64x64.png',
    });
    return true;
  } catch (err) {
    console.warn('Nudge: the notification was not shown', err);
    return false;
  }
}

/**
 * Closes reminder notifications that no longer apply: from an earlier day, or for a habit that is
 * done, skipped, archived or deleted since. Other notifications are left alone. Returns how many.
 */
export async function closeSettledReminders(reg: ServiceWorkerRegistration, state: ReminderState): Promise<number> {
  const active = new Set(state.habits.map((h) => h.id));
  let closed = 0;
  try {
    for (const n of await reg.getNotifications()) {
      const d: unknown = n.data;
      if (!isReminderData(d)) continue;
      if (d.day === state.today && active.has(d.habitId) && !state.todayStatus.has(d.habitId)) continue;
      n.close();
      closed++;
    }
  } catch (err) {
    console.warn('Nudge: old reminders were not closed', err);
  }
  return closed;
}

/**
 * Shows the reminders due now that have not gone out today, and logs each as `reminderShown`
 * (the log keeps it once per habit per day across reloads, tabs and the service worker).
 * `skip` lists habit ids the caller already handled. Returns the habit ids notified.
 */
export async function notifyDue(
  reg: ServiceWorkerRegistration,
  state: ReminderState,
  minutes: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const due = dueReminders(state.habits, state.predictions, state.todayStatus, minutes).filter(
    (r) => !state.shownToday.has(r.habitId) && !skip.has(r.habitId),
  );
  const shown: string[] = [];
  for (const r of due) {
    if (!(await showReminder(reg, r, state.today))) continue;
    shown.push(r.habitId);
    await recordEvent({ type: 'reminderShown', habitId: r.habitId }).catch((err) =>
      console.warn('Nudge: reminderShown not recorded', err),
    );
  }
  return shown;
}
