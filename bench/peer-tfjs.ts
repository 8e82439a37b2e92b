// TensorFlow.js peer: the same 10-16-8-1 network trained with model.fit on the cpu and wasm backends.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { BenchData } from './data.ts';
import { TRAIN } from './config.ts';
import { perCallUs, repsWithin, startLap, summariseLaps, type Lap, type Timing } from './stats.ts';

/** The tfjs backends compared. */
export type TfBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/** Switches tfjs to a backend; the wasm binaries are read from node_modules (no network). */
export async function useBackend(b: TfBackend): Promise<string> {
  if (b === 'wasm' && !wasmPathsSet) {
    const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
    setWasmPaths(`${dirname(entry)}/`);
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(b))) throw new Error(`tfjs backend ${b} failed to initialise`);
  await tf.ready();
  if (b !== 'wasm') return b;
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `wasm (simd ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'})`;
}

/** The closest tfjs model: dense relu 16, dense relu 8, dense sigmoid 1, Adam, binary cross-entropy. */
function buildModel(): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: TRAIN.layers[1],
      activation: 'relu',
      inputShape: [TRAIN.layers[0]],
      kernelInitializer: 'heNormal',
    }),
  );
  m.add(tf.layers.dense({ units: TRAIN.layers[2], activation: 'relu', kernelInitializer: 'heNormal' }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  m.compile({ optimizer: tf.train.adam(TRAIN.learningRate), loss: 'binaryCrossentropy' });
  return m;
}

async function fitOnce(xs: tf.Tensor, ys: tf.Tensor): Promise<Lap> {
  const model = buildModel();
  const lap = startLap();
  const h = await model.fit(xs, ys, { epochs: TRAIN.epochs, batchSize: TRAIN.batchSize, shuffle: true, verbose: 0 });
  const ms = lap();
  if (h.epoch.length !== TRAIN.epochs)
    throw new Error(`tfjs fit ran ${h.epoch.length} epochs, expected ${TRAIN.epochs}`);
  model.dispose();
  return ms;
}

/**
 * Training time of model.fit on the current backend: one untimed warm-up (on at most
 * `warmupCap` samples), then up to `reps` timed runs within `budgetMs`.
 */
export async function tfjsTrain(d: BenchData, reps: number, budgetMs: number, warmupCap: number): Promise<Timing> {
  const xs = tf.tensor2d(d.X, [d.n, d.inputs]);
  const ys = tf.tensor2d(d.y, [d.n, 1]);
  const wn = Math.min(d.n, warmupCap);
  const wx = wn === d.n ? xs : xs.slice([0, 0], [wn, d.inputs]);
  const wy = wn === d.n ? ys : ys.slice([0, 0], [wn, 1]);
  const warm = await fitOnce(wx, wy);
  const estimate = (warm.wall * d.n) / wn;
  const runs: Lap[] = [];
  const count = repsWithin(reps, estimate, budgetMs);
  for (let i = 0; i < count; i++) runs.push(await fitOnce(xs, ys));
  if (wx !== xs) tf.dispose([wx, wy]);
  tf.dispose([xs, ys]);
  return summariseLaps(runs);
}

/** Per-call latency (microseconds) of a tf.tidy predict on a 1 x 10 tensor, value read back. */
export function tfjsPredictUs(d: BenchData, calls: number): Timing {
  const model = buildModel();
  const x = tf.tensor2d(d.X.subarray(0, d.inputs), [1, d.inputs]);
  let sink = 0;
  const one = (): number => tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync()[0]);
  for (let i = 0; i < Math.min(200, calls); i++) sink += one();
  const per: Lap[] = [];
  for (let b = 0; b < 5; b++) {
    const lap = startLap();
    for (let i = 0; i < calls; i++) sink += one();
    per.push(perCallUs(lap(), calls));
  }
  tf.dispose(x);
  model.dispose();
  if (!Number.isFinite(sink)) throw new Error('tfjs prediction produced a non-finite value');
  return summariseLaps(per);
}
