// Nudge's own core: warm training (in this process, after a warm-up), cold training (first call in
// a fresh Node process per repetition) and single-sample prediction latency.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMlp, predictProba } from '../src/learn/nn/mlp.ts';
import { createAdam } from '../src/learn/nn/adam.ts';
import { trainEpochs } from '../src/learn/nn/train.ts';
import type { BenchData } from './data.ts';
import { TRAIN } from './config.ts';
import { perCallUs, startLap, summariseLaps, type Lap, type Timing } from './stats.ts';

/** Times one full training call (20 epochs) on a freshly initialised network. */
export function nudgeTrainOnce(d: BenchData, seed: number): Lap {
  const net = createMlp(TRAIN.layers.slice(), seed);
  const opt = createAdam(net);
  const opts = { epochs: TRAIN.epochs, batchSize: TRAIN.batchSize, learningRate: TRAIN.learningRate, seed: TRAIN.seed };
  const lap = startLap();
  const r = trainEpochs(net, opt, { X: d.X, y: d.y, n: d.n }, opts);
  const ms = lap();
  if (r.diverged || r.steps !== TRAIN.epochs * Math.ceil(d.n / TRAIN.batchSize))
    throw new Error(`nudge training did not complete: ${JSON.stringify(r)}`);
  return ms;
}

const CHILD = fileURLToPath(new URL('./nudge-cold-child.ts', import.meta.url));

/** Cold training: each repetition spawns a fresh Node process that imports the core, builds the data and times its first training. */
export function nudgeCold(n: number, reps: number): Timing {
  const runs: Lap[] = [];
  for (let i = 0; i < reps; i++) {
    const p = spawnSync(process.execPath, ['--import', 'tsx', CHILD, String(n)], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`cold child failed (exit ${p.status}): ${p.stderr}`);
    const lap = JSON.parse(p.stdout.trim().split('\n').pop() ?? '') as Lap;
    if (!Number.isFinite(lap.wall) || !Number.isFinite(lap.cpu))
      throw new Error(`cold child printed no timing: ${p.stdout}`);
    runs.push(lap);
  }
  return summariseLaps(runs);
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
