// The blocked batch kernels agree with a plain per-sample reference implementation on arbitrary
// small architectures and batch sizes, so every tail path (odd rows, odd inner sizes) is covered.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMlp, predictLogit, type Mlp } from '../../../../src/learn/nn/mlp.ts';
import { lossAndGradients } from '../../../../src/learn/nn/gradients.ts';
import { mulberry32 } from '../../../../src/learn/rng.ts';

/** Textbook per-sample backprop in float64, written for clarity rather than speed. */
function reference(net: Mlp, X: Float32Array, y: Float32Array, n: number) {
  const L = net.layers.length - 1;
  const gW = net.weights.map((w) => new Float64Array(w.length));
  const gB = net.biases.map((b) => new Float64Array(b.length));
  let loss = 0;
  const logits: number[] = [];
  for (let s = 0; s < n; s++) {
    const acts: number[][] = [Array.from(X.subarray(s * net.layers[0], (s + 1) * net.layers[0]))];
    for (let l = 0; l < L; l++) {
      const nin = net.layers[l],
        nout = net.layers[l + 1];
      const out: number[] = [];
      for (let o = 0; o < nout; o++) {
        let z = net.biases[l][o];
        for (let i = 0; i < nin; i++) z += net.weights[l][o * nin + i] * acts[l][i];
        out.push(l === L - 1 ? z : Math.max(0, z));
      }
      acts.push(out);
    }
    const z = acts[L][0];
    logits.push(z);
    const p = 1 / (1 + Math.exp(-z));
    loss += (Math.max(z, 0) - z * y[s] + Math.log1p(Math.exp(-Math.abs(z)))) / n;
    let delta = [(p - y[s]) / n];
    for (let l = L - 1; l >= 0; l--) {
      const nin = net.layers[l],
        nout = net.layers[l + 1];
      const prev = acts[l];
      const dPrev = new Array(nin).fill(0);
      for (let o = 0; o < nout; o++) {
        gB[l][o] += delta[o];
        for (let i = 0; i < nin; i++) {
          gW[l][o * nin + i] += delta[o] * prev[i];
          dPrev[i] += net.weights[l][o * nin + i] * delta[o];
        }
      }
      delta = dPrev.map((d, i) => (prev[i] > 0 ? d : 0));
    }
  }
  return { loss, gW, gB, logits };
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, what: string) {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++)
    expect(Math.abs(a[k] - b[k]), `${what}[${k}]: ${a[k]} vs ${b[k]}`).toBeLessThanOrEqual(
      1e-12 + 1e-9 * Math.abs(b[k]),
    );
}

describe('blocked batch kernels', () => {
  it('match the per-sample reference on random architectures and batch sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 37 }),
        fc.integer({ min: 0, max: 1e6 }),
        (hidden, nin, n, seed) => {
          const net = createMlp([nin, ...hidden, 1], seed);
          const r = mulberry32(seed + 1);
          for (const b of net.biases) for (let k = 0; k < b.length; k++) b[k] = r() - 0.3;
          const X = new Float32Array(n * nin).map(() => r() * 4 - 2);
          const y = new Float32Array(n).map(() => (r() < 0.5 ? 1 : 0));
          const got = lossAndGradients(net, X, y, n);
          const want = reference(net, X, y, n);
          expect(Math.abs(got.loss - want.loss)).toBeLessThan(1e-9);
          got.gW.forEach((g, l) => close(g, want.gW[l], `gW[${l}]`));
          got.gB.forEach((g, l) => close(g, want.gB[l], `gB[${l}]`));
          // The single-sample path agrees with the batch path on every row.
          for (let s = 0; s < n; s++)
            expect(Math.abs(predictLogit(net, X, s * nin) - want.logits[s])).toBeLessThan(
              1e-9 * (1 + Math.abs(want.logits[s])),
            );
        },
      ),
      { numRuns: 100 },
    );
  });
});
