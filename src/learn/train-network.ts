// A night's training of the network: on the window's labelled days, each weighted by its age (recent
// days count most), warm-started from the last night's network, or from scratch the first time. A run
// that diverges leaves the network as it was.
import type { LearnConfig } from './config.ts';
import type { LearnerState } from './learner.ts';
import { cloneAdam, createAdam } from './nn/adam.ts';
import { cloneMlp, createMlp } from './nn/mlp.ts';
import { trainEpochs } from './nn/train.ts';
import { linearLogits, recencyWeights } from './predict/window.ts';

/** What a night's training did. */
export interface NightTraining {
  /** False when there were too few labelled days, or the run diverged. */
  trained: boolean;
  /** True when the network was started from scratch. */
  cold: boolean;
  diverged: boolean;
  samples: number;
  epochs: number;
  steps: number;
}

/** Trains the learner's network in place on its window; `seed` fixes the initialisation and the shuffles. */
export function trainNetwork(s: LearnerState, cfg: LearnConfig, seed: number): NightTraining {
  const nc = cfg.network;
  const w = s.window;
  const none: NightTraining = { trained: false, cold: false, diverged: false, samples: w.count, epochs: 0, steps: 0 };
  if (s.context.days < nc.minDays || w.count === 0) return none;
  const cold = s.network === null;
  const net = s.network ? cloneMlp(s.network.net) : createMlp(nc.layers.slice(), seed);
  // The network corrects the base's log-odds: starting with a zero output layer it starts as the base
  // exactly, and learns only the corrections the days support.
  if (!s.network) net.weights[net.weights.length - 1].fill(0);
  const opt = s.network ? cloneAdam(s.network.opt) : createAdam(net);
  const epochs = cold ? nc.epochsCold : nc.epochsWarm;
  const samples = {
    X: w.X,
    y: w.y,
    n: w.count,
    weights: recencyWeights(w, s.context.next, nc.halfLife),
    offsets: linearLogits(w),
  };
  const res = trainEpochs(net, opt, samples, {
    epochs,
    batchSize: nc.batchSize,
    learningRate: nc.learningRate,
    l2: nc.l2,
    seed,
  });
  if (res.diverged || !res.finite) return { ...none, cold, diverged: true, epochs };
  s.network = { net, opt, trainedThrough: s.context.next - 1, steps: (s.network?.steps ?? 0) + res.steps };
  return { trained: true, cold, diverged: false, samples: w.count, epochs, steps: res.steps };
}
