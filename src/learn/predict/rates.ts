// The simple rates: past-only probabilities read from the running context. They are the safety net
// while history is short, and the yardsticks the network must beat.
import { type ContextState, FIRST_MISSED_STATE, opensState, RUN_STATES, runState } from './context.ts';

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

/**
 * How often a day like yesterday (done 1, 2-3 or 4+ days in a row, or missed likewise) was followed by a
 * completion, decayed with a 90-day half-life and shrunk towards the recent rate: streak momentum, lapses
 * and slow restarts.
 */
export function momentumRate(s: ContextState): number {
  const r = runState(s);
  const base = recentRate(s);
  if (r >= RUN_STATES - 1) return base;
  // A run state shrinks towards its side (after a done day, after a missed day), which shrinks towards the recent rate.
  const from = r < FIRST_MISSED_STATE ? 0 : FIRST_MISSED_STATE;
  const to = r < FIRST_MISSED_STATE ? FIRST_MISSED_STATE : RUN_STATES - 1;
  let done = 0;
  let days = 0;
  for (let k = from; k < to; k++) {
    done += s.runDone[k];
    days += s.runDays[k];
  }
  return conditional(s.runDone, s.runDays, r, (done + PRIOR_DAYS * base) / (days + PRIOR_DAYS));
}

/** How often a day after a reminder like yesterday's (none, shown, tapped) was completed. */
export function reminderRate(s: ContextState): number {
  return conditional(s.remDone, s.remDays, s.reminder, recentRate(s));
}

/** How often a day after as many app launches as yesterday's (0, 1, 2, 3+) was completed. */
export function opensRate(s: ContextState): number {
  return conditional(s.opensDone, s.opensDays, opensState(s), recentRate(s));
}
