// brain.js peer: NeuralNetwork (its CPU trainer) with hidden layers [16, 8], ReLU; its default
// trainer (SGD with momentum, the fastest) and, for the like-for-like row, its Adam praxis.
import brain from 'brain.js';
import type { BenchData } from './data.ts';
import type { TrainerFamily } from './trainer.ts';
import { rowsOf } from './data.ts';
import { TRAIN } from './config.ts';
import { type Lap, perCallUs, startLap, summariseLaps, type Timing } from './stats.ts';

/** brain.js trainers compared: its default SGD with momentum 0.1, or its Adam praxis. */
export type BrainPraxis = 'default' | 'adam';

type Sample = { input: number[]; output: number[] };

function samplesOf(d: BenchData): Sample[] {
  return rowsOf(d).map((input, i) => ({ input, output: [d.y[i]] }));
}

function newNet(): brain.NeuralNetwork<number[], number[]> {
  return new brain.NeuralNetwork<number[], number[]>({
    hiddenLayers: [TRAIN.layers[1], TRAIN.layers[2]],
    activation: 'relu',
  });
}

// Adam's settings as in Nudge's trainEpochs (brain.js's own epsilon default is 1e-8).
const ADAM = { praxis: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

function trainOnce(data: Sample[], praxis: BrainPraxis): Lap {
  const net = newNet();
  // errorThresh tiny but positive: it must never stop before 20 iterations (checked below).
  const opts = { iterations: TRAIN.epochs, learningRate: TRAIN.learningRate, log: false, errorThresh: 1e-12 };
  const lap = startLap();
  const r = net.train(data, praxis === 'adam' ? { ...opts, ...ADAM } : opts);
  const ms = lap();
  if (r.iterations !== TRAIN.epochs)
    throw new Error(`brain.js stopped after ${r.iterations} iterations, expected ${TRAIN.epochs}`);
  return ms;
}

/** One timed training run per call on a fresh network; the samples are converted once, untimed. */
export function brainTrainer(d: BenchData, praxis: BrainPraxis): () => Lap {
  const data = samplesOf(d);
  return () => trainOnce(data, praxis);
}

/** Per-call latency (microseconds) of net.run on one sample. */
export function brainPredictUs(d: BenchData, calls: number): Timing {
  const data = samplesOf(d);
  const net = newNet();
  net.train(data.slice(0, 50), { iterations: 1, learningRate: TRAIN.learningRate, log: false, errorThresh: 1e-12 });
  const inputs = data.map((s) => s.input);
  const n = inputs.length;
  // Same harness shape as Nudge's: locals only, no modulo.
  const batch = (count: number): { lap: Lap; sink: number } => {
    let sink = 0;
    let j = 0;
    const lap = startLap();
    for (let i = 0; i < count; i++) {
      sink += net.run(inputs[j])[0];
      if (++j === n) j = 0;
    }
    return { lap: perCallUs(lap(), count), sink };
  };
  let sink = batch(Math.min(calls, 20_000)).sink;
  const per: Lap[] = [];
  for (let b = 0; b < 5; b++) {
    const r = batch(calls);
    sink += r.sink;
    per.push(r.lap);
  }
  if (!Number.isFinite(sink)) throw new Error('brain.js prediction produced a non-finite value');
  return summariseLaps(per);
}

/** brain.js's configurations: its default trainer and its Adam praxis. */
export const BRAIN_TRAINERS: TrainerFamily = {
  brainjs: (d) => ({ train: brainTrainer(d, 'default') }),
  brainjs_adam: (d) => ({ train: brainTrainer(d, 'adam') }),
};
