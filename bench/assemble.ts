// Turns the measured timings into the JSON result's key families (medians, mins, CPU, reps, ratios).
import type { Detached } from './isolated.ts';
import type { BenchResult, BySize, LikeForLike } from './result.ts';
import { round3, type Timing } from './stats.ts';

/** Timings per "samples_N", per peer. */
export type Timings = Record<string, Record<string, Timing>>;

/** Everything measured in one run, before it becomes a BenchResult. */
export interface Measured {
  shared: Timings;
  paired: BySize;
  isolated: Timings;
  cold: Timings;
  detached: Record<string, Detached>;
  predict: Record<string, Timing>;
}

function pick(timings: Timings, f: (t: Timing) => number): BySize {
  const out: BySize = {};
  for (const [size, peers] of Object.entries(timings))
    out[size] = Object.fromEntries(Object.entries(peers).map(([p, t]) => [p, f(t)]));
  return out;
}

/** Every other peer's median divided by `base`'s median, per size. */
function ratiosTo(ms: BySize, base: string): BySize {
  const out: BySize = {};
  for (const [size, m] of Object.entries(ms))
    out[size] = Object.fromEntries(
      Object.entries(m)
        .filter(([p]) => p !== base)
        .map(([p, v]) => [p, round3(v / m[base])]),
    );
  return out;
}

function likeForLike(m: Measured): Record<string, LikeForLike> {
  const out: Record<string, LikeForLike> = {};
  const ratio = (t: Timings, size: string): number | undefined => {
    const a = t[size]?.nudge_batch1?.median;
    const b = t[size]?.brainjs_adam?.median;
    return a && b ? round3(b / a) : undefined;
  };
  for (const size of Object.keys(m.shared)) {
    const r: LikeForLike = { shared: ratio(m.shared, size) ?? NaN, shared_paired: m.paired[size]?.brainjs_adam ?? NaN };
    const iso = ratio(m.isolated, size);
    const cold = ratio(m.cold, size);
    if (iso !== undefined) r.isolated = iso;
    if (cold !== undefined) r.cold = cold;
    out[size] = r;
  }
  return out;
}

/** The result's figures (meta and the workloads are added by the caller). */
export function assemble(m: Measured): Omit<BenchResult, 'meta'> {
  const train_ms = pick(m.shared, (t) => t.median);
  const iso = pick(m.isolated, (t) => t.median);
  const cold = pick(m.cold, (t) => t.median);
  const predict = (f: (t: Timing) => number) =>
    Object.fromEntries(Object.entries(m.predict).map(([k, t]) => [k, f(t)]));
  return {
    train_ms,
    train_ms_min: pick(m.shared, (t) => t.min),
    train_reps: pick(m.shared, (t) => t.reps),
    train_cpu_ms: pick(m.shared, (t) => t.cpuMedian ?? NaN),
    train_ratio_vs_nudge_warm: ratiosTo(train_ms, 'nudge_warm'),
    train_ratio_paired: m.paired,
    train_ms_isolated: iso,
    train_ms_isolated_min: pick(m.isolated, (t) => t.min),
    train_cpu_ms_isolated: pick(m.isolated, (t) => t.cpuMedian ?? NaN),
    train_reps_isolated: pick(m.isolated, (t) => t.reps),
    train_ratio_isolated: ratiosTo(iso, 'nudge'),
    train_ms_cold: cold,
    train_ms_cold_min: pick(m.cold, (t) => t.min),
    train_cpu_ms_cold: pick(m.cold, (t) => t.cpuMedian ?? NaN),
    train_reps_cold: pick(m.cold, (t) => t.reps),
    train_ratio_cold: ratiosTo(cold, 'nudge'),
    train_ratio_like_for_like: likeForLike(m),
    predict_us: predict((t) => t.median),
    predict_us_min: predict((t) => t.min),
    predict_cpu_us: predict((t) => t.cpuMedian ?? NaN),
  };
}
