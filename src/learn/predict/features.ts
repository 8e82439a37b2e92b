// The network's input vector: names, order, normalisation and version, in one place. A day's features
// are read from the context of the days before it (and the day's own weekday, known in advance).
// Normalisation uses fixed constants only, so a prefix of a history always yields the same vectors.
import type { ContextState } from './context.ts';
import { momentumRate, opensRate, recentRate, reminderRate } from './rates.ts';

/** Bump whenever names, order or normalisation change: checkpoints record it, and others are retrained. */
export const FEATURE_VERSION = 4;

/** Feature names in input order. */
export const FEATURE_NAMES = [
  'weekdaySin', // the day's weekday on a circle: the network sees the weekday directly
  'weekdayCos',
  'linear', // the learned model's linear log-odds for the day (the stacker's), scaled by 1/4
  'runLift', // log-odds lift of days after a run like yesterday's over the recent rate
  'reminderLift', // the same after a reminder like yesterday's (none, shown, tapped)
  'opensLift', // the same after as many app launches as yesterday's
  'run', // days in a row done (positive) or missed (negative), log-scaled
  'opensYesterday', // app launches yesterday
  'taps', // this habit's reminder taps lately, halving each day
  'weekNeed', // an N-per-week habit: completions still needed this week per day left (0 for other schedules)
] as const;

/** Number of inputs (the network's first layer). */
export const NUM_FEATURES = FEATURE_NAMES.length;

const LOG31 = Math.log(31);
const LOG9 = Math.log(9);
const LOG4 = Math.log(4);

/** log1p(v) / logMax, capped at 1: counts of any size on a common scale. */
function squash(v: number, logMax: number): number {
  const r = Math.log1p(v) / logMax;
  return Math.min(r, 1);
}

/** Weekday (0 = Sunday) of a day number. */
export function weekdayOfNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const EPS = 1e-6;
const logit = (p: number): number => {
  const q = p < EPS ? EPS : Math.min(p, 1 - EPS);
  return Math.log(q / (1 - q));
};
const clip = (v: number, m: number): number => (v < -m ? -m : Math.min(v, m));

/**
 * Writes the features of day `s.next` into out[at .. at + NUM_FEATURES); `linear` is the stacker's log-odds and
 * `weekNeed` the week's need (week.ts).
 */
export function writeFeatures(
  s: ContextState,
  day: { linear: number; weekNeed: number },
  out: Float32Array,
  at: number,
): void {
  const linear = day.linear;
  const a = (2 * Math.PI * weekdayOfNumber(s.next)) / 7;
  const recent = logit(recentRate(s));
  out[at] = Math.sin(a);
  out[at + 1] = Math.cos(a);
  out[at + 2] = clip(linear / 4, 2);
  out[at + 3] = clip((logit(momentumRate(s)) - recent) / 2, 2);
  out[at + 4] = clip((logit(reminderRate(s)) - recent) / 2, 2);
  out[at + 5] = clip((logit(opensRate(s)) - recent) / 2, 2);
  out[at + 6] = s.streak > 0 ? squash(s.streak, LOG31) : -squash(s.missRun, LOG31);
  out[at + 7] = squash(s.opens[6], LOG9);
  out[at + 8] = squash(s.taps, LOG4);
  out[at + 9] = Math.min(2, day.weekNeed);
}
