// What every peer configuration offers the two layouts: a trainer prepared on one data set, so
// that data conversion and tensor building stay outside the timed region.
import type { BenchData } from './data.ts';
import type { Lap } from './stats.ts';

/** A peer configuration prepared on one data set; each call trains a fresh network and times only the training. */
export interface Trainer {
  train(rep: number): Lap | Promise<Lap>;
  /** Frees what preparation allocated (tfjs tensors); absent when there is nothing to free. */
  dispose?(): void;
}

/** Builds a trainer for a data set (untimed: backend set-up, data conversion, tensors). */
export type TrainerFactory = (d: BenchData) => Trainer | Promise<Trainer>;

/** The peer configurations of one library, by the name the JSON reports them under. */
export type TrainerFamily = Record<string, TrainerFactory>;
