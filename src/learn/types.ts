// Records the learning core produces and the app stores: checkpoints, training runs, predictions.
// Plain serialisable data (structured-clone friendly), so IndexedDB, Comlink and JSON carry them.
import type { LearnerRecord } from './learner-record.ts';
import type { AdamState } from './nn/adam.ts';

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

/** Scores of one predictor over a set of days. */
export interface Metrics {
  n: number;
  logLoss: number;
  brier: number;
  auc: number | null;
}

/** A predictor's log-loss, Brier score and AUC over the labelled days it predicted before seeing them. */
export interface RecordMetrics {
  base: Metrics;
  /** The learned model (the stacker with the network's correction). */
  learned: Metrics;
  shown: Metrics;
  /** The learned model's share of the weight behind today's probability. */
  networkShare: number;
}

/** A versioned, self-describing snapshot of one habit's learner: its network and the state of every stage. */
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
  optimizer: AdamState;
  /** Mini-batch steps taken in total. */
  step: number;
  /** Last labelled day the network was trained on. */
  trainedThrough: string;
  /** How base, network and shown probability did on the recent days each predicted unseen. */
  metrics: RecordMetrics;
  createdAt: number;
  trigger: Trigger;
  /** The state of every other stage (context, rhythm, stacker, mixtures, the labelled days kept). */
  learner: LearnerRecord;
}

/** One attempt to train, promoted or not. */
export interface TrainingRun {
  habitId: string;
  startedAt: number;
  durationMs: number;
  trigger: Trigger;
  samples: number;
  /** True when the run stored a new checkpoint version. */
  promoted: boolean;
  /** Plain words: what the run did and why (too little history, trained, diverged, ...). */
  reason: string;
  metrics: RecordMetrics | null;
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

/** What a prediction was built from, for words like "learned from your last 8 weeks". */
export interface PredictionBasis {
  /** Labelled days of history so far. */
  labelledDays: number;
  /** First day of the current weekly rhythm (after its last change point), null with no history. */
  rhythmSince: string | null;
  /** Labelled days the network learned from, null before it is trained. */
  networkDays: number | null;
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
  /** Absent in predictions stored before it existed. */
  basis?: PredictionBasis;
}
