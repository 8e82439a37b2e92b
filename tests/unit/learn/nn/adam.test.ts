// Adam checked by hand on a one-weight logistic model.
import { describe, expect, it } from 'vitest';
import { createAdam, adamStep } from '../../../../src/learn/nn/adam.ts';
import { trainEpochs } from '../../../../src/learn/nn/train.ts';
import type { Mlp } from '../../../../src/learn/nn/mlp.ts';

describe('Adam', () => {
  it('takes one bias-corrected step exactly as the formula says', () => {
    // z = w x + b with w = 0.5, b = 0, x = 2, y = 1: z = 1, dL/dz = sigmoid(1) - 1
    const net: Mlp = { layers: [1, 1], weights: [Float32Array.of(0.5)], biases: [Float32Array.of(0)] };
    const opt = createAdam(net);
    const lr = 0.1;
    const eps = 1e-7;
    const r = trainEpochs(
      net,
      opt,
      { X: Float32Array.of(2), y: Float32Array.of(1), n: 1 },
      {
        epochs: 1,
        batchSize: 1,
        learningRate: lr,
        seed: 1,
        eps,
      },
    );
    const dz = 1 / (1 + Math.exp(-1)) - 1; // -0.2689414
    const gw = dz * 2;
    const gb = dz;
    expect(r.steps).toBe(1);
    expect(opt.step).toBe(1);
    expect(opt.mW[0][0]).toBeCloseTo(0.1 * gw, 7);
    expect(opt.vW[0][0]).toBeCloseTo(0.001 * gw * gw, 9);
    expect(opt.mB[0][0]).toBeCloseTo(0.1 * gb, 7);
    // step 1: m_hat = g, v_hat = g^2, so the update is lr * g / (|g| + eps)
    expect(net.weights[0][0]).toBeCloseTo(0.5 - (lr * gw) / (Math.abs(gw) + eps), 6);
    expect(net.biases[0][0]).toBeCloseTo(0 - (lr * gb) / (Math.abs(gb) + eps), 6);
    expect(r.epochLosses[0]).toBeCloseTo(Math.log1p(Math.exp(-1)), 7);
  });

  it('applies bias correction on the second step and L2 only to weights', () => {
    const net: Mlp = { layers: [1, 1], weights: [Float32Array.of(1)], biases: [Float32Array.of(1)] };
    const opt = createAdam(net);
    const cfg = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, l2: 0.5 };
    adamStep(net, opt, [[0.2]], [[0.2]], cfg);
    adamStep(net, opt, [[-0.4]], [[-0.4]], cfg);
    // By hand for the bias (no L2): g1 = 0.2, g2 = -0.4
    const m = 0.9 * 0.02 + 0.1 * -0.4; // -0.022
    const v = 0.999 * 0.001 * 0.04 + 0.001 * 0.16; // 0.00019996
    const mh = m / (1 - 0.81);
    const vh = v / (1 - 0.998001);
    const b1 = 1 - 0.01; // first step moves by lr * sign(g)
    expect(net.biases[0][0]).toBeCloseTo(b1 - (0.01 * mh) / (Math.sqrt(vh) + 1e-8), 6);
    // The weight saw g + l2 * w, so it moved differently from the bias.
    expect(net.weights[0][0]).not.toBeCloseTo(net.biases[0][0], 4);
    expect(opt.step).toBe(2);
  });
});
