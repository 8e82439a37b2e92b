// Golden values for the forward pass, and agreement between the single-sample and batch paths.
import { describe, expect, it } from 'vitest';
import { createMlp, predictLogit, predictProba, type Mlp, DEFAULT_LAYERS } from '../../../../src/learn/nn/mlp.ts';
import { lossAndGradients } from '../../../../src/learn/nn/gradients.ts';
import { bceFromLogit, sigmoid } from '../../../../src/learn/nn/loss.ts';

function handNet(): Mlp {
  // h1 = relu(x0 - x1), h2 = relu(0.5 x0 + 2 x1 - 1), z = h1 - 2 h2 + 0.5
  return {
    layers: [2, 2, 1],
    weights: [Float32Array.of(1, -1, 0.5, 2), Float32Array.of(1, -2)],
    biases: [Float32Array.of(0, -1), Float32Array.of(0.5)],
  };
}

describe('forward pass', () => {
  it('matches hand-computed golden values', () => {
    const net = handNet();
    // x = (1, 2): h1 = relu(-1) = 0, h2 = relu(0.5 + 4 - 1) = 3.5, z = 0 - 7 + 0.5 = -6.5
    expect(predictLogit(net, [1, 2])).toBeCloseTo(-6.5, 12);
    expect(predictProba(net, [1, 2])).toBeCloseTo(1 / (1 + Math.exp(6.5)), 12);
    // x = (3, 0.25): h1 = 2.75, h2 = relu(1.5 + 0.5 - 1) = 1, z = 2.75 - 2 + 0.5 = 1.25
    expect(predictLogit(net, [3, 0.25])).toBeCloseTo(1.25, 12);
    // offset reads the sample from the middle of a flat buffer
    expect(predictLogit(net, Float32Array.of(9, 9, 3, 0.25), 2)).toBeCloseTo(1.25, 12);
  });

  it('gives the same logits through the batch kernels as through predictLogit', () => {
    const net = createMlp(DEFAULT_LAYERS.slice(), 3);
    const n = 37;
    const X = new Float32Array(n * 10).map((_, k) => Math.sin(k * 1.7));
    const y = new Float32Array(n).map((_, k) => k % 2);
    let expected = 0;
    for (let i = 0; i < n; i++) expected += bceFromLogit(predictLogit(net, X, i * 10), y[i]);
    expect(lossAndGradients(net, { X, y, n }).loss).toBeCloseTo(expected / n, 10);
  });

  it('computes BCE and sigmoid stably for extreme logits', () => {
    expect(bceFromLogit(1000, 1)).toBe(0);
    expect(bceFromLogit(-1000, 1)).toBeCloseTo(1000, 9);
    expect(bceFromLogit(1000, 0)).toBeCloseTo(1000, 9);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(bceFromLogit(0, 1)).toBeCloseTo(Math.LN2, 15);
  });

  it('initialises reproducibly from the seed', () => {
    const a = createMlp([10, 16, 8, 1], 1);
    const b = createMlp([10, 16, 8, 1], 1);
    const c = createMlp([10, 16, 8, 1], 2);
    expect(a).toEqual(b);
    expect(a.weights[0]).not.toEqual(c.weights[0]);
    expect(a.biases.every((x) => x.every((v) => v === 0))).toBe(true);
  });

  it('refuses unusable architectures with a clear message', () => {
    expect(() => createMlp([10], 1)).toThrow(/at least two layer sizes/);
    expect(() => createMlp([10, 0, 1], 1)).toThrow(/layers\[1\]/);
    expect(() => createMlp([10, 4, 2], 1)).toThrow(/output layer must have size 1/);
  });
});
