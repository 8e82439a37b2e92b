// Nudge's own core: one timed training call (mini-batch 32, or batch 1 for the like-for-like row
// against brain.js's Adam) and single-sample prediction latency.
import { createAdam } from '../src/learn/nn/adam.ts';
import { createMlp, predictProba } from '../src/learn/nn/mlp.ts';
import { trainEpochs } from '../src/learn/nn/train.ts';
import { TRAIN } from './config.ts';
import type { BenchData } from './data.ts';
import type { TrainerFamily } from './trainer.ts';
import { type Lap, perCallUs, startLap, summariseLaps, type Timing } from './stats.ts';

/** Times one full training call (20 epochs) on a freshly initialised network. */
export function nudgeTrainOnce(d: BenchData, seed: number, batchSize: number = TRAIN.batchSize): Lap {
  const net = createMlp(TRAIN.layers.slice(), seed);
  const opt = createAdam(net);
  const opts = { epochs: TRAIN.epochs, batchSize, learningRate: TRAIN.learningRate, seed: TRAIN.seed };
  const lap = startLap();
  const r = trainEpochs(net, opt, { X: d.X, y: d.y, n: d.n }, opts);
  const ms = lap();
  if (r.diverged || r.steps !== TRAIN.epochs * Math.ceil(d.n / batchSize))
    throw new Error(`nudge training did not complete: ${JSON.stringify(r)}`);
  return ms;
}

/** Per-call prediction latency in microseconds: median over batches of many calls, after a warm-up. */
export function nudgePredictUs(d: BenchData, calls: number): Timing {
  const net = createMlp(TRAIN.layers.slice(), 3);
  const X = d.X;
  const stride = d.inputs;
  const end = d.n * stride;
  // Locals only in the loop (no closure slots, no modulo): the harness costs next to nothing.
  const batch = (count: number): { lap: Lap; sink: number } => {
    let sink = 0;
    let off = 0;
    const lap = startLap();
    for (let i = 0; i < count; i++) {
      sink += predictProba(net, X, off);
      off += stride;
      if (off === end) off = 0;
    }
    return { lap: perCallUs(lap(), count), sink };
  };
  batch(Math.min(calls, 100_000));
  const per: Lap[] = [];
  for (let b = 0; b < 5; b++) {
    const r = batch(calls);
    if (!Number.isFinite(r.sink)) throw new Error('nudge prediction produced a non-finite value');
    per.push(r.lap);
  }
  return summariseLaps(per);
}

/** Nudge's configurations: `nudge` (mini-batch 32, the app's) and `nudge_batch1` (batch 1, like brain.js). */
export const NUDGE_TRAINERS: TrainerFamily = {
  nudge: (d) => ({ train: (rep) => nudgeTrainOnce(d, 1 + rep) }),
  nudge_batch1: (d) => ({ train: (rep) => nudgeTrainOnce(d, 1 + rep, 1) }),
};
