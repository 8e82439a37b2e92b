// Wires the signal adapters to the pure policy and the trainer. At launch, on return, when charging
// starts, when new habits arrive (sample history, import) and on a slow tick while visible, it
// waits briefly for a better moment (idle or a quiet spell), asks the policy per habit and trains
// the due ones in the worker. When the local day changes it has the worker recompute today's
// predictions. It never starts anything while the page is hidden.
import { liveQuery } from 'dexie';
import { withDb } from '../data/connection.ts';
import { localToday } from '../learn/time.ts';
import { decideHabits, type Signals } from './policy.ts';
import { predictionsStale, readTrainingFacts } from './facts.ts';
import {
  hasIdleCallback,
  isHidden,
  msUntilLocalMidnight,
  onReturn,
  QUIET_MS,
  registerPeriodicSync,
  waitForIdle,
  waitForQuietSpell,
  watchBattery,
  whenVisible,
  type BatteryView,
} from './signals.ts';
import { trainer } from '../trainer/bridge.ts';
import { whenTrainLockFree } from '../trainer/lock.ts';

/** How long a launch/return waits for an idle callback before settling for the moment itself. */
export const IDLE_WAIT_MS = 2_000;
/** While the app stays open and visible, look again this often (idle/charging may come later). */
export const TICK_MS = 30 * 60_000;

/** What caused a scheduling moment ('data': new habits arrived, e.g. the sample history or an import). */
export type MomentCause = 'launch' | 'return' | 'charging' | 'tick' | 'daychange' | 'data';

/** The last decision, for diagnostics (Settings, tests): cause, signals, per-habit reasons. */
export interface SchedulerLog {
  at: number;
  cause: MomentCause;
  signals: Signals;
  trained: string[];
  reasons: Record<string, string>;
}

let lastLog: SchedulerLog | null = null;

/** The scheduler's last decision (null before the first moment). */
export function lastSchedulerDecision(): SchedulerLog | null {
  return lastLog;
}

/**
 * The cause to run once the current moment ends, given one arriving during it. New data, charging
 * and a new day must not be lost (the midnight moment recomputes today's probabilities; the next
 * tick is 30 minutes away); a day change outranks the others, which it covers. Other causes are
 * dropped: the moment running now already answers them.
 */
export function queueBehind(queued: MomentCause | null, cause: MomentCause): MomentCause | null {
  if (queued === 'daychange') return queued;
  return cause === 'daychange' || cause === 'data' || cause === 'charging' ? cause : queued;
}

/** A diagnostics handle (DevTools console, browser tests): the trainer and the last decision. */
export interface NudgeDebug {
  trainer: typeof trainer;
  lastDecision: () => SchedulerLog | null;
}

/**
 * Starts the scheduler (call once from boot). Returns a stop function. Also registers Periodic
 * Background Sync where possible.
 */
export function startScheduler(): () => void {
  let stopped = false;
  let busy = false;
  // Nothing here that the UI cannot do already (Train now, rollback): safe to expose for support.
  (globalThis as { nudgeDebug?: NudgeDebug }).nudgeDebug = { trainer, lastDecision: lastSchedulerDecision };
  let battery: BatteryView = { charging: null, level: null };
  let day = localToday();
  let dayChanged = false;
  const cleanups: (() => void)[] = [];

  // New information that arrives during a moment (new habits, charging) gets its own moment after it.
  let queued: MomentCause | null = null;

  async function moment(cause: MomentCause): Promise<void> {
    if (stopped || isHidden()) return;
    if (busy) {
      queued = queueBehind(queued, cause);
      return;
    }
    busy = true;
    try {
      const today = localToday();
      if (today !== day) {
        day = today;
        dayChanged = true;
      }
      // Today's probabilities first: the person should see them even when training is not due.
      if (await withDb((db) => predictionsStale(db, today))) await trainer.predictAll(today);

      // Give a better moment a short chance to arrive before settling for this one.
      let idle = false;
      let quiet = false;
      if (hasIdleCallback()) idle = await waitForIdle(IDLE_WAIT_MS);
      else quiet = await waitForQuietSpell(QUIET_MS, QUIET_MS * 2);
      if (stopped || isHidden()) return;

      const signals: Signals = {
        charging: battery.charging,
        batteryLevel: battery.level,
        idle,
        quiet,
        visibleReturn: cause === 'return',
        launch: cause === 'launch',
        hidden: isHidden(),
      };
      const facts = await withDb(readTrainingFacts);
      const d = decideHabits(signals, facts, today, Date.now(), { dayChanged, training: trainer.isTraining() });
      lastLog = { at: Date.now(), cause, signals, trained: d.habitIds, reasons: d.reasons };
      if (d.habitIds.length && d.trigger) {
        await trainer.train({ habitIds: d.habitIds, trigger: d.trigger, today, onlyIfDue: true });
        dayChanged = false;
      }
      // A timeline mark (DevTools Performance panel, and the browser tests wait on it).
      markMoment(`nudge:moment:${cause}:${d.trigger ?? 'none'}:${d.habitIds.length}`);
    } catch (err) {
      // A failed moment loses nothing (the previous checkpoint stays active); try again next time.
      console.warn('[nudge] scheduler moment failed:', err);
      markMoment(`nudge:moment:${cause}:error:0`);
    } finally {
      busy = false;
      const next = queued;
      queued = null;
      if (next) void moment(next);
    }
  }

  let midnight: ReturnType<typeof setTimeout> | undefined;
  function armMidnight(): void {
    midnight = setTimeout(() => {
      armMidnight();
      void moment('daychange');
    }, msUntilLocalMidnight());
  }
  cleanups.push(() => clearTimeout(midnight));

  void (async () => {
    battery = await watchBattery((b) => {
      const started = b.charging === true && battery.charging !== true;
      battery = b;
      if (started) void moment('charging');
    });
    if (stopped) return;
    await whenVisible();
    await moment('launch');
  })();

  cleanups.push(onReturn(() => void moment('return')));
  cleanups.push(watchNewHabits(() => void moment('data')));
  const tick = setInterval(() => void moment('tick'), TICK_MS);
  cleanups.push(() => clearInterval(tick));
  armMidnight();
  void registerPeriodicSync();

  return () => {
    stopped = true;
    for (const c of cleanups) c();
  };
}

/** Calls `onNew` when habits appear that were not there before (not on the first look). */
function watchNewHabits(onNew: () => void): () => void {
  let known: Set<string> | null = null;
  const sub = liveQuery(() => withDb((db) => db.habits.toCollection().primaryKeys())).subscribe({
    next: (keys) => {
      const now = new Set(keys.map(String));
      const added = known !== null && [...now].some((k) => !known!.has(k));
      known = now;
      if (added) onNew();
    },
    error: (err: unknown) => console.warn('[nudge] scheduler could not watch habits:', err),
  });
  return () => sub.unsubscribe();
}

/** How many scheduler marks the timeline keeps: an app left open for weeks must not grow it without end. */
export const MOMENT_MARKS_KEPT = 100;

/** Adds a `nudge:moment:*` mark and drops the oldest beyond MOMENT_MARKS_KEPT (the rest keep their times). */
export function markMoment(name: string): void {
  performance.mark(name);
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('nudge:moment:'));
  if (marks.length <= MOMENT_MARKS_KEPT) return;
  // clearMarks removes every mark of a name and names repeat (tick:none:0), so clear all and put the newest back.
  const keep = marks.slice(-MOMENT_MARKS_KEPT);
  for (const n of new Set(marks.map((m) => m.name))) performance.clearMarks(n);
  for (const m of keep) performance.mark(m.name, { startTime: m.startTime });
}

/** Waits until no training runs here or anywhere (other tabs, the service worker): the update gate. */
export async function trainingSettled(): Promise<void> {
  await trainer.whenIdle();
  await whenTrainLockFree();
}
