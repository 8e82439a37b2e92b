// The reference network: forward and back-propagation for one sample at a time, in double precision,
// written to be read rather than to be fast. The fast kernels (kernels.ts, blas.ts) are tested against it
// on random architectures and batches, and it is itself checked against finite differences.
import type { Mlp } from './mlp.ts';
import type { Samples } from './kernels.ts';

/** Objective and gradients: weighted mean BCE of sigmoid(logit + offset) + (l2 / 2) * sum of squared weights. */
export interface ReferenceResult {
  loss: number;
  gW: Float64Array[];
  gB: Float64Array[];
  /** Each sample's logit, without its offset. */
  logits: number[];
}

/** Each layer's activations for one input (ReLU hidden layers; the last holds the logit). */
export function referenceForward(net: Mlp, x: ArrayLike<number>): number[][] {
  const L = net.layers.length - 1;
  const acts: number[][] = [Array.from(x)];
  for (let l = 0; l < L; l++) {
    const nin = net.layers[l];
    const out: number[] = [];
    for (let o = 0; o < net.layers[l + 1]; o++) {
      let z = net.biases[l][o];
      for (let i = 0; i < nin; i++) z += net.weights[l][o * nin + i] * acts[l][i];
      out.push(l === L - 1 ? z : Math.max(0, z));
    }
    acts.push(out);
  }
  return acts;
}

/** The objective and its gradients over the first d.n samples, summed sample by sample. */
export function referenceLossAndGradients(net: Mlp, d: Samples, l2 = 0): ReferenceResult {
  const L = net.layers.length - 1;
  const nin0 = net.layers[0];
  const gW = net.weights.map((w) => new Float64Array(w.length));
  const gB = net.biases.map((b) => new Float64Array(b.length));
  let wsum = 0;
  for (let s = 0; s < d.n; s++) wsum += d.weights ? d.weights[s] : 1;
  let loss = 0;
  const logits: number[] = [];
  for (let s = 0; s < d.n; s++) {
    const acts = referenceForward(net, d.X.subarray(s * nin0, (s + 1) * nin0));
    const logit = acts[L][0];
    logits.push(logit);
    const z = logit + (d.offsets ? d.offsets[s] : 0);
    const share = (d.weights ? d.weights[s] : 1) / wsum;
    const y = d.y[s];
    loss += share * (Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))));
    let delta = [share * (1 / (1 + Math.exp(-z)) - y)];
    for (let l = L - 1; l >= 0; l--) {
      const nin = net.layers[l];
      const prev = acts[l];
      const back = new Array(nin).fill(0);
      for (let o = 0; o < net.layers[l + 1]; o++) {
        gB[l][o] += delta[o];
        for (let i = 0; i < nin; i++) {
          gW[l][o * nin + i] += delta[o] * prev[i];
          back[i] += net.weights[l][o * nin + i] * delta[o];
        }
      }
      delta = back.map((v, i) => (prev[i] > 0 ? v : 0));
    }
  }
  for (let l = 0; l < L; l++) {
    const w = net.weights[l];
    for (let k = 0; k < w.length; k++) {
      gW[l][k] += l2 * w[k];
      loss += 0.5 * l2 * w[k] * w[k];
    }
  }
  return { loss, gW, gB, logits };
}
