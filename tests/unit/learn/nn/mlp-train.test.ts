// The training loop learns, is reproducible bit for bit, and stops cleanly when a run diverges.
import { describe, expect, it } from 'vitest';
import { createMlp, predictProba, type Mlp } from '../../../../src/learn/nn/mlp.ts';
import { createAdam } from '../../../../src/learn/nn/adam.ts';
import { cloneAdam, cloneMlp, isFiniteNet, trainEpochs } from '../../../../src/learn/nn/train.ts';
import { mulberry32 } from '../../../../src/learn/rng.ts';

/** Linearly separable points in 10-d with a margin: label = sign of a fixed direction. */
function separable(n: number, seed: number) {
  const r = mulberry32(seed);
  const X = new Float32Array(n * 10);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < 10; j++) {
      const v = r() * 2 - 1;
      X[i * 10 + j] = v;
      s += v * (j % 3 === 0 ? 1 : j % 3 === 1 ? -0.5 : 0.25);
    }
    if (Math.abs(s) < 0.1) s += s < 0 ? -0.1 : 0.1; // keep a margin
    y[i] = s > 0 ? 1 : 0;
  }
  return { X, y };
}

function bytesOf(net: Mlp): number[] {
  const out: number[] = [];
  for (const a of [...net.weights, ...net.biases]) out.push(...new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return out;
}

const opts = { epochs: 20, batchSize: 32, learningRate: 0.01, seed: 42 };

describe('trainEpochs', () => {
  it('drives the loss down and classifies a separable toy set', () => {
    const { X, y } = separable(500, 1);
    const net = createMlp([10, 16, 8, 1], 1);
    const r = trainEpochs(net, createAdam(net), { X, y, n: 500 }, opts);
    expect(r).toMatchObject({ finite: true, diverged: false, steps: 20 * Math.ceil(500 / 32) });
    expect(r.epochLosses).toHaveLength(20);
    expect(r.epochLosses[19]).toBeLessThan(r.epochLosses[0] * 0.3);
    const test = separable(300, 2);
    let right = 0;
    for (let i = 0; i < 300; i++) right += (predictProba(net, test.X, i * 10) > 0.5 ? 1 : 0) === test.y[i] ? 1 : 0;
    expect(right / 300).toBeGreaterThan(0.93);
  });

  it('is bit-for-bit reproducible with the same seeds and differs with another', () => {
    const { X, y } = separable(200, 3);
    const run = (initSeed: number, shuffleSeed: number) => {
      const net = createMlp([10, 16, 8, 1], initSeed);
      const opt = createAdam(net);
      const r = trainEpochs(net, opt, { X, y, n: 200 }, { ...opts, epochs: 5, seed: shuffleSeed });
      return { bytes: bytesOf(net), losses: r.epochLosses, opt };
    };
    const a = run(1, 2);
    const b = run(1, 2);
    expect(b.bytes).toEqual(a.bytes);
    expect(b.losses).toEqual(a.losses);
    expect(b.opt).toEqual(a.opt);
    expect(run(1, 3).bytes).not.toEqual(a.bytes);
    expect(run(4, 2).bytes).not.toEqual(a.bytes);
  });

  it('trains a clone (a warm start from a copy) exactly like the original', () => {
    const { X, y } = separable(100, 5);
    const net = createMlp([10, 16, 8, 1], 9);
    const opt = createAdam(net);
    trainEpochs(net, opt, { X, y, n: 100 }, { ...opts, epochs: 2 });
    const copy = cloneMlp(net);
    const copyOpt = cloneAdam(opt);
    trainEpochs(net, opt, { X, y, n: 100 }, { ...opts, epochs: 2 });
    trainEpochs(copy, copyOpt, { X, y, n: 100 }, { ...opts, epochs: 2 });
    expect(bytesOf(copy)).toEqual(bytesOf(net));
    expect(copyOpt.step).toBe(2 * 2 * Math.ceil(100 / 32));
  });

  it('stops on NaN input without touching a caller-held clone, and without applying the bad update', () => {
    const { X, y } = separable(100, 6);
    X[37 * 10 + 4] = NaN;
    const active = createMlp([10, 16, 8, 1], 2);
    const before = bytesOf(active);
    const candidate = cloneMlp(active);
    const r = trainEpochs(candidate, createAdam(candidate), { X, y, n: 100 }, opts);
    expect(r.diverged).toBe(true);
    expect(r.finite).toBe(true);
    expect(isFiniteNet(candidate)).toBe(true);
    expect(r.epochLosses.length).toBe(0);
    expect(bytesOf(active)).toEqual(before);
  });

  it('reports a run with a huge learning rate as diverged and keeps the active net', () => {
    const { X, y } = separable(300, 7);
    const active = createMlp([10, 16, 8, 1], 3);
    const before = bytesOf(active);
    const candidate = cloneMlp(active);
    const r = trainEpochs(candidate, createAdam(candidate), { X, y, n: 300 }, { ...opts, learningRate: 1e6 });
    expect(r.diverged).toBe(true);
    expect(r.steps).toBeLessThan(20 * 10);
    expect(bytesOf(active)).toEqual(before);
    expect(isFiniteNet(active)).toBe(true);
  });

  it('honours sample weights: zero-weighted samples teach nothing', () => {
    const { X, y } = separable(64, 8);
    const flipped = y.map((v, i) => (i % 2 ? 1 - v : v));
    const sw = new Float32Array(64).map((_, i) => (i % 2 ? 0 : 1));
    const a = createMlp([10, 16, 8, 1], 1);
    const b = cloneMlp(a);
    trainEpochs(a, createAdam(a), { X, y, n: 64, weights: sw }, opts);
    trainEpochs(b, createAdam(b), { X, y: flipped, n: 64, weights: sw }, opts);
    expect(bytesOf(b)).toEqual(bytesOf(a));
  });

  it('refuses malformed arguments with a message naming the problem', () => {
    const net = createMlp([10, 16, 8, 1], 1);
    const opt = createAdam(net);
    expect(() => trainEpochs(net, opt, { X: new Float32Array(95), y: new Float32Array(10), n: 10 }, opts)).toThrow(
      /X holds 95 values/,
    );
    expect(() =>
      trainEpochs(net, opt, { X: new Float32Array(100), y: new Float32Array(10), n: 10 }, { ...opts, batchSize: 0 }),
    ).toThrow(/batchSize/);
    expect(() =>
      trainEpochs(
        net,
        opt,
        { X: new Float32Array(100), y: new Float32Array(10), n: 10 },
        { ...opts, learningRate: NaN },
      ),
    ).toThrow(/learningRate/);
    expect(trainEpochs(net, opt, { X: new Float32Array(0), y: new Float32Array(0), n: 0 }, opts)).toEqual({
      finite: true,
      diverged: false,
      epochLosses: [],
      steps: 0,
    });
  });
});
