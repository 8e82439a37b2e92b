// Records the learning core produces and the app stores: checkpoints, training runs, predictions.
// Plain serialisable data (structured-clone friendly), so IndexedDB, Comlink and JSON carry them.

/** What started a training run; every run records it. */
export type Trigger =
  | 'periodicsync'
  | 'charging'
  | 'idle'
  | 'quiet'
  | 'visibility'
  | 'launch'
  | 'manual'
  | 'daychange'
  | 'replay';

/** Layer sizes, input first: [10, 16, 8, 1] by default. */
export interface ModelConfig {
  layers: number[];
}

/** Hold-out metrics of one predictor. */
export interface Metrics {
  n: number;
  logLoss: number;
  brier: number;
  auc: number | null;
}

/** Adam's moments in the network's layout, and its step count, for warm starts. */
export interface OptimizerState {
  step: number;
  mW: Float32Array[];
  vW: Float32Array[];
  mB: Float32Array[];
  vB: Float32Array[];
}

/**
 * The validated network refit on every labelled day, the hold-out included: it makes the
 * predictions, and its track record on days it had not yet seen weighs it against the baselines.
 */
export interface RefitState {
  weights: Float32Array[];
  biases: Float32Array[];
  optimizer: OptimizerState;
  /** Decayed sum over those unseen days of (baselines' average log-loss − refit log-loss), in nats. */
  evidence: number;
  /** Last labelled day counted in `evidence` (the refit trained through it, so later days are unseen). */
  evidenceThrough: string;
}

/** A versioned, self-describing model snapshot for one habit. */
export interface Checkpoint {
  schemaVersion: number;
  habitId: string;
  /** 1, 2, 3 ... per habit; rollback goes to a lower one. */
  version: number;
  config: ModelConfig;
  featureVersion: number;
  /** Per layer: weights (out x in, row-major) then biases. */
  weights: Float32Array[];
  biases: Float32Array[];
  /** Adam moments in the same layout, and its step count, for warm starts. */
  optimizer: OptimizerState;
  /** Training samples seen in total (sum over runs). */
  step: number;
  /** Last labelled day the model was trained on. */
  trainedThrough: string;
  metrics: { model: Metrics; baseline: Metrics; active: Metrics | null };
  createdAt: number;
  trigger: Trigger;
  /** The predicting twin (absent in checkpoints made before it existed: the validated network predicts). */
  refit?: RefitState;
}

/** One attempt to train, promoted or not. */
export interface TrainingRun {
  habitId: string;
  startedAt: number;
  durationMs: number;
  trigger: Trigger;
  samples: number;
  promoted: boolean;
  /** Plain words: why promoted, rejected, skipped (cold start, divergence, ...). */
  reason: string;
  metrics: { model: Metrics; baseline: Metrics; active: Metrics | null } | null;
  /** Version of the checkpoint this run produced (when promoted), else null. */
  checkpointVersion: number | null;
  featureVersion: number;
}

/** Where a probability came from. */
export type PredictionSource = 'model' | 'prior' | 'baseline';

/** A feature's pull on today's prediction, in plain words. */
export interface Reason {
  feature: string;
  text: string;
  effect: number;
}

/** Today's probability for one habit, as stored for the UI. */
export interface Prediction {
  habitId: string;
  day: string;
  p: number;
  source: PredictionSource;
  reasons: Reason[];
  modelVersion: number | null;
  computedAt: number;
}
