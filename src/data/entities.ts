// The records of the app's IndexedDB database.
import type { LogEvent } from '../learn/events.ts';
import type { Checkpoint, Prediction, TrainingRun } from '../learn/types.ts';
import type { Schedule } from '../habits/schedule.ts';

/** A habit the person tracks. */
export interface Habit {
  id: string;
  name: string;
  /** ISO-8601 with the local offset, as in the backup file. */
  createdAt: string;
  /** Local day of createdAt: the first day the habit can be labelled. */
  createdDay: string;
  archivedAt: string | null;
  /** Position on Today (ascending). */
  order: number;
  /** 'HH:MM' local time for the in-app reminder, or null. */
  reminderTime?: string | null;
  /** CSS colour '#rrggbb', or null for the default. */
  color?: string | null;
  /** When the habit is meant to be done; absent (rows from before schema v3) means daily. */
  schedule?: Schedule;
  /** True for habits added by "Try with a sample history". */
  demo?: boolean;
}

/** An event as stored: the learning core's LogEvent plus its key fields. */
export interface StoredEvent extends LogEvent {
  id?: number;
  /** The original ISO-8601 string with offset (export writes it back unchanged). */
  at: string;
  /** habitId, or '' for app-level events, so compound indexes work. */
  habitKey: string;
  /** Merge identity: type|habitId|at|explicit day (empty when not marked). Unique. */
  key: string;
  demo?: boolean;
}

/**
 * What the event log held before a checkpoint's learner's next day when it was saved: the highest event id,
 * and the counts of the habit's events and of app launches on earlier days. When they still match, the next
 * run folds only the days since; when not (a day marked later, an import), the learner is repaired.
 */
export interface LearnerSync {
  maxEventId: number;
  habitEvents: number;
  opens: number;
}

/** A stored checkpoint; `active` marks the one the app predicts with (1) per habit. */
export interface CheckpointRow extends Checkpoint {
  id?: number;
  active: 0 | 1;
  /** Absent on imported checkpoints: their learner is then repaired from the history. */
  sync?: LearnerSync;
}

/** A stored training run. */
export interface TrainingRunRow extends TrainingRun {
  id?: number;
}

/** A stored prediction, one per habit (the latest). */
export type PredictionRow = Prediction;

/** Small key-value records (install marker, last launch, settings). */
export interface MetaRow {
  key: string;
  value: unknown;
}
