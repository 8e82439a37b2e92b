// Training hyper-parameters of the engine, chosen by replay quality on simulated users (bench/QUALITY.md).

/** Everything the engine's training and promotion depend on. */
export interface EngineOptions {
  layers: number[];
  /** Epochs for a network started from scratch, and for a nightly warm start from the active one. */
  epochsCold: 60, clamped to [minHoldout, maxHoldout]. */
  holdoutFraction: number;
  minHoldout: number;
  maxHoldout: number;
  /** Hold-out log-loss differences to the active model within this many nats are ties; the fresher model wins a tie. */
  promoteTolerance: 0.01, no training. */
  coldStartDays: number;
}

/** Defaults used by the app, the service worker and the replay. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  layers: [10, 16, 8, 1],
  epochsCold: 60,
  epochsWarm: 2,
  batchSize: 32,
  learningRate: 0.005,
  l2: 0.01,
  window: 365,
  holdoutFraction: 0.2,
  minHoldout: 14,
  maxHoldout: 60,
  coldStartDays: 28,
  promoteTolerance: 0.01,
  modelMargin: 0,
  baselineWindow: 180,
};
