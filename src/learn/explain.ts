// Plain-word reasons for a prediction: leave-one-feature-out against a neutral value. A feature's
// effect is p(x) - p(x with that feature neutral), so a positive effect pushed the probability up.
import type { Reason } from './types.ts';
import type { MixName } from './baselines.ts';
import type { Mlp } from './nn/mlp.ts';
import { predictProba } from './nn/mlp.ts';
import { NEUTRAL_FEATURES, NUM_FEATURES } from './features.ts';
import { OPENS_BEFORE, type HabitSamples } from './dataset.ts';
import { weekdayOf, addDays } from './time.ts';

const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/** Feature groups explained together (the hour circle is one idea). */
const GROUPS: { feature: string; idx: number[] }[] = [
  { feature: 'streak', idx: [0] },
  { feature: 'rate30', idx: [1] },
  { feature: 'yesterday', idx: [2] },
  { feature: 'weekdayRate', idx: [3] },
  { feature: 'appOpensYesterday', idx: [4] },
  { feature: 'appOpensWeek', idx: [5] },
  { feature: 'remindersRecent', idx: [6] },
  { feature: 'hour', idx: [7, 8] },
  { feature: 'recentScore', idx: [9] },
];

function countBack(y: ArrayLike<number>, n: number, days: number, step = 1): { done: number; of: number } {
  let done = 0,
    of = 0;
  for (let i = n - step; i >= 0 && of < days; i -= step) {
    done += y[i] > 0.5 ? 1 : 0;
    of++;
  }
  return { done, of };
}

function streakOf(y: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = n - 1; i >= 0 && y[i] > 0.5; i--) s++;
  return s;
}

/** The plain-words description of one feature group for today. */
export function describe(feature: string, s: HabitSamples, today: string): string {
  const x = s.xToday;
  switch (feature) {
    case 'streak': {
      const k = streakOf(s.y, s.n);
      return k > 0 ? `${k}-day streak` : 'no current streak';
    }
    case 'rate30': {
      const c = countBack(s.y, s.n, 30);
      return `done ${c.done} of the last ${c.of} days`;
    }
    case 'yesterday':
      return s.n > 0 && s.y[s.n - 1] > 0.5 ? 'done yesterday' : 'not done yesterday';
    case 'afterYesterday': {
      if (s.n === 0) return 'no days yet';
      const was = s.y[s.n - 1] > 0.5;
      let done = 0,
        of = 0;
      for (let i = 1; i < s.n; i++)
        if (s.y[i - 1] > 0.5 === was) {
          of++;
          done += s.y[i] > 0.5 ? 1 : 0;
        }
      return `${was ? 'done' : 'not done'} yesterday; after such a day, done ${done} of ${of} times`;
    }
    case 'weekdayRate': {
      const c = countBack(s.y, s.n, 8, 7); // same weekday as today: index n-7, n-14, ...
      const name = WEEKDAYS[weekdayOf(today)];
      return c.of === 0
        ? `first ${name.slice(0, -1)}`
        : c.done * 2 >= c.of
          ? `you usually do this on ${name} (${c.done} of the last ${c.of})`
          : `you rarely do this on ${name} (${c.done} of the last ${c.of})`;
    }
    // Counts, not the inputs: those are capped and decayed, and would misstate what happened.
    case 'appOpensYesterday': {
      const k = s.opens[s.n + OPENS_BEFORE - 1];
      return `opened the app ${k} time${k === 1 ? '' : 's'} yesterday`;
    }
    case 'appOpensWeek': {
      let sum = 0;
      for (let i = s.n + OPENS_BEFORE - 7; i < s.n + OPENS_BEFORE; i++) sum += s.opens[i];
      return `opened the app about ${(sum / 7).toFixed(1)} times a day last week`;
    }
    case 'remindersRecent': {
      let ago = 1;
      while (ago <= 7 && ago <= s.n && s.taps[s.n - ago] === 0) ago++;
      return ago > 7 || ago > s.n
        ? 'no reminder tapped lately'
        : ago === 1
          ? 'you tapped its reminder yesterday'
          : `you tapped its reminder ${ago} days ago`;
    }
    case 'hour': {
      // No completion time yet (or none regular): the circle's mean is near its centre and has no direction.
      if (Math.hypot(x[7], x[8]) < 0.05) return 'no usual time of day yet';
      const a = Math.atan2(x[7], x[8]);
      const min = Math.round(((((a / (2 * Math.PI)) * 1440) % 1440) + 1440) % 1440);
      return `you usually do it around ${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    }
    case 'recentScore':
      return `recent score ${Math.round(x[9] * 100)}%`;
    default:
      return `done ${s.completed} of ${s.n} days since ${addDays(today, -s.n)}`;
  }
}

/** The two or three feature groups that moved the network's probability most, signed. */
export function explainModel(net: Mlp, s: HabitSamples, today: string, max = 3): Reason[] {
  const x = Float32Array.from(s.xToday);
  const p = predictProba(net, x);
  const out: Reason[] = [];
  for (const g of GROUPS) {
    const saved = g.idx.map((i) => x[i]);
    for (const i of g.idx) x[i] = NEUTRAL_FEATURES[i];
    const effect = p - predictProba(net, x);
    g.idx.forEach((i, k) => (x[i] = saved[k]));
    out.push({ feature: g.feature, text: describe(g.feature, s, today), effect });
  }
  return out
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .filter((r, k) => k < 2 || (k < max && Math.abs(r.effect) >= 0.01))
    .slice(0, max);
}

/** Reasons for a prior or baseline probability: the counts it was computed from. */
export function explainCounts(kind: MixName, s: HabitSamples, today: string, p: number): Reason[] {
  const feature =
    kind === 'weekday' ? 'weekdayRate' : kind === 'score' ? 'rate30' : kind === 'momentum' ? 'afterYesterday' : 'total';
  return [{ feature, text: describe(feature, s, today), effect: p - 0.5 }];
}

/** Sanity guard: the explanation assumes this many inputs. */
export const EXPLAINED_FEATURES = NUM_FEATURES;
