// The input vector of the network: names, order, normalisation and version, in one place.
// Every feature of day D is computed from the state of days strictly before D (plus D's weekday,
// which is known in advance). Normalisation uses fixed constants only, so a prefix of the history
// always yields the same vectors (prefix stability).

/** Bump whenever names, order or normalisation change: checkpoints record it. */
export const FEATURE_VERSION = 1;

/** Feature names in input order. */
export const FEATURE_NAMES = [
  'streak', // consecutive completed days ending D-1
  'rate30', // smoothed completion rate of the last 30 days
  'yesterday', // 1 when D-1 was completed
  'weekdayRate', // smoothed completion rate on D's weekday, each earlier week weighing WEEKDAY_DECAY less
  'appOpensYesterday', // app launches on D-1
  'appOpensWeek', // mean daily app launches over D-7..D-1
  'remindersRecent', // reminders of this habit tapped lately, halving each day (yesterday counts 1)
  'hourSin', // typical completion hour on a circle (length = how regular)
  'hourCos',
  'recentScore', // Loop-style exponentially weighted completion rate (half-life 13 days)
] as const;

/** Number of inputs (the default network's first layer). */
export const NUM_FEATURES = FEATURE_NAMES.length;

/** Loop-style daily multiplier: a day's weight halves in 13 days. */
export const SCORE_DECAY = Math.pow(0.5, 1 / 13);
/** Weekly decay of the weekday rate: a week's weight halves in 12 weeks (rhythms change, slowly). */
export const WEEKDAY_DECAY = Math.pow(0.5, 1 / 12);
/** Daily decay of recent reminder taps: a tap's pull halves every day. */
export const REMINDER_DECAY = 0.5;
/** Daily decay of the completion-hour circle (half-life 30 days). */
export const HOUR_DECAY = Math.pow(0.5, 1 / 30);

/** The running state a day's features are read from (filled by dataset.ts, one pass). */
export interface FeatureState {
  streak: number;
  done30: number; // completions among the last min(30, age) days
  days30: number;
  yesterday: number;
  doneWeekday: number; // decayed completions and decayed count of past days with D's weekday
  daysWeekday: number;
  opensYesterday: number;
  opensWeek: number; // launches over the last 7 days
  remindersRecent: number; // taps decayed by REMINDER_DECAY per day
  hourS: number; // decayed sums of sin/cos of completion times and their weight
  hourC: number;
  hourW: number;
  scoreA: number; // decayed completions and decayed day count
  scoreB: number;
}

/** A state with no history (the creation day). */
export function emptyFeatureState(): FeatureState {
  return {
    streak: 0,
    done30: 0,
    days30: 0,
    yesterday: 0,
    doneWeekday: 0,
    daysWeekday: 0,
    opensYesterday: 0,
    opensWeek: 0,
    remindersRecent: 0,
    hourS: 0,
    hourC: 0,
    hourW: 0,
    scoreA: 0,
    scoreB: 0,
  };
}

const LOG31 = Math.log(31);
const LOG9 = Math.log(9);
const LOG4 = Math.log(4);

function squash(v: number, logMax: number): number {
  const r = Math.log1p(v) / logMax;
  return r > 1 ? 1 : r;
}

/** Smoothed exponential completion rate: what `recentScore` and the Loop baseline show. */
export function smoothedScore(a: number, b: number): number {
  return (a + 1) / (b + 2);
}

/** Writes the normalised vector of `s` into out[at .. at+NUM_FEATURES). */
export function writeFeatures(s: FeatureState, out: Float32Array, at: number): void {
  out[at] = squash(s.streak, LOG31);
  out[at + 1] = (s.done30 + 0.5) / (s.days30 + 1);
  out[at + 2] = s.yesterday;
  out[at + 3] = (s.doneWeekday + 1) / (s.daysWeekday + 2);
  out[at + 4] = squash(s.opensYesterday, LOG9);
  out[at + 5] = squash(s.opensWeek / 7, LOG9);
  out[at + 6] = squash(s.remindersRecent, LOG4);
  // Mean resultant of past completion times: direction = usual hour, length = regularity.
  const w = s.hourW > 1e-9 ? s.hourW : 1;
  out[at + 7] = s.hourS / w;
  out[at + 8] = s.hourC / w;
  out[at + 9] = smoothedScore(s.scoreA, s.scoreB);
}

/** Neutral value per feature: what "no information" looks like (used to explain a prediction). */
export const NEUTRAL_FEATURES: readonly number[] = [0, 0.5, 0.5, 0.5, squash(1, LOG9), squash(1, LOG9), 0, 0, 0, 0.5];
