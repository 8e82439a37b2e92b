// The simple rates: past-only probabilities read from the running context. They are the safety net
// while history is short, and the yardsticks the network must beat.
import {
  type ContextState,
  opensState,
  REMINDER_STATES,
  RUN_LENGTHS,
  RUN_STATES,
  reminderPair,
  runState,
} from './context.ts';
import { stepRate } from './runs.ts';

/** The smoothed completion rate over the whole history: (done + 1) / (days + 2). */
export function completionRate(s: ContextState): number {
  return (s.done + 1) / (s.days + 2);
}

/** The recent rate: completions decayed with a 13-day half-life, smoothed like Loop's score. */
export function recentRate(s: ContextState): number {
  return (s.recentDone + 1) / (s.recentDays + 2);
}

/** Pseudo-days of the recent rate a conditional rate starts from. */
const PRIOR_DAYS = 3;

/** The decayed rate of completions after days in state k, shrunk towards the recent rate. */
function conditional(done: readonly number[], days: readonly number[], k: number, base: number): number {
  return (done[k] + PRIOR_DAYS * base) / (days[k] + PRIOR_DAYS);
}

/** How often a day after a run like yesterday's (done or missed k days in a row) was completed (runs.ts). */
export function momentumRate(s: ContextState): number {
  const r = runState(s);
  if (r >= RUN_STATES - 1) return recentRate(s);
  let done = 0;
  let days = 0;
  for (let k = 0; k < RUN_STATES; k++) {
    done += s.runDone[k];
    days += s.runDays[k];
  }
  const anchor = (done + PRIOR_DAYS * recentRate(s)) / (days + PRIOR_DAYS);
  const from = r < RUN_LENGTHS ? 0 : RUN_LENGTHS;
  return stepRate({ done: s.runDone, days: s.runDays, from, len: RUN_LENGTHS, k: r - from, anchor });
}

/**
 * How often a day after reminders like yesterday's and the day before's (none, shown, tapped) was completed,
 * shrunk towards how often a day after a reminder like yesterday's alone was.
 */
export function reminderRate(s: ContextState): number {
  let done = 0;
  let days = 0;
  for (let k = 0; k < REMINDER_STATES; k++) {
    done += s.remDone[REMINDER_STATES * s.reminder + k];
    days += s.remDays[REMINDER_STATES * s.reminder + k];
  }
  const yesterday = (done + PRIOR_DAYS * recentRate(s)) / (days + PRIOR_DAYS);
  return conditional(s.remDone, s.remDays, reminderPair(s), yesterday);
}

/** How often a day after as many app launches as yesterday's (0, 1, 2, 3+) was completed. */
export function opensRate(s: ContextState): number {
  return conditional(s.opensDone, s.opensDays, opensState(s), recentRate(s));
}
