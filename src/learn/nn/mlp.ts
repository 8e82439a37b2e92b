// The network: a small fully connected MLP stored as Float32Array layers, ReLU hidden layers and a
// single sigmoid output. Training kernels live in mlp-kernels.ts; this module owns shape, init and
// single-sample prediction.
import { gaussian, mulberry32 } from '../rng.ts';
import { sigmoid } from './loss.ts';

/** A network: layer sizes (input first) and, per layer, weights (out x in, row-major) and biases. */
export interface Mlp {
  layers: number[];
  weights: Float32Array[];
  biases: Float32Array[];
}

/** The default architecture: 10 inputs -> 16 -> 8 -> 1. */
export const DEFAULT_LAYERS: readonly number[] = [10, 16, 8, 1];

/** Throws a clear Error unless `layers` is a usable architecture (>= 2 positive integer sizes, 1 output). */
export function assertLayers(layers: readonly number[], where = 'layers'): void {
  if (!Array.isArray(layers) || layers.length < 2)
    throw new Error(`${where}: expected at least two layer sizes (inputs and output), got ${JSON.stringify(layers)}`);
  for (let i = 0; i < layers.length; i++) {
    const s = layers[i];
    if (!Number.isInteger(s) || s < 1 || s > 4096)
      throw new Error(`${where}[${i}]: expected an integer size in 1..4096, got ${JSON.stringify(s)}`);
  }
  if (layers[layers.length - 1] !== 1)
    throw new Error(`${where}: the output layer must have size 1 (one probability), got ${layers[layers.length - 1]}`);
}

/** A fresh network: He-normal weights for ReLU layers, LeCun-normal for the sigmoid output, zero biases; seeded. */
export function createMlp(layers: number[], seed: number): Mlp {
  assertLayers(layers);
  const rand = mulberry32(seed);
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  const last = layers.length - 2;
  for (let l = 0; l <= last; l++) {
    const nin = layers[l];
    const nout = layers[l + 1];
    const std = Math.sqrt((l === last ? 1 : 2) / nin);
    const w = new Float32Array(nout * nin);
    for (let k = 0; k < w.length; k++) w[k] = gaussian(rand) * std;
    weights.push(w);
    biases.push(new Float32Array(nout));
  }
  return { layers: layers.slice(), weights, biases };
}

/** A deep copy: training the copy never touches the original. */
export function cloneMlp(net: Mlp): Mlp {
  return {
    layers: net.layers.slice(),
    weights: net.weights.map((w) => w.slice()),
    biases: net.biases.map((b) => b.slice()),
  };
}

/** True when every weight and bias is a finite number. */
export function isFiniteNet(net: Mlp): boolean {
  return allFinite(net.weights) && allFinite(net.biases);
}

/** True when every entry of every array is finite. */
export function allFinite(arrays: ArrayLike<number>[]): boolean {
  for (const a of arrays) {
    for (let k = 0; k < a.length; k++) if (!Number.isFinite(a[k])) return false;
  }
  return true;
}

// Per-net activation scratch (one Float64Array per layer), so prediction allocates nothing.
const scratchByNet = new WeakMap<Mlp, Float64Array[]>();
let lastNet: Mlp | null = null;
let lastScratch: Float64Array[] = [];

function scratchFor(net: Mlp): Float64Array[] {
  if (net === lastNet) return lastScratch;
  let s = scratchByNet.get(net);
  if (!s) {
    s = net.layers.map((n) => new Float64Array(n));
    scratchByNet.set(net, s);
  }
  lastNet = net;
  lastScratch = s;
  return s;
}

/** ReLU without a branch (signs are unpredictable): exact, since v + |v| is 2v or 0. */
export function relu(v: number): number {
  return 0.5 * (v + Math.abs(v));
}

/**
 * One dense layer for one sample: out = W inp + b, ReLU unless it is the output layer.
 * Two rows at a time, two partial sums each: four independent add chains share every input load.
 */
function denseOne(w: Float32Array, b: Float32Array, inp: Float64Array, out: Float64Array, act: boolean): void {
  const nin = inp.length;
  const nout = out.length;
  let o = 0;
  for (; o + 1 < nout; o += 2) {
    const w0 = o * nin;
    const w1 = w0 + nin;
    let s0 = b[o],
      t0 = 0,
      s1 = b[o + 1],
      t1 = 0;
    let i = 0;
    for (; i + 1 < nin; i += 2) {
      const x0 = inp[i];
      const x1 = inp[i + 1];
      s0 += w[w0 + i] * x0;
      t0 += w[w0 + i + 1] * x1;
      s1 += w[w1 + i] * x0;
      t1 += w[w1 + i + 1] * x1;
    }
    if (i < nin) {
      s0 += w[w0 + i] * inp[i];
      s1 += w[w1 + i] * inp[i];
    }
    out[o] = act ? relu(s0 + t0) : s0 + t0;
    out[o + 1] = act ? relu(s1 + t1) : s1 + t1;
  }
  if (o < nout) {
    const w0 = o * nin;
    let s0 = b[o],
      t0 = 0;
    let i = 0;
    for (; i + 1 < nin; i += 2) {
      s0 += w[w0 + i] * inp[i];
      t0 += w[w0 + i + 1] * inp[i + 1];
    }
    if (i < nin) s0 += w[w0 + i] * inp[i];
    out[o] = act ? relu(s0 + t0) : s0 + t0;
  }
}

/** The output logit for one sample read from x[offset .. offset + inputs). Allocates nothing. */
export function predictLogit(net: Mlp, x: ArrayLike<number>, offset = 0): number {
  const a = scratchFor(net);
  const layers = net.layers;
  const a0 = a[0];
  for (let i = 0; i < layers[0]; i++) a0[i] = x[offset + i];
  const last = layers.length - 2;
  for (let l = 0; l <= last; l++) denseOne(net.weights[l], net.biases[l], a[l], a[l + 1], l !== last);
  return a[last + 1][0];
}

/** The predicted probability, sigmoid(logit), for one sample. Allocates nothing. */
export function predictProba(net: Mlp, x: ArrayLike<number>, offset = 0): number {
  return sigmoid(predictLogit(net, x, offset));
}
