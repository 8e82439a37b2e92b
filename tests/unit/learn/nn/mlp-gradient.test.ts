// Finite-difference check of every parameter's gradient of the reference network (the fast kernels are
// checked against the reference in mlp-kernels.test.ts), so back-propagation can never silently drift.
import { describe, expect, it } from 'vitest';
import { createMlp, type Mlp } from '../../../../src/learn/nn/mlp.ts';
import { referenceLossAndGradients } from '../../../../src/learn/nn/reference.ts';
import { mulberry32 } from '../../../../src/learn/rng.ts';

function toyData(n: number, nin: number, seed: number) {
  const r = mulberry32(seed);
  const X = new Float32Array(n * nin);
  const y = new Float32Array(n);
  const w = new Float32Array(n);
  const o = new Float32Array(n);
  for (let k = 0; k < X.length; k++) X[k] = r() * 4 - 2;
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.5 ? 1 : 0;
    w[i] = 0.5 + r();
    o[i] = r() * 2 - 1;
  }
  return { X, y, w, o };
}

/** Compares every analytic gradient with a central difference of the objective. */
function checkAll(net: Mlp, n: number, l2: number, seed: number) {
  const { X, y, w, o } = toyData(n, net.layers[0], seed);
  const d = { X, y, n, weights: w, offsets: o };
  const ana = referenceLossAndGradients(net, d, l2);
  let checked = 0;
  let worst = 0;
  const probe = (p: Float32Array, g: Float64Array) => {
    for (let k = 0; k < p.length; k++) {
      const orig = p[k];
      const l0 = referenceLossAndGradients(net, d, l2).loss;
      p[k] = orig + 1e-4;
      const up = p[k] - orig; // the step float32 actually took
      const lp = referenceLossAndGradients(net, d, l2).loss;
      p[k] = orig - 1e-4;
      const dn = orig - p[k];
      const lm = referenceLossAndGradients(net, d, l2).loss;
      p[k] = orig;
      const rel = (num: number) => Math.abs(num - g[k]) / (1e-4 + Math.abs(num) + Math.abs(g[k]));
      // A ReLU kink inside the step breaks the central difference; the analytic gradient must then
      // match the one-sided derivative on its own side, so accept the best of the three.
      const num = (lp - lm) / (up + dn);
      const err = Math.min(rel(num), rel((lp - l0) / up), rel((l0 - lm) / dn));
      worst = Math.max(worst, err);
      expect(err, `param ${k}: numeric ${num} analytic ${g[k]}`).toBeLessThan(2e-2);
      checked++;
    }
  };
  for (let l = 0; l < net.weights.length; l++) {
    probe(net.weights[l], ana.gW[l]);
    probe(net.biases[l], ana.gB[l]);
  }
  return { checked, worst };
}

describe('backprop gradients match finite differences', () => {
  it('on every parameter of a small [4,5,3,1] net, with L2 and sample weights', () => {
    const net = createMlp([4, 5, 3, 1], 11);
    // Non-zero biases exercise their gradients too.
    for (const b of net.biases) for (let k = 0; k < b.length; k++) b[k] = 0.1 * (k + 1);
    const { checked, worst } = checkAll(net, 24, 0.01, 5);
    expect(checked).toBe(4 * 5 + 5 + 5 * 3 + 3 + 3 + 1);
    expect(worst).toBeLessThan(2e-2);
  });

  it('on every parameter of the default [10,16,8,1] net', () => {
    const net = createMlp([10, 16, 8, 1], 7);
    const { checked } = checkAll(net, 40, 0, 9);
    expect(checked).toBe(10 * 16 + 16 + 16 * 8 + 8 + 8 + 1);
  });
});
