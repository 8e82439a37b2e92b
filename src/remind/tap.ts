// Recording that a person acted on a reminder: from the banner, a notification tap that opened
// the app (#/today?reminder=<id>), or a tap the service worker forwarded to an open window.
import { recordEvent } from '../data/repo.ts';
import { REMINDER_TAPPED_MESSAGE, reminderFromHash } from './protocol.ts';

/** Logs `reminderTapped` for a habit; a habit deleted meanwhile is reported, not thrown. */
export async function recordReminderTap(habitId: string): Promise<boolean> {
  try {
    await recordEvent({ type: 'reminderTapped', habitId });
    return true;
  } catch (err) {
    console.warn(`Nudge: could not record the reminder tap for habit "${habitId}"`, err);
    return false;
  }
}

/** Turns '#/today?reminder=<id>' into '#/today' so a reload does not count the tap twice. */
function dropReminderFromHash(): void {
  history.replaceState(null, '', '#/today');
  dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Records the tap carried in the launch URL, if any; returns the habit id. */
export async function consumeReminderHash(): Promise<string | null> {
  const habitId = reminderFromHash(location.hash);
  if (!habitId) return null;
  dropReminderFromHash();
  await recordReminderTap(habitId);
  return habitId;
}

/** Listens for taps the service worker forwards to this open window. */
export function listenForForwardedTaps(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as { type?: unknown; habitId?: unknown } | null;
    if (!d || d.type !== REMINDER_TAPPED_MESSAGE || typeof d.habitId !== 'string') return;
    location.hash = '#/today';
    void recordReminderTap(d.habitId);
  });
}
