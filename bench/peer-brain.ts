// brain.js peer: NeuralNetwork (its CPU trainer) with hidden layers [16, 8], ReLU, Adam praxis.
import brain from 'brain.js';
import type { BenchData } from './data.ts';
import { rowsOf } from './data.ts';
import { TRAIN } from './config.ts';
import { nowMs, summarise, type Timing } from './stats.ts';

type Sample = { input: number[]; output: number[] };

function samplesOf(d: BenchData): Sample[] {
  return rowsOf(d).map((input, i) => ({ input, output: [d.y[i]] }));
}

function newNet(): brain.NeuralNetwork<number[], number[]> {
  return new brain.NeuralNetwork<number[], number[]>({ hiddenLayers: [TRAIN.layers[1], TRAIN.layers[2]], activation: 'relu' });
}

function trainOnce(data: Sample[]): number {
  const net = newNet();
  const t0 = nowMs();
  // errorThresh tiny but positive: it must never stop before 20 iterations (checked below).
  const r = net.train(data, { iterations: TRAIN.epochs, learningRate: TRAIN.learningRate, log: false, errorThresh: 1e-12, praxis: 'adam' });
  const ms = nowMs() - t0;
  if (r.iterations !== TRAIN.epochs) throw new Error(`brain.js stopped after ${r.iterations} iterations, expected ${TRAIN.epochs}`);
  return ms;
}

/** Warm training: one untimed warm-up run, then `reps` timed runs on fresh networks. */
export function brainTrain(d: BenchData, reps: number): Timing {
  const data = samplesOf(d);
  trainOnce(data);
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) runs.push(trainOnce(data));
  return summarise(runs);
}

/** Per-call latency (microseconds) of net.run on one sample. */
export function brainPredictUs(d: BenchData, calls: number): Timing {
  const data = samplesOf(d);
  const net = newNet();
  net.train(data.slice(0, 50), { iterations: 1, learningRate: TRAIN.learningRate, log: false, errorThresh: 1e-12, praxis: 'adam' });
  let sink = 0;
  const inputs = data.map((s) => s.input);
  for (let i = 0; i < Math.min(calls, 20_000); i++) sink += net.run(inputs[i % inputs.length])[0];
  const per: number[] = [];
  for (let b = 0; b < 5; b++) {
    const t0 = nowMs();
    for (let i = 0; i < calls; i++) sink += net.run(inputs[i % inputs.length])[0];
    per.push(((nowMs() - t0) * 1000) / calls);
  }
  if (!Number.isFinite(sink)) throw new Error('brain.js prediction produced a non-finite value');
  return summarise(per);
}
