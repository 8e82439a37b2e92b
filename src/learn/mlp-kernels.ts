// Mini-batch forward and backward kernels. Activations are stored feature-major ("transposed":
// row i holds feature i for every sample of the batch), so every inner loop runs over the batch
// with a hoisted weight: long, branch-free, cache-friendly loops instead of many 8-16 long ones.
import type { Mlp } from './mlp.ts';


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
  /** Zero row initialisers for back-propagation (as long as the widest layer). */
  zeros: Float32Array;
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
  return { cap, act, delta, gW, gB, yb: new Float64Array(cap), wb: new Float64Array(cap), zeros: new Float32Array(Math.max(...layers)) };
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

/**
 * out[r][s] = init[r] + sum_k M[r][k] * inp[k][s] for bs samples, where M[r][k] = w[r * rs + k * ks]
 * (rs = nin, ks = 1 reads W; rs = 1, ks = nin reads Wᵀ). Blocks of 2 rows x 2 k reuse every
 * load twice and keep four independent multiply-add streams in flight.
 */
export function matMulRows(w: Float32Array, rs: number, ks: number, inp: Float64Array, out: Float64Array, nr: number, nk: number, bs: number, cap: number, init: Float32Array): void {
  let r = 0;
  for (; r + 1 < nr; r += 2) {
    const o0 = r * cap;
    const o1 = o0 + cap;
    out.fill(init[r], o0, o0 + bs);
    out.fill(init[r + 1], o1, o1 + bs);
    const w0 = r * rs;
    const w1 = w0 + rs;
    let k = 0;
    for (; k + 1 < nk; k += 2) {
      const a = w[w0 + k * ks];
      const b = w[w0 + (k + 1) * ks];
      const c = w[w1 + k * ks];
      const d = w[w1 + (k + 1) * ks];
      const i0 = k * cap;
      const i1 = i0 + cap;
      for (let s = 0; s < bs; s++) {
        const x0 = inp[i0 + s];
        const x1 = inp[i1 + s];
        out[o0 + s] += a * x0 + b * x1;
        out[o1 + s] += c * x0 + d * x1;
      }
    }
    if (k < nk) {
      const a = w[w0 + k * ks];
      const c = w[w1 + k * ks];
      const i0 = k * cap;
      for (let s = 0; s < bs; s++) {
        const x0 = inp[i0 + s];
        out[o0 + s] += a * x0;
        out[o1 + s] += c * x0;
      }
    }
  }
  if (r < nr) {
    const o0 = r * cap;
    out.fill(init[r], o0, o0 + bs);
    const w0 = r * rs;
    let k = 0;
    for (; k + 1 < nk; k += 2) {
      const a = w[w0 + k * ks];
      const b = w[w0 + (k + 1) * ks];
      const i0 = k * cap;
      const i1 = i0 + cap;
      for (let s = 0; s < bs; s++) out[o0 + s] += a * inp[i0 + s] + b * inp[i1 + s];
    }
    if (k < nk) {
      const a = w[w0 + k * ks];
      const i0 = k * cap;
      for (let s = 0; s < bs; s++) out[o0 + s] += a * inp[i0 + s];
    }
  }
}

/** ReLU over the first bs entries of each row; branch-free because the signs are unpredictable. */
export function reluRows(out: Float64Array, nout: number, bs: number, cap: number): void {
  for (let o = 0; o < nout; o++) {
    const ob = o * cap;
    for (let s = ob; s < ob + bs; s++) {
      const v = out[s];
      out[s] = 0.5 * (v + Math.abs(v)); // exact: 2v / 2 or (v - v) / 2
    }
  }
}

/** out = W inp + b for bs samples (feature-major), then ReLU when `relu`. */
export function denseForward(w: Float32Array, b: Float32Array, inp: Float64Array, out: Float64Array, nin: number, nout: number, bs: number, cap: number, relu: boolean): void {
  matMulRows(w, nin, 1, inp, out, nout, nin, bs, cap, b);
  if (relu) reluRows(out, nout, bs, cap);
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
    // One exp serves both the softplus-form BCE and the stable sigmoid.
    const zs = z[s];
    const ys = yb[s];
    const ws_ = wb[s] * inv;
    const e = Math.exp(-Math.abs(zs));
    const p = zs >= 0 ? 1 / (1 + e) : e / (1 + e);
    loss += ws_ * ((zs > 0 ? zs : 0) - zs * ys + Math.log1p(e));
    d[s] = ws_ * (p - ys);
  }
  return wsum > 0 ? loss : NaN;
}

/** gW = delta * prevᵀ, gB = row sums of delta, for one layer; 2 x 2 blocks give four independent sums. */
export function denseGrad(delta: Float64Array, prev: Float64Array, gW: Float64Array, gB: Float64Array, nin: number, nout: number, bs: number, cap: number): void {
  for (let o = 0; o < nout; o++) gB[o] = rowSum(delta, o * cap, bs);
  let o = 0;
  for (; o + 1 < nout; o += 2) {
    const d0 = o * cap;
    const d1 = d0 + cap;
    const g0 = o * nin;
    const g1 = g0 + nin;
    let i = 0;
    for (; i + 1 < nin; i += 2) {
      const p0 = i * cap;
      const p1 = p0 + cap;
      let a00 = 0, a01 = 0, a10 = 0, a11 = 0;
      for (let s = 0; s < bs; s++) {
        const x0 = delta[d0 + s];
        const x1 = delta[d1 + s];
        const y0 = prev[p0 + s];
        const y1 = prev[p1 + s];
        a00 += x0 * y0;
        a01 += x0 * y1;
        a10 += x1 * y0;
        a11 += x1 * y1;
      }
      gW[g0 + i] = a00;
      gW[g0 + i + 1] = a01;
      gW[g1 + i] = a10;
      gW[g1 + i + 1] = a11;
    }
    if (i < nin) {
      const p0 = i * cap;
      let a00 = 0, a10 = 0;
      for (let s = 0; s < bs; s++) {
        const y0 = prev[p0 + s];
        a00 += delta[d0 + s] * y0;
        a10 += delta[d1 + s] * y0;
      }
      gW[g0 + i] = a00;
      gW[g1 + i] = a10;
    }
  }
  if (o < nout) {
    const d0 = o * cap;
    const g0 = o * nin;
    let i = 0;
    for (; i + 1 < nin; i += 2) {
      const p0 = i * cap;
      const p1 = p0 + cap;
      let a0 = 0, a1 = 0;
      for (let s = 0; s < bs; s++) {
        const x0 = delta[d0 + s];
        a0 += x0 * prev[p0 + s];
        a1 += x0 * prev[p1 + s];
      }
      gW[g0 + i] = a0;
      gW[g0 + i + 1] = a1;
    }
    if (i < nin) {
      const p0 = i * cap;
      let a0 = 0;
      for (let s = 0; s < bs; s++) a0 += delta[d0 + s] * prev[p0 + s];
      gW[g0 + i] = a0;
    }
  }
}

function rowSum(a: Float64Array, from: number, n: number): number {
  let s0 = 0, s1 = 0;
  let s = from;
  const end = from + n;
  for (; s + 1 < end; s += 2) {
    s0 += a[s];
    s1 += a[s + 1];
  }
  if (s < end) s0 += a[s];
  return s0 + s1;
}

/** dPrev = Wᵀ delta, masked by the ReLU of the previous layer (prev > 0). */
export function denseBackprop(w: Float32Array, delta: Float64Array, prev: Float64Array, dPrev: Float64Array, nin: number, nout: number, bs: number, cap: number, zeros: Float32Array): void {
  matMulRows(w, 1, nin, delta, dPrev, nin, nout, bs, cap, zeros);
  for (let i = 0; i < nin; i++) {
    const ib = i * cap;
    for (let s = ib; s < ib + bs; s++) if (prev[s] <= 0) dPrev[s] = 0;
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
    if (l > 0) denseBackprop(net.weights[l], ws.delta[l], ws.act[l], ws.delta[l - 1], nin, nout, bs, cap, ws.zeros);
    check += sumOf(ws.gW[l]) + sumOf(ws.gB[l]);
  }
  return check;
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k];
  return s;
}
