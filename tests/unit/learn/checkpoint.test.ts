// Checkpoints survive JSON and structured clone bit for bit, and bad ones are refused with a reason.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMlp, predictProba } from '../../../src/learn/nn/mlp.ts';
import { createAdam } from '../../../src/learn/nn/adam.ts';
import { trainEpochs } from '../../../src/learn/nn/train.ts';
import {
  CHECKPOINT_SCHEMA_VERSION,
  checkpointFromJson,
  checkpointToJson,
  makeCheckpoint,
  modelFromCheckpoint,
  netFromCheckpoint,
  refitFromCheckpoint,
  validateCheckpoint,
} from '../../../src/learn/checkpoint.ts';
import type { Checkpoint } from '../../../src/learn/types.ts';

const expectNow = { layers: [10, 16, 8, 1], featureVersion: 3 };

function trained(): Checkpoint {
  const net = createMlp([10, 16, 8, 1], 5);
  const opt = createAdam(net);
  const n = 64;
  const X = new Float32Array(n * 10).map((_, k) => Math.cos(k * 0.37));
  const y = new Float32Array(n).map((_, k) => ((k * 7) % 3 === 0 ? 1 : 0));
  trainEpochs(net, opt, X, y, n, { epochs: 3, batchSize: 16, learningRate: 0.01, seed: 1 });
  const twin = createMlp([10, 16, 8, 1], 6);
  const twinOpt = createAdam(twin);
  trainEpochs(twin, twinOpt, X, y, n, { epochs: 4, batchSize: 16, learningRate: 0.01, seed: 2 });
  const m = { n: 30, logLoss: 0.5, brier: 0.2, auc: 0.7 };
  return makeCheckpoint(
    net,
    opt,
    {
      habitId: 'read',
      version: 4,
      featureVersion: 3,
      step: 192,
      trainedThrough: '2026-03-14',
      metrics: { model: m, baseline: { ...m, auc: null }, active: null },
      createdAt: 1_790_000_000_000,
      trigger: 'launch',
    },
    { net: twin, opt: twinOpt, evidence: -1.25, evidenceThrough: '2026-04-27' },
  );
}

const json = (c: Checkpoint): unknown => JSON.parse(JSON.stringify(checkpointToJson(c)));

describe('checkpoint round trips', () => {
  it('survives JSON text exactly (float32 values round-trip through numbers)', () => {
    const c = trained();
    const back = checkpointFromJson(json(c));
    expect(back).toEqual(c);
    expect(back.weights[1]).toBeInstanceOf(Float32Array);
    expect(back.refit!.optimizer.vW[1]).toBeInstanceOf(Float32Array);
    expect(back.schemaVersion).toBe(CHECKPOINT_SCHEMA_VERSION);
  });

  it('reads a checkpoint made before the refit twin existed: it has none, and it stays without one', () => {
    const { refit: _r, ...old } = trained();
    const back = checkpointFromJson(json(old as Checkpoint));
    expect(back).toEqual(old);
    expect('refit' in back).toBe(false);
    expect(refitFromCheckpoint(back)).toBeNull();
    expect(modelFromCheckpoint(back).refit).toBeNull();
  });

  it('survives structured clone (IndexedDB / Comlink shape) and validates', () => {
    const c = trained();
    const v = validateCheckpoint(structuredClone(c), expectNow);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.checkpoint).toEqual(c);
  });

  it('rebuilds a network that predicts the same and is a copy', () => {
    const c = trained();
    const { net, opt } = netFromCheckpoint(c);
    const x = new Float32Array(10).fill(0.3);
    const { net: again } = netFromCheckpoint(checkpointFromJson(json(c)));
    expect(predictProba(again, x)).toBe(predictProba(net, x));
    expect(opt.step).toBe(c.optimizer.step);
    net.weights[0][0] += 1;
    expect(c.weights[0][0]).not.toBe(net.weights[0][0]);
    const twin = refitFromCheckpoint(checkpointFromJson(json(c)))!;
    expect(predictProba(twin.net, x)).toBe(predictProba(refitFromCheckpoint(c)!.net, x));
    expect(predictProba(twin.net, x)).not.toBe(predictProba(net, x));
    expect([twin.evidence, twin.evidenceThrough, twin.opt.step]).toEqual([
      -1.25,
      '2026-04-27',
      c.refit!.optimizer.step,
    ]);
    twin.net.biases[0][0] += 1;
    expect(c.refit!.biases[0][0]).not.toBe(twin.net.biases[0][0]);
  });
});

describe('mismatching or damaged checkpoints are refused with a reason', () => {
  const refuse = (mutate: (j: any) => void, expect_ = expectNow) => {
    const j: any = json(trained());
    mutate(j);
    const v = validateCheckpoint(j, expect_);
    expect(v.ok).toBe(false);
    return v.ok ? '' : v.reason;
  };

  it('names each problem in plain words', () => {
    expect(refuse((j) => (j.schemaVersion = 2))).toMatch(/schema version unknown: got 2/);
    expect(refuse(() => {}, { layers: [10, 32, 1], featureVersion: 3 })).toMatch(
      /architecture mismatch: checkpoint has layers \[10,16,8,1\], the app expects \[10,32,1\]/,
    );
    expect(refuse(() => {}, { layers: [10, 16, 8, 1], featureVersion: 4 })).toMatch(/feature version mismatch/);
    expect(refuse((j) => j.weights[1].pop())).toMatch(
      /truncated weight array: weights\[1\] expects 128 values, got 127/,
    );
    expect(refuse((j) => (j.biases[0][3] = null))).toMatch(/non-finite weight: biases\[0\]\[3\]/);
    expect(refuse((j) => j.weights.pop())).toMatch(/architecture mismatch: weights has 2 layers/);
    expect(refuse((j) => delete j.optimizer)).toMatch(/optimizer must be an object/);
  });

  it('refuses optimizer state Adam cannot continue from (a negative or fractional step, a negative second moment)', () => {
    expect(refuse((j) => (j.optimizer.step = -1))).toMatch(/optimizer\.step must be a whole number >= 0, got -1/);
    expect(refuse((j) => (j.optimizer.step = 2.5))).toMatch(/optimizer\.step must be a whole number >= 0, got 2\.5/);
    expect(refuse((j) => (j.optimizer.vW[1][7] = -0.25))).toMatch(
      /optimizer\.vW\[1\]\[7\] is -0\.25: a second moment cannot be negative/,
    );
    expect(refuse((j) => (j.optimizer.vB[0][0] = -1))).toMatch(/optimizer\.vB\[0\]\[0\]/);
  });

  it('refuses a damaged refit twin, naming the place, rather than predicting with it', () => {
    expect(refuse((j) => (j.refit.weights[2][3] = 'x'))).toMatch(/non-finite weight: refit\.weights\[2\]\[3\]/);
    expect(refuse((j) => j.refit.biases[1].pop())).toMatch(
      /truncated weight array: refit\.biases\[1\] expects 8 values, got 7/,
    );
    expect(refuse((j) => (j.refit.optimizer.vB[2][0] = -3))).toMatch(
      /refit\.optimizer\.vB\[2\]\[0\] is -3: a second moment cannot be negative/,
    );
    expect(refuse((j) => (j.refit.optimizer.step = 0.5))).toMatch(/refit\.optimizer\.step must be a whole number/);
    expect(refuse((j) => (j.refit.evidence = null))).toMatch(/refit\.evidence must be a finite number/);
    expect(refuse((j) => (j.refit.evidenceThrough = '2026-02-30'))).toMatch(
      /refit\.evidenceThrough must be a day YYYY-MM-DD, got "2026-02-30"/,
    );
    expect(refuse((j) => (j.refit = [1, 2]))).toMatch(/refit must be an object/);
  });

  it('refuses a NaN weight in a structured clone', () => {
    const c = trained();
    c.weights[2][5] = NaN;
    const v = validateCheckpoint(structuredClone(c), expectNow);
    expect(v).toEqual({ ok: false, reason: 'checkpoint: non-finite weight: weights[2][5] is NaN' });
  });

  it('never crashes on arbitrary damage: it validates or explains', () => {
    const base = json(trained()) as Record<string, unknown>;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, junk) => {
        const j = { ...base, [key]: junk };
        const v = validateCheckpoint(j, expectNow);
        if (!v.ok) expect(v.reason).toMatch(/^checkpoint: /);
        expect(() => {
          try {
            checkpointFromJson(j);
          } catch (e) {
            if (!(e instanceof Error)) throw new Error('non-Error thrown');
          }
        }).not.toThrow();
      }),
      { numRuns: 300 },
    );
    expect(validateCheckpoint(null, expectNow)).toEqual({
      ok: false,
      reason: 'checkpoint: expected an object, got null',
    });
    expect(() => checkpointFromJson('nope')).toThrow(/checkpoint: expected an object, got string/);
  });
});
