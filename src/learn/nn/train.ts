// The training loop: seeded shuffling, mini-batches, Adam, and divergence protection.
// Mutates the network and optimizer in place; callers protecting the active model clone first.
import type { Mlp } from './mlp.ts';
import type { AdamConfig, AdamState } from './adam.ts';
import { adamStep } from './adam.ts';
import { mulberry32, shuffleInPlace } from '../rng.ts';
import {
  backwardBatch,
  forwardBatch,
  gatherBatch,
  lossAndOutputDelta,
  workspaceFor,
  type Samples,
  type Workspace,
} from './kernels.ts';
import { isFiniteNet } from './mlp.ts';

export { cloneMlp, isFiniteNet } from './mlp.ts';
export { cloneAdam } from './adam.ts';

/** Training settings; l2 defaults to 0, Adam betas/eps to 0.9/0.999/1e-7, maxLoss to 50 nats. */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  l2?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  maxLoss?: number;
}

/**
 * Outcome of a run. finite: every parameter is finite afterwards. diverged: the run stopped early
 * on a non-finite loss/gradient or a batch loss above maxLoss (that batch's update is not applied).
 * epochLosses: weighted mean BCE of each completed epoch, measured on the fly (before each batch's update).
 */
export interface TrainResult {
  finite: boolean;
  diverged: boolean;
  epochLosses: number[];
  steps: number;
}

/** Default bound on a batch's mean loss: 50 nats per sample means certainty on the wrong side. */
export const DEFAULT_MAX_LOSS = 50;

function assertOptions(net: Mlp, d: Samples, o: TrainOptions): void {
  const { X, y, n } = d;
  const nin = net.layers[0];
  if (!Number.isInteger(n) || n < 0) throw new Error(`trainEpochs: n must be a non-negative integer, got ${n}`);
  if (X.length < n * nin)
    throw new Error(`trainEpochs: X holds ${X.length} values but ${n} samples x ${nin} inputs need ${n * nin}`);
  if (y.length < n) throw new Error(`trainEpochs: y holds ${y.length} labels but n is ${n}`);
  if (!Number.isInteger(o.epochs) || o.epochs < 0)
    throw new Error(`trainEpochs: epochs must be a non-negative integer, got ${o.epochs}`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new Error(`trainEpochs: batchSize must be a positive integer, got ${o.batchSize}`);
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate))
    throw new Error(`trainEpochs: learningRate must be a positive finite number, got ${o.learningRate}`);
  if (d.offsets && d.offsets.length < n)
    throw new Error(`trainEpochs: offsets holds ${d.offsets.length} values but n is ${n}`);
  if (d.weights && d.weights.length < n)
    throw new Error(`trainEpochs: weights holds ${d.weights.length} values but n is ${n}`);
}

/**
 * Trains for o.epochs over the first d.n samples: rows of d.X (inputs, row-major), labels d.y in [0,1], and
 * optionally loss weights and logit offsets (the network then learns a correction to the offsets).
 */
export function trainEpochs(net: Mlp, opt: AdamState, d: Samples, o: TrainOptions): TrainResult {
  assertOptions(net, d, o);
  const n = d.n;
  const cfg = {
    learningRate: o.learningRate,
    beta1: o.beta1 ?? 0.9,
    beta2: o.beta2 ?? 0.999,
    eps: o.eps ?? 1e-7,
    l2: o.l2 ?? 0,
  };
  const step = { ...cfg, maxLoss: o.maxLoss ?? DEFAULT_MAX_LOSS };
  const bsMax = Math.min(o.batchSize, Math.max(n, 1));
  const ws = workspaceFor(net, bsMax);
  const rand = mulberry32(o.seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const epochLosses: number[] = [];
  let steps = 0;
  let diverged = false;
  for (let e = 0; e < o.epochs && n > 0 && !diverged; e++) {
    shuffleInPlace(order, n, rand);
    let lossSum = 0;
    let weightSum = 0;
    for (let start = 0; start < n; start += bsMax) {
      const bs = Math.min(bsMax, n - start);
      gatherBatch(ws, d, order, start, bs);
      const bw = batchWeight(ws.wb, bs);
      if (bw === 0) continue; // all-zero weights: nothing to learn from this batch
      const loss = stepBatch(net, opt, ws, bs, step);
      if (loss !== loss) {
        diverged = true;
        break;
      }
      steps++;
      lossSum += loss * bw;
      weightSum += bw;
    }
    if (!diverged) epochLosses.push(weightSum > 0 ? lossSum / weightSum : NaN);
  }
  return { finite: isFiniteNet(net), diverged, epochLosses, steps };
}

/**
 * Forward, backward and one Adam step on the gathered batch; returns its loss, or NaN (no update
 * applied) when the loss or a gradient is not finite or the loss exceeds maxLoss.
 */
function stepBatch(net: Mlp, opt: AdamState, ws: Workspace, bs: number, cfg: AdamConfig & { maxLoss: number }): number {
  const maxLoss = cfg.maxLoss;
  forwardBatch(net, ws, bs);
  const loss = lossAndOutputDelta(ws, bs);
  if (!Number.isFinite(loss) || loss > maxLoss || !Number.isFinite(backwardBatch(net, ws, bs))) return NaN;
  adamStep(net, opt, ws.gW, ws.gB, cfg);
  return loss;
}

function batchWeight(wb: readonly number[], bs: number): number {
  let s = 0;
  for (let i = 0; i < bs; i++) s += wb[i];
  return s;
}
