// TensorFlow.js peer: the same 10-16-8-1 network trained with model.fit on the cpu and wasm backends.
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { BenchData } from './data.ts';
import { TRAIN } from './config.ts';
import { type Lap, perCallUs, startLap, summariseLaps, type Timing } from './stats.ts';
import type { Trainer, TrainerFamily } from './trainer.ts';

/** The tfjs backends compared. */
export type TfBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/** Switches tfjs to a backend; the wasm binaries are read from node_modules (no network). */
export async function useBackend(b: TfBackend): Promise<string> {
  if (b === 'wasm' && !wasmPathsSet) {
    // Imported here, so a process timing the cpu backend never loads the wasm one.
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
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

/** model.fit on the backend: the whole data set as two tensors, built before the timed call. */
async function fitTrainer(b: TfBackend, d: BenchData): Promise<Trainer> {
  await useBackend(b);
  const xs = tf.tensor2d(d.X, [d.n, d.inputs]);
  const ys = tf.tensor2d(d.y, [d.n, 1]);
  return { train: () => fitOnce(xs, ys), dispose: () => tf.dispose([xs, ys]) };
}

/** tfjs's model.fit configurations: `tfjs_cpu` and `tfjs_wasm`. */
export const TFJS_FIT_TRAINERS: TrainerFamily = {
  tfjs_cpu: (d) => fitTrainer('cpu', d),
  tfjs_wasm: (d) => fitTrainer('wasm', d),
};

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
