// The labelled days kept with the learner: each day's features and outcome (the network's training
// window), and what the stages had predicted for it that morning (the record the Insights chart and the
// run metrics read). A night's run then needs no history beyond the days added since the last one.
import { NUM_FEATURES } from './features.ts';

/** Up to `cap` labelled days, oldest first. */
export interface SampleWindow {
  cap: number;
  count: number;
  X: Float32Array;
  y: Float32Array;
  day: Int32Array;
  base: Float32Array;
  /** The learned model's linear log-odds that day: the offset its network learns to correct. */
  linear: Float32Array;
  /** The learned model's probability that day (the linear part with the network's correction, as far as it pays). */
  learned: Float32Array;
  shown: Float32Array;
  /** The network's share of the weight behind the shown probability. */
  share: Float32Array;
}

/** One labelled day as the window stores it. */
export interface WindowRow {
  x: ArrayLike<number>;
  y: number;
  day: number;
  base: number;
  linear: number;
  learned: number;
  shown: number;
  share: number;
}

const COLUMNS = ['y', 'base', 'linear', 'learned', 'shown', 'share'] as const;

/** An empty window holding at most `cap` days. */
export function newWindow(cap: number): SampleWindow {
  return {
    cap,
    count: 0,
    X: new Float32Array(cap * NUM_FEATURES),
    y: new Float32Array(cap),
    day: new Int32Array(cap),
    base: new Float32Array(cap),
    linear: new Float32Array(cap),
    learned: new Float32Array(cap),
    shown: new Float32Array(cap),
    share: new Float32Array(cap),
  };
}

/** Appends one day (dropping the oldest when full). */
export function pushRow(w: SampleWindow, row: WindowRow): void {
  const F = NUM_FEATURES;
  if (w.count === w.cap) {
    w.X.copyWithin(0, F);
    w.day.copyWithin(0, 1);
    for (const c of COLUMNS) w[c].copyWithin(0, 1);
    w.count--;
  }
  const at = w.count;
  for (let i = 0; i < F; i++) w.X[at * F + i] = row.x[i];
  w.day[at] = row.day;
  for (const c of COLUMNS) w[c][at] = row[c];
  w.count++;
}

/** Training weights that halve every `halfLife` days of age before day number `today`, with mean 1. */
export function recencyWeights(w: SampleWindow, today: number, halfLife: number): Float32Array {
  const out = new Float32Array(w.count);
  let sum = 0;
  for (let i = 0; i < w.count; i++) {
    out[i] = 0.5 ** ((today - 1 - w.day[i]) / halfLife);
    sum += out[i];
  }
  const scale = sum > 0 ? w.count / sum : 1;
  for (let i = 0; i < w.count; i++) out[i] *= scale;
  return out;
}

/** The linear part's log-odds of every day: the offsets the network learns to correct. */
export function linearLogits(w: SampleWindow): Float32Array {
  return w.linear.subarray(0, w.count);
}

/** A deep copy. */
export function cloneWindow(w: SampleWindow): SampleWindow {
  return {
    cap: w.cap,
    count: w.count,
    X: w.X.slice(),
    y: w.y.slice(),
    day: w.day.slice(),
    base: w.base.slice(),
    linear: w.linear.slice(),
    learned: w.learned.slice(),
    shown: w.shown.slice(),
    share: w.share.slice(),
  };
}
