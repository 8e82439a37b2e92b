// What the service worker and the page agree on for reminder notifications. PURE: shared by both.

/** `notification.data.kind` of a Nudge reminder, so other notifications are left alone. */
export const REMINDER_KIND = 'nudge-reminder';
/** The message the service worker posts to an open window when a reminder is tapped. */
export const REMINDER_TAPPED_MESSAGE = 'nudge-reminder-tapped';

/** The data a reminder notification carries. */
export interface ReminderData {
  kind: typeof REMINDER_KIND;
  habitId: string;
  day: string;
}

/** One tag per habit per day: showing it again replaces rather than stacks. */
export function reminderTag(habitId: string, day: string): string {
  return `nudge-reminder:${habitId}:${day}`;
}

/** The app-relative hash that opens Today for a tapped reminder. */
export function reminderHash(habitId: string): string {
  return `#/today?reminder=${encodeURIComponent(habitId)}`;
}

/** The habit id in a `#/today?reminder=<id>` hash, or null. */
export function reminderFromHash(hash: string): string | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const id = new URLSearchParams(hash.slice(q + 1)).get('reminder');
  return id ? id : null;
}

/** True for notification data that is one of our reminders. */
export function isReminderData(d: unknown): d is ReminderData {
  return (
    typeof d === 'object' &&
    d !== null &&
    (d as ReminderData).kind === REMINDER_KIND &&
    typeof (d as ReminderData).habitId === 'string'
  );
}
