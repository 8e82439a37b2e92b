// Mini-batch forward and backward passes. Activations are stored feature-major ("transposed":
// row i holds feature i for every sample of the batch), so the inner loops of mlp-blas.ts run over
// the batch: long, branch-free, cache-friendly loops instead of many 8-16 long ones. The workspace
// holds packed arrays of doubles, the weights included (a copy taken before each forward pass),
// because typed-array accesses cost more in optimised code (mlp-blas.ts says why).
import type { Mlp } from './mlp.ts';
import { backRelu, gradWeights, matMulRows } from './blas.ts';

/** Preallocated buffers for one network shape and batch capacity; reused across batches. */
export interface Workspace {
  /** Batch capacity (row stride of every buffer). */
  cap: number;
  /** act[l]: layer l's output for the batch (act[0] = inputs, last = logits), layers[l] x cap. */
  act: number[][];
  /** delta[l]: d loss / d pre-activation of layer l+1, layers[l+1] x cap. */
  delta: number[][];
  /** Gradients in the network's layout. */
  gW: number[][];
  gB: number[][];
  /** The network's weights as doubles (exactly its float32 values), copied by forwardBatch. */
  w: number[][];
  /** Per-sample labels, loss weights and logit offsets of the current batch. */
  yb: number[];
  wb: number[];
  ob: number[];
}

/**
 * n zeros in an array V8 stores as packed unboxed doubles (PACKED_DOUBLE_ELEMENTS; JavaScriptCore
 * and SpiderMonkey likewise keep it dense): a double is pushed first so the array never holds
 * small integers or holes, which would make the kernels' loads polymorphic.
 */
export function doubles(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0.5);
  return a.fill(0);
}

/** Allocates a workspace for `layers` and batches of up to `cap` samples. */
export function createWorkspace(layers: readonly number[], cap: number): Workspace {
  const L = layers.length - 1;
  const act: number[][] = [];
  for (let l = 0; l <= L; l++) act.push(doubles(layers[l] * cap));
  const delta: number[][] = [];
  const gW: number[][] = [];
  const gB: number[][] = [];
  const w: number[][] = [];
  for (let l = 0; l < L; l++) {
    delta.push(doubles(layers[l + 1] * cap));
    gW.push(doubles(layers[l + 1] * layers[l]));
    gB.push(doubles(layers[l + 1]));
    w.push(doubles(layers[l + 1] * layers[l]));
  }
  return { cap, act, delta, gW, gB, w, yb: doubles(cap), wb: doubles(cap), ob: doubles(cap) };
}

const workspaces = new WeakMap<Mlp, Workspace>();

/** The cached workspace of a network, (re)allocated only when the batch capacity grows. */
export function workspaceFor(net: Mlp, cap: number): Workspace {
  let ws = workspaces.get(net);
  if (!ws || ws.cap < cap || ws.act[0].length !== net.layers[0] * ws.cap) {
    ws = createWorkspace(net.layers, cap);
    workspaces.set(net, ws);
  }
  return ws;
}

/** The training samples: n rows of inputs, their labels, and optionally loss weights and logit offsets. */
export interface Samples {
  X: Float32Array;
  y: Float32Array;
  n: number;
  weights?: Float32Array;
  offsets?: Float32Array;
}

/** Copies the batch's samples (rows picked by order[start..start+bs)) into the workspace, transposed. */
export function gatherBatch(ws: Workspace, d: Samples, order: Int32Array, start: number, bs: number): void {
  const a0 = ws.act[0];
  const cap = ws.cap;
  const nin = ws.act[0].length / cap;
  const { X, y, weights: sw, offsets: so } = d;
  const yb = ws.yb;
  const wb = ws.wb;
  const ob = ws.ob;
  for (let s = 0; s < bs; s++) {
    const r = order[start + s];
    const xo = r * nin;
    for (let i = 0, ai = s; i < nin; i++, ai += cap) a0[ai] = X[xo + i];
    yb[s] = y[r];
    wb[s] = sw === undefined ? 1 : sw[r];
    ob[s] = so === undefined ? 0 : so[r];
  }
}

/** Runs every layer over the gathered batch (logits in the last act row), after copying the weights into ws.w. */
export function forwardBatch(net: Mlp, ws: Workspace, bs: number): void {
  const layers = net.layers;
  const last = layers.length - 2;
  const cap = ws.cap;
  for (let l = 0; l <= last; l++) copyInto(net.weights[l], ws.w[l]);
  for (let l = 0; l <= last; l++) {
    const nin = layers[l];
    const nout = layers[l + 1];
    matMulRows(ws.w[l], ws.act[l], ws.act[l + 1], net.biases[l], { rows: nout, inner: nin, bs, cap, relu: l !== last });
  }
}

function copyInto(src: Float32Array, dst: number[]): void {
  for (let k = 0; k < src.length; k++) dst[k] = src[k];
}

/**
 * Weighted mean BCE of the batch (each logit plus its sample's offset); writes d loss / d logit into the last
 * delta row and its sum
 * (the output bias gradient) into the last gB. Returns NaN on a zero weight sum.
 */
export function lossAndOutputDelta(ws: Workspace, bs: number): number {
  const z = ws.act[ws.act.length - 1];
  const d = ws.delta[ws.delta.length - 1];
  const yb = ws.yb;
  const wb = ws.wb;
  const ob = ws.ob;
  let wsum = 0;
  for (let s = 0; s < bs; s++) wsum += wb[s];
  const inv = 1 / wsum;
  let loss = 0;
  let dsum = 0;
  for (let s = 0; s < bs; s++) {
    // One exp serves both the softplus-form BCE and the stable sigmoid.
    const zs = z[s] + ob[s];
    const ys = yb[s];
    const ws_ = wb[s] * inv;
    const e = Math.exp(-Math.abs(zs));
    const p = zs >= 0 ? 1 / (1 + e) : e / (1 + e);
    loss += ws_ * (Math.max(zs, 0) - zs * ys + Math.log1p(e));
    const ds = ws_ * (p - ys);
    d[s] = ds;
    dsum += ds;
  }
  ws.gB[ws.gB.length - 1][0] = dsum;
  return wsum > 0 ? loss : NaN;
}

/**
 * Back-propagates the output delta (from lossAndOutputDelta, after forwardBatch on the same weights)
 * into ws.gW / ws.gB; returns the sum of all gradients (non-finite if any is).
 */
export function backwardBatch(net: Mlp, ws: Workspace, bs: number): number {
  const layers = net.layers;
  const cap = ws.cap;
  let check = 0;
  for (let l = layers.length - 2; l >= 0; l--) {
    const nin = layers[l];
    const nout = layers[l + 1];
    const d = { rows: nout, inner: nin, bs, cap };
    gradWeights(ws.delta[l], ws.act[l], ws.gW[l], d);
    if (l > 0) {
      backRelu(
        ws.w[l],
        ws.delta[l],
        ws.act[l],
        { out: ws.delta[l - 1], gB: ws.gB[l - 1] },
        { rows: nin, inner: nout, bs, cap },
      );
    }
    check += sumOf(ws.gW[l]) + sumOf(ws.gB[l]);
  }
  return check;
}

/** Sum with four partial sums (one chain would make it latency-bound); only its finiteness matters. */
function sumOf(a: number[]): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let k = 0;
  for (; k + 3 < a.length; k += 4) {
    s0 += a[k];
    s1 += a[k + 1];
    s2 += a[k + 2];
    s3 += a[k + 3];
  }
  for (; k < a.length; k++) s0 += a[k];
  return s0 + s1 + (s2 + s3);
}
