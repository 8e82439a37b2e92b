// The two matrix kernels training spends its time in, on feature-major batches (row k holds
// feature k for every sample, stride `cap`). Register blocking: each loaded value feeds several
// multiply-adds, the adds form independent chains, and sums stay in registers until stored.
// Every operand is a packed array of doubles (see `doubles` in mlp-kernels.ts), not a typed
// array: once any ArrayBuffer in the realm has been detached (a transfer through postMessage or
// structuredClone; importing brain.js, tfjs or Dexie first had the same effect), V8 checks for
// detachment on every typed-array access in optimised code, and these loops ran 20% slower
// (bench/README.md).

import { relu } from './mlp.ts';

/**
 * Sizes of one kernel call: output rows, the inner (summed) size, the batch size and the row stride of the
 * feature-major buffers. Read into locals on entry: the loops never touch the object.
 */
export interface Dims {
  rows: number;
  inner: number;
  bs: number;
  cap: number;
}

/**
 * out[r][s] = init[r] + sum_k W[r][k] * inp[k][s] for s < bs (W is nr x nk, row-major), then ReLU
 * when `withRelu` (fused into the stores, one pass fewer over the batch: 3% of a training run).
 * Blocks of 2 rows x 4 samples.
 */
export function matMulRows(
  w: number[],
  inp: number[],
  out: number[],
  init: Float32Array,
  d: Dims & { relu: boolean },
): void {
  const nr = d.rows;
  const nk = d.inner;
  const bs = d.bs;
  const cap = d.cap;
  const withRelu = d.relu;
  let r = 0;
  for (; r + 1 < nr; r += 2) {
    const o0 = r * cap;
    const o1 = o0 + cap;
    const w0 = r * nk;
    const w1 = w0 + nk;
    const b0 = init[r];
    const b1 = init[r + 1];
    let s = 0;
    // 2 rows x 4 samples held in registers across the whole inner sum: no stores until the end.
    for (; s + 3 < bs; s += 4) {
      let a0 = b0,
        a1 = b0,
        a2 = b0,
        a3 = b0,
        c0 = b1,
        c1 = b1,
        c2 = b1,
        c3 = b1;
      for (let k = 0, ik = s; k < nk; k++, ik += cap) {
        const u = w[w0 + k];
        const v = w[w1 + k];
        const x0 = inp[ik],
          x1 = inp[ik + 1],
          x2 = inp[ik + 2],
          x3 = inp[ik + 3];
        a0 += u * x0;
        a1 += u * x1;
        a2 += u * x2;
        a3 += u * x3;
        c0 += v * x0;
        c1 += v * x1;
        c2 += v * x2;
        c3 += v * x3;
      }
      if (withRelu) {
        a0 = relu(a0);
        a1 = relu(a1);
        a2 = relu(a2);
        a3 = relu(a3);
        c0 = relu(c0);
        c1 = relu(c1);
        c2 = relu(c2);
        c3 = relu(c3);
      }
      out[o0 + s] = a0;
      out[o0 + s + 1] = a1;
      out[o0 + s + 2] = a2;
      out[o0 + s + 3] = a3;
      out[o1 + s] = c0;
      out[o1 + s + 1] = c1;
      out[o1 + s + 2] = c2;
      out[o1 + s + 3] = c3;
    }
    for (; s < bs; s++) {
      let a0 = b0,
        c0 = b1;
      for (let k = 0, ik = s; k < nk; k++, ik += cap) {
        const x0 = inp[ik];
        a0 += w[w0 + k] * x0;
        c0 += w[w1 + k] * x0;
      }
      out[o0 + s] = withRelu ? relu(a0) : a0;
      out[o1 + s] = withRelu ? relu(c0) : c0;
    }
  }
  if (r < nr) {
    matMulRow(w, inp, out, { w0: r * nk, o0: r * cap, init: init[r] }, d);
    if (withRelu) for (let s = r * cap; s < r * cap + bs; s++) out[s] = relu(out[s]);
  }
}

/**
 * Back-propagation through a weight matrix and the ReLU before it, in one pass:
 * out[r][s] = (act[r][s] > 0 ? sum_k W[k][r] * delta[k][s] : 0) for r < nr (W is nk x nr, row-major),
 * and gB[r] = sum_s out[r][s] (the bias gradient of that layer). Blocks of 2 rows x 4 samples.
 */
export function backRelu(
  w: number[],
  delta: number[],
  act: number[],
  into: { out: number[]; gB: number[] },
  d: Dims,
): void {
  if (d.inner === 1) {
    backReluFromOne(w, delta, act, into, d);
    return;
  }
  const out = into.out;
  const gB = into.gB;
  const nr = d.rows;
  const nk = d.inner;
  const bs = d.bs;
  const cap = d.cap;
  let r = 0;
  for (; r + 1 < nr; r += 2) {
    const o0 = r * cap;
    const o1 = o0 + cap;
    let g0 = 0,
      g1 = 0;
    let s = 0;
    for (; s + 3 < bs; s += 4) {
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let k = 0, ik = s, wk = r; k < nk; k++, ik += cap, wk += nr) {
        const u = w[wk];
        const v = w[wk + 1];
        const x0 = delta[ik],
          x1 = delta[ik + 1],
          x2 = delta[ik + 2],
          x3 = delta[ik + 3];
        a0 += u * x0;
        a1 += u * x1;
        a2 += u * x2;
        a3 += u * x3;
        c0 += v * x0;
        c1 += v * x1;
        c2 += v * x2;
        c3 += v * x3;
      }
      a0 = act[o0 + s] > 0 ? a0 : 0;
      a1 = act[o0 + s + 1] > 0 ? a1 : 0;
      a2 = act[o0 + s + 2] > 0 ? a2 : 0;
      a3 = act[o0 + s + 3] > 0 ? a3 : 0;
      c0 = act[o1 + s] > 0 ? c0 : 0;
      c1 = act[o1 + s + 1] > 0 ? c1 : 0;
      c2 = act[o1 + s + 2] > 0 ? c2 : 0;
      c3 = act[o1 + s + 3] > 0 ? c3 : 0;
      out[o0 + s] = a0;
      out[o0 + s + 1] = a1;
      out[o0 + s + 2] = a2;
      out[o0 + s + 3] = a3;
      out[o1 + s] = c0;
      out[o1 + s + 1] = c1;
      out[o1 + s + 2] = c2;
      out[o1 + s + 3] = c3;
      g0 += a0 + a1 + (a2 + a3);
      g1 += c0 + c1 + (c2 + c3);
    }
    for (; s < bs; s++) {
      let a0 = 0,
        c0 = 0;
      for (let k = 0, ik = s, wk = r; k < nk; k++, ik += cap, wk += nr) {
        const x0 = delta[ik];
        a0 += w[wk] * x0;
        c0 += w[wk + 1] * x0;
      }
      a0 = act[o0 + s] > 0 ? a0 : 0;
      c0 = act[o1 + s] > 0 ? c0 : 0;
      out[o0 + s] = a0;
      out[o1 + s] = c0;
      g0 += a0;
      g1 += c0;
    }
    gB[r] = g0;
    gB[r + 1] = g1;
  }
  for (; r < nr; r++) {
    const o0 = r * cap;
    let g0 = 0;
    for (let s = 0; s < bs; s++) {
      let a0 = 0;
      for (let k = 0, ik = s, wk = r; k < nk; k++, ik += cap, wk += nr) a0 += w[wk] * delta[ik];
      a0 = act[o0 + s] > 0 ? a0 : 0;
      out[o0 + s] = a0;
      g0 += a0;
    }
    gB[r] = g0;
  }
}

/** backRelu from a single output (the logit's layer): an outer product, masked. */
function backReluFromOne(
  w: number[],
  delta: number[],
  act: number[],
  into: { out: number[]; gB: number[] },
  d: Dims,
): void {
  const out = into.out;
  const gB = into.gB;
  const nr = d.rows;
  const bs = d.bs;
  const cap = d.cap;
  for (let r = 0; r < nr; r++) {
    const u = w[r];
    const o0 = r * cap;
    let g0 = 0,
      g1 = 0;
    let s = 0;
    for (; s + 1 < bs; s += 2) {
      const a0 = act[o0 + s] > 0 ? u * delta[s] : 0;
      const a1 = act[o0 + s + 1] > 0 ? u * delta[s + 1] : 0;
      out[o0 + s] = a0;
      out[o0 + s + 1] = a1;
      g0 += a0;
      g1 += a1;
    }
    if (s < bs) {
      const a0 = act[o0 + s] > 0 ? u * delta[s] : 0;
      out[o0 + s] = a0;
      g0 += a0;
    }
    gB[r] = g0 + g1;
  }
}

/** A single leftover output row of matMulRows: weights from w0, outputs from o0, each starting at init. */
function matMulRow(
  w: number[],
  inp: number[],
  out: number[],
  at: { w0: number; o0: number; init: number },
  d: Dims,
): void {
  const { w0, o0, init } = at;
  const nk = d.inner;
  const bs = d.bs;
  const cap = d.cap;
  for (let s = o0; s < o0 + bs; s++) out[s] = init;
  let k = 0;
  for (; k + 3 < nk; k += 4) {
    const a0 = w[w0 + k],
      a1 = w[w0 + k + 1],
      a2 = w[w0 + k + 2],
      a3 = w[w0 + k + 3];
    const i0 = k * cap,
      i1 = i0 + cap,
      i2 = i1 + cap,
      i3 = i2 + cap;
    for (let s = 0; s < bs; s++)
      out[o0 + s] += a0 * inp[i0 + s] + a1 * inp[i1 + s] + (a2 * inp[i2 + s] + a3 * inp[i3 + s]);
  }
  for (; k < nk; k++) {
    const a0 = w[w0 + k];
    const i0 = k * cap;
    for (let s = 0; s < bs; s++) out[o0 + s] += a0 * inp[i0 + s];
  }
}

/** gW[o][i] = sum_s delta[o][s] * prev[i][s] for one layer (gW is d.rows x d.inner, row-major). */
export function gradWeights(delta: number[], prev: number[], gW: number[], d: Dims): void {
  const nout = d.rows;
  const nin = d.inner;
  const bs = d.bs;
  const cap = d.cap;
  let o = 0;
  for (; o + 1 < nout; o += 2) {
    const d0 = o * cap,
      d1 = d0 + cap;
    const g0 = o * nin,
      g1 = g0 + nin;
    let i = 0;
    for (; i + 3 < nin; i += 4) {
      const p0 = i * cap,
        p1 = p0 + cap,
        p2 = p1 + cap,
        p3 = p2 + cap;
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let s = 0; s < bs; s++) {
        const x = delta[d0 + s],
          z = delta[d1 + s];
        const y0 = prev[p0 + s],
          y1 = prev[p1 + s],
          y2 = prev[p2 + s],
          y3 = prev[p3 + s];
        a0 += x * y0;
        a1 += x * y1;
        a2 += x * y2;
        a3 += x * y3;
        c0 += z * y0;
        c1 += z * y1;
        c2 += z * y2;
        c3 += z * y3;
      }
      gW[g0 + i] = a0;
      gW[g0 + i + 1] = a1;
      gW[g0 + i + 2] = a2;
      gW[g0 + i + 3] = a3;
      gW[g1 + i] = c0;
      gW[g1 + i + 1] = c1;
      gW[g1 + i + 2] = c2;
      gW[g1 + i + 3] = c3;
    }
    for (; i < nin; i++) {
      const p0 = i * cap;
      let a0 = 0,
        c0 = 0;
      for (let s = 0; s < bs; s++) {
        const y0 = prev[p0 + s];
        a0 += delta[d0 + s] * y0;
        c0 += delta[d1 + s] * y0;
      }
      gW[g0 + i] = a0;
      gW[g1 + i] = c0;
    }
  }
  if (o < nout) gradRow(delta, prev, gW, { d0: o * cap, g0: o * nin }, d);
}

/** A single leftover row of gradWeights (deltas from d0, gradients from g0): two inputs per pass. */
function gradRow(delta: number[], prev: number[], gW: number[], at: { d0: number; g0: number }, d: Dims): void {
  const { d0, g0 } = at;
  const nin = d.inner;
  const bs = d.bs;
  const cap = d.cap;
  let i = 0;
  for (; i + 1 < nin; i += 2) {
    const p0 = i * cap,
      p1 = p0 + cap;
    let a0 = 0,
      a1 = 0;
    for (let s = 0; s < bs; s++) {
      const x = delta[d0 + s];
      a0 += x * prev[p0 + s];
      a1 += x * prev[p1 + s];
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
