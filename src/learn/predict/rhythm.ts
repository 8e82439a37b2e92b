// The weekly rhythm with change points: Bayesian online change-point detection (Adams & MacKay, 2007)
// over a per-weekday rate. Each hypothesis says "the current rhythm started on day s" and counts the
// completions per weekday since s; the hypotheses are weighed by how well they predicted every day since.
// When a person's rhythm changes (weekdays to weekends, training days moved, a holiday), the hypotheses
// that start after the change win within days, so the rate follows the new rhythm without forgetting a
// stable one.
import { logEvidence } from './beta.ts';

/** Settings of the rhythm model. */
export interface RhythmConfig {
  /** Prior probability that the rhythm changes on any given day (1/100: about one change in 100 days). */
  hazard: number;
  /** Pseudo-days pulling each weekday's rate towards the segment's overall rate. */
  shrink: number;
  /** Hypotheses kept (the least likely are dropped beyond this). */
  maxSegments: number;
}

/**
 * The hypotheses, as plain arrays (stored in checkpoints). counts[h] = completions per weekday, then days per
 * weekday.
 */
export interface RhythmState {
  start: number[];
  weight: number[];
  counts: number[][];
  /** The person's two usual levels: decayed completions and days on "on" weekdays, then on "off" weekdays. */
  levels: number[];
}

/** Weights below this are dropped: they cannot win back within a realistic history. */
const MIN_WEIGHT = 1e-7;

/** One hypothesis: the rhythm starts on day number `first`, nothing counted yet. */
export function newRhythm(first: number): RhythmState {
  return { start: [first], weight: [1], counts: [new Array(14).fill(0)], levels: [0, 0, 0, 0] };
}

const LEVEL_DECAY = 0.5 ** (1 / 180);
const PRIOR_ON = 0.4;
const PRIOR_OFF = 0.4;
const PRIOR_FREE = 0.2;

/** A weekday's rate from d completions of n days: one of the two usual levels, or its own (Beta) rate. */
function levelP(d: number, n: number, mean: number, shrink: number, levels: readonly number[]): number {
  const on = (levels[0] + 1) / (levels[1] + 2);
  const off = (levels[2] + 1) / (levels[3] + 2);
  const a = shrink * mean;
  const b = shrink * (1 - mean);
  const lOn = Math.log(PRIOR_ON) + d * Math.log(on) + (n - d) * Math.log(1 - on);
  const lOff = Math.log(PRIOR_OFF) + d * Math.log(off) + (n - d) * Math.log(1 - off);
  const lFree = Math.log(PRIOR_FREE) + logEvidence(d, n, a, b);
  const m = Math.max(lOn, lOff, lFree);
  const wOn = Math.exp(lOn - m);
  const wOff = Math.exp(lOff - m);
  const wFree = Math.exp(lFree - m);
  return (wOn * on + wOff * off + (wFree * (d + a)) / (n + a + b)) / (wOn + wOff + wFree);
}

/** A hypothesis' probability for a day with weekday `wd` (0 = Sunday). */
function segmentP(c: readonly number[], wd: number, cfg: RhythmConfig, levels: readonly number[]): number {
  let done = 0;
  let days = 0;
  for (let k = 0; k < 7; k++) {
    done += c[k];
    days += c[7 + k];
  }
  return levelP(c[wd], c[7 + wd], (done + 1) / (days + 2), cfg.shrink, levels);
}

/** The rhythm's probability for the next day, whose weekday is `wd`. */
export function rhythmP(s: RhythmState, wd: number, cfg: RhythmConfig): number {
  let p = 0;
  for (let h = 0; h < s.start.length; h++) p += s.weight[h] * segmentP(s.counts[h], wd, cfg, s.levels);
  return p;
}

/** The start day number of the most likely current rhythm. */
export function rhythmSince(s: RhythmState): number {
  let best = 0;
  for (let h = 1; h < s.start.length; h++) if (s.weight[h] > s.weight[best]) best = h;
  return s.start[best];
}

/** Folds day number `day` (weekday `wd`, label y) into the hypotheses, in place. */
export function updateRhythm(s: RhythmState, day: number, wd: number, y: number, cfg: RhythmConfig): void {
  updateLevels(s, wd, y);
  let z = 0;
  for (let h = 0; h < s.start.length; h++) {
    const p = segmentP(s.counts[h], wd, cfg, s.levels);
    s.weight[h] *= y ? p : 1 - p;
    z += s.weight[h];
    s.counts[h][wd] += y;
    s.counts[h][7 + wd] += 1;
  }
  const keep = z > 0 ? (1 - cfg.hazard) / z : 0;
  for (let h = 0; h < s.start.length; h++) s.weight[h] *= keep;
  s.start.push(day + 1);
  s.weight.push(z > 0 ? cfg.hazard : 1);
  s.counts.push(new Array(14).fill(0));
  prune(s, cfg.maxSegments);
}

/** Counts the day towards the "on" or "off" level, as the most likely rhythm classes its weekday. */
function updateLevels(s: RhythmState, wd: number, y: number): void {
  let best = 0;
  for (let h = 1; h < s.start.length; h++) if (s.weight[h] > s.weight[best]) best = h;
  const c = s.counts[best];
  let done = 0;
  let days = 0;
  for (let k = 0; k < 7; k++) {
    done += c[k];
    days += c[7 + k];
  }
  const on = (c[wd] + 1) / (c[7 + wd] + 2) >= (done + 1) / (days + 2);
  const L = s.levels;
  for (let k = 0; k < 4; k++) L[k] *= LEVEL_DECAY;
  L[on ? 0 : 2] += y;
  L[on ? 1 : 3] += 1;
}

/** Drops negligible hypotheses and all but the `max` most likely, then renormalises. */
function prune(s: RhythmState, max: number): void {
  let idx = s.weight.map((_, h) => h).filter((h) => s.weight[h] >= MIN_WEIGHT);
  if (idx.length > max)
    idx = idx
      .sort((a, b) => s.weight[b] - s.weight[a])
      .slice(0, max)
      .sort((a, b) => a - b);
  if (idx.length === s.weight.length) {
    normalise(s);
    return;
  }
  s.start = idx.map((h) => s.start[h]);
  s.weight = idx.map((h) => s.weight[h]);
  s.counts = idx.map((h) => s.counts[h]);
  normalise(s);
}

function normalise(s: RhythmState): void {
  let z = 0;
  for (const w of s.weight) z += w;
  for (let h = 0; h < s.weight.length; h++) s.weight[h] /= z;
}

/** A deep copy (the state is updated in place). */
export function cloneRhythm(s: RhythmState): RhythmState {
  return {
    start: s.start.slice(),
    weight: s.weight.slice(),
    counts: s.counts.map((c) => c.slice()),
    levels: s.levels.slice(),
  };
}
