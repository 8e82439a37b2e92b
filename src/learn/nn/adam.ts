// Adam (Kingma & Ba, 2015) with bias correction, updating Float32Array parameters in place.
import type { Mlp } from './mlp.ts';

/** Adam's moments, in the same layout as the network's weights and biases, and its step count. */
export interface AdamState {
  step: number;
  mW: Float32Array[];
  vW: Float32Array[];
  mB: Float32Array[];
  vB: Float32Array[];
}

/** Hyper-parameters of one Adam step; l2 adds l2 * w to weight (not bias) gradients. */
export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  eps: number;
  l2: number;
}

/** Zeroed moments for a network. */
export function createAdam(net: Mlp): AdamState {
  const z = (a: Float32Array): Float32Array => new Float32Array(a.length);
  return { step: 0, mW: net.weights.map(z), vW: net.weights.map(z), mB: net.biases.map(z), vB: net.biases.map(z) };
}

/** A deep copy of the optimizer state. */
export function cloneAdam(s: AdamState): AdamState {
  const c = (a: Float32Array): Float32Array => a.slice();
  return { step: s.step, mW: s.mW.map(c), vW: s.vW.map(c), mB: s.mB.map(c), vB: s.vB.map(c) };
}

/** One step's constants: the hyper-parameters, the bias corrections 1/(1-beta^t), and the L2 of this array. */
interface StepConsts {
  lr: number;
  b1: number;
  b2: number;
  eps: number;
  c1: number;
  c2: number;
  l2: number;
}

/** Updates one parameter array from its gradient: m, v moving averages, bias-corrected step. */
function adamUpdate(p: Float32Array, g: readonly number[], m: Float32Array, v: Float32Array, k: StepConsts): void {
  const { lr, b1, b2, eps, c1, c2, l2 } = k;
  const n = p.length;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  for (let j = 0; j < n; j++) {
    const gj = g[j] + l2 * p[j];
    const mj = b1 * m[j] + a1 * gj;
    const vj = b2 * v[j] + a2 * gj * gj;
    m[j] = mj;
    v[j] = vj;
    p[j] -= (lr * (mj * c1)) / (Math.sqrt(vj * c2) + eps);
  }
}

/** One Adam step over every layer, with gradients gW/gB in the network's layout. */
export function adamStep(
  net: Mlp,
  s: AdamState,
  gW: readonly (readonly number[])[],
  gB: readonly (readonly number[])[],
  c: AdamConfig,
): void {
  s.step++;
  const c1 = 1 / (1 - c.beta1 ** s.step);
  const c2 = 1 / (1 - c.beta2 ** s.step);
  const weights: StepConsts = { lr: c.learningRate, b1: c.beta1, b2: c.beta2, eps: c.eps, c1, c2, l2: c.l2 };
  // Biases are not penalised.
  const biases: StepConsts = { ...weights, l2: 0 };
  for (let l = 0; l < net.weights.length; l++) {
    adamUpdate(net.weights[l], gW[l], s.mW[l], s.vW[l], weights);
    adamUpdate(net.biases[l], gB[l], s.mB[l], s.vB[l], biases);
  }
}
