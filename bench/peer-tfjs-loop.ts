// TensorFlow.js's fastest fair training loop, beside model.fit: the same 10-16-8-1 network written
// with core ops (fused matMul + bias + ReLU), BCE from the logits, Adam through optimizer.minimize
// once per batch, over batches sliced and shuffled per epoch before the timed region, in prod mode.
import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffleInPlace } from '../src/learn/rng.ts';
import { TRAIN } from './config.ts';
import type { BenchData } from './data.ts';
import { type TfBackend, useBackend } from './peer-tfjs.ts';
import { type Lap, startLap } from './stats.ts';
import type { Trainer, TrainerFamily } from './trainer.ts';

interface Batch {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
}

/** Every epoch's batches, in a seeded shuffled order (Nudge's own shuffle, its cost left out of tfjs's time). */
function sliceEpochs(d: BenchData): Batch[][] {
  const rand = mulberry32(TRAIN.seed);
  const order = new Int32Array(d.n);
  for (let i = 0; i < d.n; i++) order[i] = i;
  const epochs: Batch[][] = [];
  for (let e = 0; e < TRAIN.epochs; e++) {
    shuffleInPlace(order, d.n, rand);
    const batches: Batch[] = [];
    for (let start = 0; start < d.n; start += TRAIN.batchSize) {
      const bs = Math.min(TRAIN.batchSize, d.n - start);
      const x = new Float32Array(bs * d.inputs);
      const y = new Float32Array(bs);
      for (let s = 0; s < bs; s++) {
        const r = order[start + s];
        x.set(d.X.subarray(r * d.inputs, (r + 1) * d.inputs), s * d.inputs);
        y[s] = d.y[r];
      }
      batches.push({ x: tf.tensor2d(x, [bs, d.inputs]), y: tf.tensor2d(y, [bs, 1]) });
    }
    epochs.push(batches);
  }
  return epochs;
}

/** Weights (He normal for the hidden layers, Glorot uniform for the output, as the fit model) and zero biases. */
function initParams(seed: number): tf.Variable[] {
  const params: tf.Variable[] = [];
  const L = TRAIN.layers;
  for (let l = 0; l + 1 < L.length; l++) {
    const init =
      l + 2 < L.length
        ? tf.initializers.heNormal({ seed: seed + l })
        : tf.initializers.glorotUniform({ seed: seed + l });
    params.push(tf.variable(init.apply([L[l], L[l + 1]]) as tf.Tensor2D));
    params.push(tf.variable(tf.zeros([L[l + 1]])));
  }
  return params;
}

/** Mean binary cross-entropy of the batch, computed from the logits as Nudge does. */
function batchLoss(params: tf.Variable[], b: Batch): tf.Scalar {
  const last = params.length / 2 - 1;
  let a: tf.Tensor = b.x;
  for (let l = 0; l <= last; l++) {
    const activation = l < last ? 'relu' : 'linear';
    a = tf.fused.matMul({ a: a as tf.Tensor2D, b: params[2 * l] as tf.Tensor2D, bias: params[2 * l + 1], activation });
  }
  return tf.losses.sigmoidCrossEntropy(b.y, a) as tf.Scalar;
}

function trainLoopOnce(epochs: Batch[][], seed: number): Lap {
  const params = initParams(seed);
  const opt = tf.train.adam(TRAIN.learningRate);
  const tensorsBefore = tf.memory().numTensors;
  const lap = startLap();
  for (const batches of epochs) for (const b of batches) opt.minimize(() => batchLoss(params, b), false, params);
  // The cpu and wasm backends compute synchronously; reading a weight back makes sure of it.
  const probe = params[params.length - 2].dataSync()[0];
  const ms = lap();
  const leaked = tf.memory().numTensors - tensorsBefore;
  opt.dispose();
  tf.dispose(params);
  if (!Number.isFinite(probe)) throw new Error('tfjs loop produced a non-finite weight');
  // Adam's two moments per parameter are created by its first step; anything beyond them is a leak.
  if (leaked > 2 * params.length) throw new Error(`tfjs loop leaked ${leaked} tensors in one training`);
  return ms;
}

/** The loop on the backend: prod mode on, every epoch's batches built before the first timed call. */
async function loopTrainer(b: TfBackend, d: BenchData): Promise<Trainer> {
  await useBackend(b);
  tf.enableProdMode();
  const epochs = sliceEpochs(d);
  return {
    train: (rep) => trainLoopOnce(epochs, 1 + rep),
    dispose: () => {
      for (const batches of epochs) for (const x of batches) tf.dispose([x.x, x.y]);
    },
  };
}

/** tfjs's loop configurations: `tfjs_cpu_loop` and `tfjs_wasm_loop`. */
export const TFJS_LOOP_TRAINERS: TrainerFamily = {
  tfjs_cpu_loop: (d) => loopTrainer('cpu', d),
  tfjs_wasm_loop: (d) => loopTrainer('wasm', d),
};
