// The backup file as TypeScript types and limits: version 2 (docs/backup-format.md) is version 1
// (DESIGN.md "Backup file, version 1") plus an optional `schedule` on each habit (absent = daily).
import type { EventType } from '../../learn/events.ts';
import type { Checkpoint } from '../../learn/types.ts';
import type { Schedule } from '../../habits/schedule.ts';

/** The backup format version this app writes; it reads this one and every earlier one. */
export const BACKUP_VERSION = 2;
/** Refuse files above this size (characters of text, about bytes for JSON). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Refuse files with more habits than this. */
export const MAX_HABITS = 1_000;
/** Refuse files with more events than this (about 50 years of heavy use). */
export const MAX_EVENTS = 2_000_000;
/** Refuse files with more checkpoints than this. */
export const MAX_CHECKPOINTS = 10_000;

/** A habit in a backup. Fields beyond the contract's four are optional. */
export interface BackupHabit {
  id: string;
  name: string;
  createdAt: string;
  archivedAt: string | null;
  reminderTime?: string | null;
  color?: string | null;
  order?: number;
  /** Version 2: when the habit is meant to be done; absent means daily. */
  schedule?: Schedule;
  demo?: boolean;
}

/** An event in a backup: `day` only for a past day marked later. */
export interface BackupEvent {
  type: EventType;
  habitId?: string;
  at: string;
  day?: string;
  demo?: boolean;
}

type Arrays = number[][];
type OptimizerArrays = { step: number; mW: Arrays; vW: Arrays; mB: Arrays; vB: Arrays };
/** A checkpoint in a backup: Float32Arrays written as arrays of finite numbers. */
export type BackupCheckpoint = Omit<Checkpoint, 'weights' | 'biases' | 'optimizer' | 'learner'> & {
  weights: Arrays;
  biases: Arrays;
  optimizer: OptimizerArrays;
  /** The learner's other stages as JSON data (learn/learner-record.ts); checked when the trainer loads it. */
  learner?: unknown;
  active?: boolean;
};

/** A whole backup file: version 2 as written; a version-1 file reads as the same shape without schedules. */
export interface BackupFile {
  app: 'nudge';
  kind: 'backup';
  version: 1 | 2;
  exportedAt: string;
  timeZone?: string;
  habits: BackupHabit[];
  events: BackupEvent[];
  checkpoints?: BackupCheckpoint[];
}
