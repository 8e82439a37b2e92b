// The training policy: PURE (no DOM, no clock, no storage). Adapters feed it signals; it decides
// whether this moment is a good one to train and says why in plain words, so every decision can be
// logged, tested from a table and explained in the Insights screen.
import type { Trigger } from '../learn/types.ts';
import { daysBetween } from '../learn/time.ts';

/** What the adapters observed at this moment; absent or null means unknown / not offered here. */
export interface Signals {
  /** The service worker got a 'periodicsync' event (Chrome, installed app). */
  periodicSync?: boolean;
  /** Battery Status: plugged in; null when the platform does not say (iOS, Firefox, WebKit). */
  charging?: boolean | null;
  /** Battery Status: 0..1; null when unknown. */
  batteryLevel?: number | null;
  /** requestIdleCallback fired (not by its timeout). */
  idle?: boolean;
  /** Where requestIdleCallback is missing: a spell with no input while visible. */
  quiet?: boolean;
  /** The person came back to the app (visibilitychange -> visible, pageshow from bfcache). */
  visibleReturn?: boolean;
  /** The app was just launched. */
  launch?: boolean;
  /** The person asked ("Train now"). */
  manual?: boolean;
  /** The page is hidden or being hidden (pagehide): iOS suspends it within seconds. */
  hidden?: boolean;
}

/** What the scheduler knows about past training. */
export interface PolicyState {
  /** Epoch ms of the last training run (any outcome), null if never. */
  lastRunAt: number | null;
  /** Local days that ended (so are labelled) since the data was last trained on. */
  newLabelledDays: number;
  /** Epoch ms now. */
  now: number;
  /** The local day changed since the scheduler last looked (it is open across midnight). */
  dayChanged?: boolean;
  /** A training run is already in progress (this tab or, via the lock, another). */
  training?: boolean;
}

/** The policy's answer: train or not, with which trigger recorded, and why. */
export interface Decision {
  train: boolean;
  trigger: Trigger | null;
  reason: string;
}

/** The Periodic Background Sync tag the page registers and the service worker trains on. */
export const PERIODIC_SYNC_TAG = 'nudge-train';
/** Below this level (and not charging) training waits: the person may need the battery more. */
export const LOW_BATTERY = 0.2;
/** "About once a day": a little less than 24 h so the daily moment can drift earlier. */
export const MIN_HOURS_BETWEEN_RUNS = 20;
/** A day must have ended (been labelled) since the last training for a run to be worth it. */
export const MIN_NEW_LABELLED_DAYS = 1;

const HOUR_MS = 3_600_000;

// The fallback chain, best first: the most favourable moment available wins.
const CHAIN: { key: keyof Signals | 'dayChanged'; trigger: Trigger; words: string }[] = [
  { key: 'periodicSync', trigger: 'periodicsync', words: 'periodic background sync' },
  { key: 'charging', trigger: 'charging', words: 'the device is charging' },
  { key: 'idle', trigger: 'idle', words: 'the browser is idle' },
  { key: 'quiet', trigger: 'quiet', words: 'a quiet spell with no input' },
  { key: 'visibleReturn', trigger: 'visibility', words: 'return to the app' },
  { key: 'launch', trigger: 'launch', words: 'app launch' },
  { key: 'dayChanged', trigger: 'daychange', words: 'a new day began while the app was open' },
];

/**
 * A recorded run further ahead of `now` than this was stamped by a clock that has since been set back
 * by more: it says nothing about when training really ran, and counting it would stall training until
 * real time caught up (a clock once a month ahead: a month). Within it, waiting costs at most about two
 * days, cheaper than an extra run after every small correction.
 */
export const CLOCK_CORRECTION_MS = 48 * HOUR_MS;

/** The last run as far as spacing goes: null when it lies in the future (see CLOCK_CORRECTION_MS). */
export function credibleLastRun(lastRunAt: number | null, now: number): number | null {
  return lastRunAt !== null && lastRunAt - now > CLOCK_CORRECTION_MS ? null : lastRunAt;
}

/** True when a run started less than MIN_HOURS_BETWEEN_RUNS before `now` (training is at most about daily). */
export function ranRecently(lastRunAt: number | null, now: number): boolean {
  // Without the guard a clock once set a month ahead would block training for that month after its correction.
  const last = credibleLastRun(lastRunAt, now);
  return last !== null && now - last < MIN_HOURS_BETWEEN_RUNS * HOUR_MS;
}

function hoursAgo(state: PolicyState): string {
  if (state.lastRunAt === null) return 'never trained before';
  if (credibleLastRun(state.lastRunAt, state.now) === null)
    return 'the last run is dated in the future (the clock was set back since)';
  const h = (state.now - state.lastRunAt) / HOUR_MS;
  return `last run ${h < 1 ? 'under an hour' : `${Math.floor(h)} h`} ago`;
}

function days(n: number): string {
  return `${n} new labelled day${n === 1 ? '' : 's'}`;
}

/** Decides whether to train now, which trigger to record, and the reason in plain words. */
export function decideTraining(input: { signals: Signals; state: PolicyState }): Decision {
  const { signals: s, state } = input;
  const no = (reason: string): Decision => ({ train: false, trigger: null, reason });

  if (state.training) return no('not now: a training run is already in progress');
  if (s.hidden)
    return no('not now: the page is hidden (a hidden page is suspended within seconds, the run would be wasted)');
  if (s.manual) return { train: true, trigger: 'manual', reason: 'train now: asked by the person' };

  const level = s.batteryLevel;
  if (typeof level === 'number' && level < LOW_BATTERY && s.charging !== true) {
    return no(`not now: battery low (${Math.round(level * 100)}%, not charging)`);
  }
  if (state.newLabelledDays < MIN_NEW_LABELLED_DAYS) {
    return no('not due: no new labelled day since the last training');
  }
  if (ranRecently(state.lastRunAt, state.now)) {
    return no(`not due: ${hoursAgo(state)}, at most about once a day (${MIN_HOURS_BETWEEN_RUNS} h)`);
  }

  const flags: Record<string, unknown> = { ...s, dayChanged: state.dayChanged };
  const missing: string[] = [];
  for (const step of CHAIN) {
    if (flags[step.key] === true) {
      const fallback = missing.length ? `; no ${missing.join(', no ')}` : '';
      return {
        train: true,
        trigger: step.trigger,
        reason: `train on ${step.words}: ${days(state.newLabelledDays)}, ${hoursAgo(state)}${fallback}`,
      };
    }
    missing.push(step.words);
  }
  return no(
    `due (${days(state.newLabelledDays)}) but waiting for a favourable moment: ` +
      `none of ${CHAIN.map((c) => c.words).join(', ')}`,
  );
}

/** Per-habit facts the scheduler reads from storage to build a PolicyState. */
export interface HabitTrainingFacts {
  habitId: string;
  createdDay: string;
  /** Start of the last run for this habit (epoch ms), null if never. */
  lastRunAt: number | null;
  /** Local day of that run (the days before it were labelled then). */
  lastRunDay: string | null;
}

/** Days labelled since the habit was last trained: every ended day counts (done = 1, else 0). */
export function newLabelledDays(f: HabitTrainingFacts, today: string): number {
  // Before any run, every day from creation up to yesterday is new; after one, the days that ended
  // since (the run's own day was still open when it ran, so it counts once it is over). A run dated
  // after today was stamped by a clock set ahead: the days since creation count, as before any run.
  const from = f.lastRunDay !== null && f.lastRunDay <= today ? f.lastRunDay : f.createdDay;
  return Math.max(0, daysBetween(from, today));
}

/** Which habits to train now: the policy asked per habit, all sharing this moment's signals. */
export function decideHabits(
  signals: Signals,
  habits: HabitTrainingFacts[],
  today: string,
  now: number,
  extra: { dayChanged?: boolean; training?: boolean } = {},
): { habitIds: string[]; trigger: Trigger | null; reasons: Record<string, string> } {
  const reasons: Record<string, string> = {};
  const habitIds: string[] = [];
  let trigger: Trigger | null = null;
  for (const h of habits) {
    const d = decideTraining({
      signals,
      state: { lastRunAt: h.lastRunAt, newLabelledDays: newLabelledDays(h, today), now, ...extra },
    });
    reasons[h.habitId] = d.reason;
    if (d.train) {
      habitIds.push(h.habitId);
      trigger = d.trigger;
    }
  }
  return { habitIds, trigger, reasons };
}
