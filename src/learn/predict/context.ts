// The running context of one habit: everything the features and the simple rates read about the days
// before the next one (streaks, decayed rates, app launches, reminders). One day at a time, so a whole
// history and the few days since the last run are folded the same way, and the state can be stored.

/** Half-life in days of the recent completion rate (Loop's score uses 13). */
export const RECENT_HALF_LIFE = 13;
/** Half-life in days of the run-state rates (how often a day like yesterday was followed by a completion). */
export const MOMENTUM_HALF_LIFE = 90;
/** Daily decay of reminder taps and reminders shown: their pull halves every day. */
export const REMINDER_DECAY = 0.5;

const RECENT_DECAY = 0.5 ** (1 / RECENT_HALF_LIFE);
const MOMENTUM_DECAY = 0.5 ** (1 / MOMENTUM_HALF_LIFE);

/** Run lengths told apart on each side (done or missed days in a row): 1-7 each, 8-11, 12-19, 20+. */
export const RUN_LENGTHS = 10;
/** Run states: done runs (0-9), missed runs (10-19), no history (20). */
export const RUN_STATES = 2 * RUN_LENGTHS + 1;
/** Reminder states of a day: none, shown, tapped. */
export const REMINDER_STATES = 3;
/** Reminder states of yesterday and the day before: 3 × yesterday's + the day before's. */
export const REMINDER_PAIRS = REMINDER_STATES * REMINDER_STATES;
/** App launches yesterday: 0, 1, 2, 3 or more. */
export const OPENS_STATES = 4;

/** Everything known about the days before day number `next`. Plain numbers and arrays: it is stored as is. */
export interface ContextState {
  /** Day number of the next day to be labelled (the day the features describe). */
  next: number;
  /** Labelled days so far, and completions among them. */
  days: number;
  done: number;
  /** Completed days in a row ending yesterday, and missed days in a row ending yesterday. */
  streak: number;
  missRun: number;
  /** Decayed completions and decayed day count (the recent rate). */
  recentDone: number;
  recentDays: number;
  /** App launches on each of the last 7 days, oldest first (index 6 is yesterday). */
  opens: number[];
  /** Reminder taps and reminders shown, decayed by REMINDER_DECAY per day (yesterday counts 1). */
  taps: number;
  shown: number;
  /** Per run state: decayed completions and decayed days that followed it. */
  runDone: number[];
  runDays: number[];
  /**
   * Yesterday's reminder state (0 none, 1 shown, 2 tapped) and the day before's; per pair of them, decayed
   * completions and days after it.
   */
  reminder: number;
  reminderBefore: number;
  remDone: number[];
  remDays: number[];
  /** Likewise per count of app launches the day before (0, 1, 2, 3+). */
  opensDone: number[];
  opensDays: number[];
}

/** A context with no history, starting at day number `first`; `opensBefore` are the 7 days' launches before it. */
export function newContext(first: number, opensBefore: readonly number[]): ContextState {
  const opens = [0, 0, 0, 0, 0, 0, 0];
  const k = Math.min(7, opensBefore.length);
  for (let i = 0; i < k; i++) opens[7 - k + i] = opensBefore[opensBefore.length - k + i];
  return {
    next: first,
    days: 0,
    done: 0,
    streak: 0,
    missRun: 0,
    recentDone: 0,
    recentDays: 0,
    opens,
    taps: 0,
    shown: 0,
    runDone: new Array(RUN_STATES).fill(0),
    runDays: new Array(RUN_STATES).fill(0),
    reminder: 0,
    reminderBefore: 0,
    remDone: new Array(REMINDER_PAIRS).fill(0),
    remDays: new Array(REMINDER_PAIRS).fill(0),
    opensDone: new Array(OPENS_STATES).fill(0),
    opensDays: new Array(OPENS_STATES).fill(0),
  };
}

/** The app-launch state yesterday left: 0, 1, 2 or 3+ launches. */
export function opensState(s: ContextState): number {
  return Math.min(OPENS_STATES - 1, s.opens[6]);
}

/** The run-length class of a run of k >= 1 days: 0-6 for 1-7 days, then 8-11, 12-19, 20+. */
function runLength(k: number): number {
  return k <= 7 ? k - 1 : k <= 11 ? 7 : k <= 19 ? 8 : 9;
}

/** The run state yesterday left: its length class, offset by RUN_LENGTHS after missed days; 20 with no history. */
export function runState(s: ContextState): number {
  if (s.days === 0) return RUN_STATES - 1;
  return s.streak > 0 ? runLength(s.streak) : RUN_LENGTHS + runLength(s.missRun);
}

/** The reminder pair yesterday and the day before left: 3 × yesterday's state + the day before's. */
export function reminderPair(s: ContextState): number {
  return REMINDER_STATES * s.reminder + s.reminderBefore;
}

/** One day's facts. */
export interface DayFact {
  done: number;
  opens: number;
  shown: number;
  tapped: number;
}

/** Decays every state's counts and adds the day's outcome to the state it followed. */
function countAfter(done: number[], days: number[], state: number, d: number): void {
  for (let k = 0; k < done.length; k++) {
    done[k] *= MOMENTUM_DECAY;
    days[k] *= MOMENTUM_DECAY;
  }
  done[state] += d;
  days[state] += 1;
}

/** Folds the day `s.next` with its facts into the context (in place). */
export function advanceContext(s: ContextState, f: DayFact): void {
  const d = f.done ? 1 : 0;
  countAfter(s.runDone, s.runDays, runState(s), d);
  countAfter(s.remDone, s.remDays, reminderPair(s), d);
  countAfter(s.opensDone, s.opensDays, opensState(s), d);
  s.reminderBefore = s.reminder;
  s.reminder = f.tapped ? 2 : f.shown ? 1 : 0;
  s.days += 1;
  s.done += d;
  s.streak = d ? s.streak + 1 : 0;
  s.missRun = d ? 0 : s.missRun + 1;
  s.recentDone = s.recentDone * RECENT_DECAY + d;
  s.recentDays = s.recentDays * RECENT_DECAY + 1;
  s.opens.shift();
  s.opens.push(f.opens);
  s.taps = s.taps * REMINDER_DECAY + f.tapped;
  s.shown = s.shown * REMINDER_DECAY + f.shown;
  s.next += 1;
}

/**
 * Moves the context past a day that carries no label (the habit was not due): launches and reminders still
 * count as what happened yesterday, but streaks and rates wait for the next due day.
 */
export function passContext(s: ContextState, f: DayFact): void {
  s.reminderBefore = s.reminder;
  s.reminder = f.tapped ? 2 : f.shown ? 1 : 0;
  s.opens.shift();
  s.opens.push(f.opens);
  s.taps = s.taps * REMINDER_DECAY + f.tapped;
  s.shown = s.shown * REMINDER_DECAY + f.shown;
  s.next += 1;
}

/** A deep copy (contexts are advanced in place). */
export function cloneContext(s: ContextState): ContextState {
  return {
    ...s,
    opens: s.opens.slice(),
    runDone: s.runDone.slice(),
    runDays: s.runDays.slice(),
    remDone: s.remDone.slice(),
    remDays: s.remDays.slice(),
    opensDone: s.opensDone.slice(),
    opensDays: s.opensDays.slice(),
  };
}
