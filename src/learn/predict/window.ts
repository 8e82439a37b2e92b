// The network's training window: the features and label of the most recent labelled days, kept with
// the learner so that a night's training reads no history, only the days added since the last run.
import { NUM_FEATURES } from './features.ts';

/** Up to `cap` samples, oldest first: rows of NUM_FEATURES inputs, labels, logit offsets and day numbers. */
export interface SampleWindow {
  cap: number;
  count: number;
  X: Float32Array;
  y: Float32Array;
  offset: Float32Array;
  day: Int32Array;
}

/** An empty window holding at most `cap` samples. */
export function newWindow(cap: number): SampleWindow {
  return {
    cap,
    count: 0,
    X: new Float32Array(cap * NUM_FEATURES),
    y: new Float32Array(cap),
    offset: new Float32Array(cap),
    day: new Int32Array(cap),
  };
}

/** Appends one sample (dropping the oldest when full). */
export function pushSample(
  w: SampleWindow,
  sample: { x: ArrayLike<number>; y: number; offset: number; day: number },
): void {
  const F = NUM_FEATURES;
  if (w.count === w.cap) {
    w.X.copyWithin(0, F);
    w.y.copyWithin(0, 1);
    w.offset.copyWithin(0, 1);
    w.day.copyWithin(0, 1);
    w.count--;
  }
  const at = w.count;
  for (let i = 0; i < F; i++) w.X[at * F + i] = sample.x[i];
  w.y[at] = sample.y;
  w.offset[at] = sample.offset;
  w.day[at] = sample.day;
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

/** A deep copy. */
export function cloneWindow(w: SampleWindow): SampleWindow {
  return { cap: w.cap, count: w.count, X: w.X.slice(), y: w.y.slice(), offset: w.offset.slice(), day: w.day.slice() };
}
