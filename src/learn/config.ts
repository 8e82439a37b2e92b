// The learner's settings, grouped by the stage they belong to. Chosen by replay quality on simulated
// people (docs/quality.md); the feature constants are part of the feature version instead (features.ts).
import { DEFAULT_LAYERS } from './nn/mlp.ts';
import type { MixtureConfig } from './predict/mixture.ts';
import type { RhythmConfig } from './predict/rhythm.ts';
import type { StackerConfig } from './predict/stacker.ts';

/** How the network is trained each night. */
export interface NetworkConfig {
  /** Layer sizes, input first. */
  layers: number[];
  /** Labelled days before the network is first trained. */
  minDays: number;
  /** At most this many recent labelled days are kept for training. */
  window: number;
  /** A day's weight in training halves every this many days of age. */
  halfLife: number;
  /** Epochs of the first training (from scratch) and of each night's warm start. */
  epochsCold: number;
  epochsWarm: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights (not the biases). */
  l2: number;
}

/** What the shown probability is built from, and when it is called a prior. */
export interface ShownConfig {
  /** Fewer labelled days than this: the smoothed completion rate is shown, as a prior ("too little history yet"). */
  coldStartDays: number;
}

/** Every setting of the learner. */
export interface LearnConfig {
  rhythm: RhythmConfig;
  stacker: StackerConfig;
  /** The mixture of the simple predictors (rate, recent, rhythm, momentum): the base. */
  base: MixtureConfig;
  network: NetworkConfig;
  /** The mixture of the stacker's log-odds alone and with the network's correction: the learned model. */
  learned: MixtureConfig;
  /** The mixture of the base and the learned model: the probability shown. */
  mixture: MixtureConfig;
  shown: ShownConfig;
}

/** The settings the app, the service worker and the replay use. */
export const DEFAULT_CONFIG: LearnConfig = {
  rhythm: { hazard: 0.003, shrink: 3, maxSegments: 48 },
  network: {
    layers: DEFAULT_LAYERS.slice(),
    minDays: 21,
    window: 365,
    halfLife: 365,
    epochsCold: 60,
    epochsWarm: 3,
    batchSize: 32,
    learningRate: 0.005,
    l2: 0.1,
  },
  // Starting weights: bias, then the log-odds of rate, recent, rhythm, momentum, weekdays, reminder rate, launch
  // rate, and the week's need rate over the recent rate (0 unless the habit is N per week).
  stacker: { step: 0.3, eps: 1, w0: [-0.018, -0.713, -0.81, 0.673, 0.301, 0, 0.672, 0.636, 0.6] },
  // Order: rate, recent, rhythm, momentum, weekdays.
  base: { share: 0.002, prior: [1, 1, 1, 1, 1] },
  // Order: linear part, network. The network's correction is used as far as it predicts better, day after day.
  learned: { share: 0.002, prior: [1, 1] },
  // Order: base, learned model.
  mixture: { share: 0.002, prior: [1, 1] },
  shown: { coldStartDays: 21 },
};

/** The default settings with some replaced: `{ network: { epochsWarm: 5 } }` changes that one setting. */
export function withConfig(changes: { [K in keyof LearnConfig]?: Partial<LearnConfig[K]> } = {}): LearnConfig {
  return {
    rhythm: { ...DEFAULT_CONFIG.rhythm, ...changes.rhythm },
    stacker: { ...DEFAULT_CONFIG.stacker, ...changes.stacker },
    base: { ...DEFAULT_CONFIG.base, ...changes.base },
    network: { ...DEFAULT_CONFIG.network, ...changes.network },
    learned: { ...DEFAULT_CONFIG.learned, ...changes.learned },
    mixture: { ...DEFAULT_CONFIG.mixture, ...changes.mixture },
    shown: { ...DEFAULT_CONFIG.shown, ...changes.shown },
  };
}
