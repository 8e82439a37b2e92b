// Training hyper-parameters of the engine, chosen by replay quality on simulated users (bench/QUALITY.md).

/** Everything the engine's training and promotion depend on. */
export interface EngineOptions {
  layers: number[];
  /** Epochs for a network started from scratch, and for a nightly warm start from the active one. */
  epochsCold: number;
  epochsWarm: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  /** At most this many days (the most recent) train the network. */
  window: number;
  /** Hold-out: the last holdoutFraction of labelled days, clamped to [minHoldout, maxHoldout]. */
  holdoutFraction: number;
  minHoldout: number;
  maxHoldout: number;
  /** Fewer labelled days than this: the prior (smoothed completion rate), no training. */
  coldStartDays: number;
}

/** Defaults used by the app, the service worker and the replay. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  layers: [10, 16, 8, 1],
  epochsCold: 30,
  epochsWarm: 4,
  batchSize: 32,
  learningRate: 0.005,
  l2: 1e-4,
  window: 365,
  holdoutFraction: 0.2,
  minHoldout: 14,
  maxHoldout: 60,
  coldStartDays: 28,
};
