// The honest sentence about reminders, shown wherever a reminder time is set.

/** What a web app can and cannot do with a reminder time. */
export const REMINDER_NOTE =
  'Web apps cannot schedule alarms: Nudge reminds you in the app and, where allowed, ' +
  'with a notification when the app is running.';
