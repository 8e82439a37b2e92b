// The blocked batch kernels agree with the reference network (nn/reference.ts) on arbitrary small
// architectures, batch sizes, sample weights and logit offsets, so every tail path is covered.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMlp, predictLogit } from '../../../../src/learn/nn/mlp.ts';
import { lossAndGradients } from '../../../../src/learn/nn/gradients.ts';
import { referenceLossAndGradients } from '../../../../src/learn/nn/reference.ts';
import { mulberry32 } from '../../../../src/learn/rng.ts';

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
          const weights = new Float32Array(n).map(() => 0.2 + r());
          const offsets = new Float32Array(n).map(() => r() * 3 - 1.5);
          const got = lossAndGradients(net, { X, y, n, weights, offsets }, 0.01);
          const want = referenceLossAndGradients(net, { X, y, n, weights, offsets }, 0.01);
          expect(Math.abs(got.loss - want.loss)).toBeLessThan(1e-9);
          for (const [l, g] of got.gW.entries()) close(g, want.gW[l], `gW[${l}]`);
          for (const [l, g] of got.gB.entries()) close(g, want.gB[l], `gB[${l}]`);
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
