// Mini-batch forward and backward kernels. Activations are stored feature-major ("transposed":
// row i holds feature i for every sample of the batch), so every inner loop runs over the batch
// with a hoisted weight: long, branch-free, cache-friendly loops instead of many 8-16 long ones.
import type { Mlp } from './mlp.ts';
import { bceFromLogit, sigmoid } from './loss.ts';

/** Preallocated buffers for one network shape and batch capacity; reused across batches. */
export interface Workspace {
  /** Batch capacity (row stride of every buffer). */
  cap: number;
  /** act[l]: layer l's output for the batch (act[0] = inputs, last = logits), layers[l] x cap. */
  act: Float64Array[];
  /** delta[l]: d loss / d pre-activation of layer l+1, layers[l+1] x cap. */
  delta: Float64Array[];
  /** Gradients in the network's layout. */
  gW: Float64Array[];
  gB: Float64Array[];
  /** Per-sample labels and loss weights of the current batch. */
  yb: Float64Array;
  wb: Float64Array;
}

/** Allocates a workspace for `layers` and batches of up to `cap` samples. */
export function createWorkspace(layers: readonly number[], cap: number): Workspace {
  const L = layers.length - 1;
  const act: Float64Array[] = [];
  for (let l = 0; l <= L; l++) act.push(new Float64Array(layers[l] * cap));
  const delta: Float64Array[] = [];
  const gW: Float64Array[] = [];
  const gB: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    delta.push(new Float64Array(layers[l + 1] * cap));
    gW.push(new Float64Array(layers[l + 1] * layers[l]));
    gB.push(new Float64Array(layers[l + 1]));
  }
  return { cap, act, delta, gW, gB, yb: new Float64Array(cap), wb: new Float64Array(cap) };
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

/** Copies the batch's samples (rows of X picked by order[start..start+bs)) into the workspace, transposed. */
export function gatherBatch(ws: Workspace, X: Float32Array, y: Float32Array, sw: Float32Array | undefined, nin: number, order: Int32Array, start: number, bs: number): void {
  const a0 = ws.act[0];
  const cap = ws.cap;
  const yb = ws.yb;
  const wb = ws.wb;
  for (let s = 0; s < bs; s++) {
    const r = order[start + s];
    const xo = r * nin;
    for (let i = 0, ai = s; i < nin; i++, ai += cap) a0[ai] = X[xo + i];
    yb[s] = y[r];
    wb[s] = sw === undefined ? 1 : sw[r];
  }
}

/** out = W inp + b for bs samples (feature-major), then ReLU when `relu`. */
export function denseForward(w: Float32Array, b: Float32Array, inp: Float64Array, out: Float64Array, nin: number, nout: number, bs: number, cap: number, relu: boolean): void {
  for (let o = 0; o < nout; o++) {
    const ob = o * cap;
    const wo = o * nin;
    const bo = b[o];
    for (let s = 0; s < bs; s++) out[ob + s] = bo;
    let i = 0;
    // Two input rows per pass halve the loads and stores of the output row.
    for (; i + 1 < nin; i += 2) {
      const w0 = w[wo + i];
      const w1 = w[wo + i + 1];
      const i0 = i * cap;
      const i1 = i0 + cap;
      for (let s = 0; s < bs; s++) out[ob + s] += w0 * inp[i0 + s] + w1 * inp[i1 + s];
    }
    if (i < nin) {
      const w0 = w[wo + i];
      const i0 = i * cap;
      for (let s = 0; s < bs; s++) out[ob + s] += w0 * inp[i0 + s];
    }
    if (relu) for (let s = 0; s < bs; s++) if (out[ob + s] < 0) out[ob + s] = 0;
  }
}

/** Runs every layer over the gathered batch; the logits end up in the last act row. */
export function forwardBatch(net: Mlp, ws: Workspace, bs: number): void {
  const layers = net.layers;
  const last = layers.length - 2;
  for (let l = 0; l <= last; l++) denseForward(net.weights[l], net.biases[l], ws.act[l], ws.act[l + 1], layers[l], layers[l + 1], bs, ws.cap, l !== last);
}

/** Weighted mean BCE of the batch; writes d loss / d logit into the last delta row. Returns NaN on a zero weight sum. */
export function lossAndOutputDelta(ws: Workspace, bs: number): number {
  const z = ws.act[ws.act.length - 1];
  const d = ws.delta[ws.delta.length - 1];
  const yb = ws.yb;
  const wb = ws.wb;
  let wsum = 0;
  for (let s = 0; s < bs; s++) wsum += wb[s];
  const inv = 1 / wsum;
  let loss = 0;
  for (let s = 0; s < bs; s++) {
    const zs = z[s];
    const ws_ = wb[s] * inv;
    loss += ws_ * bceFromLogit(zs, yb[s]);
    d[s] = ws_ * (sigmoid(zs) - yb[s]);
  }
  return wsum > 0 ? loss : NaN;
}

/** gW = delta * prevᵀ, gB = row sums of delta, for one layer. */
export function denseGrad(delta: Float64Array, prev: Float64Array, gW: Float64Array, gB: Float64Array, nin: number, nout: number, bs: number, cap: number): void {
  for (let o = 0; o < nout; o++) {
    const ob = o * cap;
    let sb = 0;
    for (let s = 0; s < bs; s++) sb += delta[ob + s];
    gB[o] = sb;
    const wo = o * nin;
    for (let i = 0; i < nin; i++) {
      const ib = i * cap;
      let acc = 0;
      for (let s = 0; s < bs; s++) acc += delta[ob + s] * prev[ib + s];
      gW[wo + i] = acc;
    }
  }
}

/** dPrev = Wᵀ delta, masked by the ReLU of the previous layer (prev > 0). */
export function denseBackprop(w: Float32Array, delta: Float64Array, prev: Float64Array, dPrev: Float64Array, nin: number, nout: number, bs: number, cap: number): void {
  for (let i = 0; i < nin; i++) {
    const ib = i * cap;
    for (let s = 0; s < bs; s++) dPrev[ib + s] = 0;
    for (let o = 0; o < nout; o++) {
      const wi = w[o * nin + i];
      const ob = o * cap;
      for (let s = 0; s < bs; s++) dPrev[ib + s] += wi * delta[ob + s];
    }
    for (let s = 0; s < bs; s++) if (prev[ib + s] <= 0) dPrev[ib + s] = 0;
  }
}

/** Back-propagates the output delta through every layer into ws.gW / ws.gB; returns the sum of all gradients (non-finite if any is). */
export function backwardBatch(net: Mlp, ws: Workspace, bs: number): number {
  const layers = net.layers;
  const cap = ws.cap;
  let check = 0;
  for (let l = layers.length - 2; l >= 0; l--) {
    const nin = layers[l];
    const nout = layers[l + 1];
    denseGrad(ws.delta[l], ws.act[l], ws.gW[l], ws.gB[l], nin, nout, bs, cap);
    if (l > 0) denseBackprop(net.weights[l], ws.delta[l], ws.act[l], ws.delta[l - 1], nin, nout, bs, cap);
    check += sumOf(ws.gW[l]) + sumOf(ws.gB[l]);
  }
  return check;
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k];
  return s;
}
