// The shape of `npm run bench -- --json` (keys are a contract; see bench/README.md).

/** Peer name -> number. */
export type PeerNumbers = Record<string, number>;

/** Everything one benchmark run reports. */
export interface BenchResult {
  /** Medians, per "samples_N" then per peer (nudge_warm, nudge_cold, tfjs_cpu, tfjs_wasm, brainjs). */
  train_ms: Record<string, PeerNumbers>;
  train_ms_min: Record<string, PeerNumbers>;
  train_reps: Record<string, PeerNumbers>;
  /** Median CPU time (user + system of the measuring process) per run: robust to other load on the machine. */
  train_cpu_ms: Record<string, PeerNumbers>;
  /** Peer median / nudge_warm median, per size. */
  train_ratio_vs_nudge_warm: Record<string, PeerNumbers>;
  /** For peers run interleaved with nudge_warm (brainjs): the median over rounds of peer / nudge_warm in the same round. Absent in results saved before it existed. */
  train_ratio_paired?: Record<string, PeerNumbers>;
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
    features_events?: number;
    features_samples?: number;
    replay_days?: number;
    notes: string[];
  };
}
