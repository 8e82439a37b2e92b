// The shape of `npm run bench -- --json` (keys are a contract; bench/README.md says what each means).
import type { Detached } from './isolated.ts';

/** Peer name -> number. */
export type PeerNumbers = Record<string, number>;

/** Per "samples_N", per peer. */
export type BySize = Record<string, PeerNumbers>;

/** brainjs_adam / nudge_batch1 (Adam, batch 1 on both sides) in each layout. */
export interface LikeForLike {
  shared: number;
  shared_paired: number;
  isolated?: number;
  cold?: number;
}

/** Everything one benchmark run reports. The isolated and cold families are absent in results saved before them. */
export interface BenchResult {
  /** Shared layout medians (nudge_warm, brainjs, nudge_batch1, brainjs_adam, tfjs_*), plus nudge_cold. */
  train_ms: BySize;
  train_ms_min: BySize;
  train_reps: BySize;
  /** Median CPU time (user + system of the measuring process) per run: robust to other load on the machine. */
  train_cpu_ms: BySize;
  /** Peer median / nudge_warm median, per size. */
  train_ratio_vs_nudge_warm: BySize;
  /** Median over interleaved rounds: brainjs / nudge_warm, brainjs_adam / nudge_batch1. */
  train_ratio_paired?: BySize;
  /** Isolated layout: each configuration in its own fresh process; Nudge's app configuration is `nudge`. */
  train_ms_isolated?: BySize;
  train_ms_isolated_min?: BySize;
  train_cpu_ms_isolated?: BySize;
  train_reps_isolated?: BySize;
  /** Peer / nudge in the isolated layout. */
  train_ratio_isolated?: BySize;
  /** First training call in a fresh process, median over processes, every configuration. */
  train_ms_cold?: BySize;
  train_ms_cold_min?: BySize;
  train_cpu_ms_cold?: BySize;
  train_reps_cold?: BySize;
  /** Peer / nudge, cold. */
  train_ratio_cold?: BySize;
  train_ratio_like_for_like?: Record<string, LikeForLike>;
  predict_us: PeerNumbers;
  predict_us_min: PeerNumbers;
  /** Median CPU µs per prediction (robust to other load on the machine). */
  predict_cpu_us: PeerNumbers;
  features_ms?: { habits5_years5: number };
  features_ms_min?: { habits5_years5: number };
  replay_ms?: { habit1_year1: number };
  replay_ms_min?: { habit1_year1: number };
  meta: {
    date: string;
    node: string;
    cpu: string;
    cpus: number;
    loadavg: number[];
    quick: boolean;
    reps: number;
    tfjs_wasm: string;
    /** Per configuration: when V8's detached-buffer mode began in its isolated and cold processes. */
    isolated_detached?: Record<string, Detached>;
    features_events?: number;
    features_samples?: number;
    replay_days?: number;
    notes: string[];
  };
}
