// Keeps reminders current while the app runs: the badge, system notifications (when the page is
// not in front), and taps on reminders. Refreshed at launch, on return, every minute and whenever
// the stored predictions or today's events change.
import { liveQuery } from 'dexie';
import { deviceOffset, localDayOf, localMinuteOfDay } from '../learn/time.ts';
import { badgeSupported, setBadge } from './badge.ts';
import { atRiskCount } from './decide.ts';
import { notificationRegistration, notificationState } from './notify.ts';
import { closeSettledReminders, notifyDue } from './show.ts';
import { loadReminderState, type ReminderState } from './state.ts';
import { consumeReminderHash, listenForForwardedTaps } from './tap.ts';

let started = false;
let latest: ReminderState | null = null;
let acting: Promise<void> = Promise.resolve();
/** Habits this page notified today: a state read before our own reminderShown write cannot repeat one. */
const shownHere = { day: '', ids: new Set<string>() };

function now(): { day: string; minutes: number } {
  const t = Date.now();
  const off = deviceOffset(new Date(t));
  return { day: localDayOf(t, off), minutes: localMinuteOfDay(t, off) };
}

/** A person looking at the app sees the banner; a notification is for when they are elsewhere. */
function pageInFront(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

async function notifyIfAway(state: ReminderState, minutes: number): Promise<void> {
  if (notificationState() !== 'granted') return;
  const reg = await notificationRegistration();
  if (!reg) return;
  // Also while in front: a reminder for a habit just marked done must not linger in the tray.
  await closeSettledReminders(reg, state);
  if (pageInFront()) return;
  if (shownHere.day !== state.today) Object.assign(shownHere, { day: state.today, ids: new Set<string>() });
  for (const id of await notifyDue(reg, state, minutes, shownHere.ids)) shownHere.ids.add(id);
}

/** Updates the badge and shows due notifications for a state; serialised so nothing doubles. */
function act(state: ReminderState): Promise<void> {
  acting = acting
    .then(async () => {
      const { day, minutes } = now();
      if (state.today !== day) return; // a stale state; the day-change resubscription brings a fresh one
      if (badgeSupported()) await setBadge(atRiskCount(state.habits, state.predictions, state.todayStatus));
      // Web Locks keep two open tabs from notifying the same habit at the same moment.
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      if (locks)
        await locks.request('nudge-remind', { ifAvailable: true }, async (lock) => {
          if (lock) await notifyIfAway(state, minutes);
        });
      else await notifyIfAway(state, minutes);
    })
    .catch((err) => console.warn('Nudge: reminder refresh failed', err));
  return acting;
}

let sub: { unsubscribe(): void } | null = null;
let subscribedDay = '';

function watch(): void {
  const { day } = now();
  if (sub && subscribedDay === day) {
    if (latest) void act(latest); // a reminder time may have come
    return;
  }
  sub?.unsubscribe();
  subscribedDay = day;
  sub = liveQuery(() => loadReminderState(day)).subscribe({
    next: (s) => {
      latest = s;
      void act(s);
    },
    error: (err) => console.warn('Nudge: reminder state unavailable', err),
  });
}

/** Starts reminders once per page (later calls do nothing); safe to call from several places. */
export function startReminders(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  listenForForwardedTaps();
  void consumeReminderHash();
  // An already open app can be sent to #/today?reminder=<id> too (a link, a service worker navigate).
  addEventListener('hashchange', () => void consumeReminderHash());
  watch();
  setInterval(watch, 60_000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') watch();
  });
  addEventListener('pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) watch();
  });
  // Leaving the page is when a notification becomes useful (Chromium keeps running hidden tabs).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && latest) void act(latest);
  });
  addEventListener('blur', () => {
    if (latest) void act(latest);
  });
}
