// Full-batch loss and gradients of the training objective, for gradient checks and diagnostics.
import type { Mlp } from './mlp.ts';
import {
  backwardBatch,
  createWorkspace,
  forwardBatch,
  gatherBatch,
  lossAndOutputDelta,
  type Samples,
} from './kernels.ts';

/**
 * Objective = weighted mean BCE of sigmoid(logit + offset) + (l2 / 2) * sum of squared weights, and its gradients
 * (copies) in the network's layout, through the fast kernels on one batch of all the samples.
 */
export function lossAndGradients(
  net: Mlp,
  d: Samples,
  l2 = 0,
): { loss: number; gW: Float64Array[]; gB: Float64Array[] } {
  const n = d.n;
  const ws = createWorkspace(net.layers, n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  gatherBatch(ws, d, order, 0, n);
  forwardBatch(net, ws, n);
  let loss = lossAndOutputDelta(ws, n);
  backwardBatch(net, ws, n);
  const gW = ws.gW.map((g, l) => {
    const w = net.weights[l];
    const out = Float64Array.from(g);
    for (let k = 0; k < out.length; k++) {
      out[k] += l2 * w[k];
      loss += 0.5 * l2 * w[k] * w[k];
    }
    return out;
  });
  return { loss, gW, gB: ws.gB.map((g) => Float64Array.from(g)) };
}
