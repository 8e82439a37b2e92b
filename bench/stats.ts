// Small timing helpers shared by every peer: wall-clock milliseconds and robust summaries.

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function nowMs(): number {
  return performance.now();
}

/** Wall-clock and CPU (user + system of this process) milliseconds of one timed call. */
export interface Lap {
  wall: number;
  cpu: number;
}

/** Starts a stopwatch; calling the result gives the lap since the start. */
export function startLap(): () => Lap {
  const c0 = process.cpuUsage();
  const t0 = nowMs();
  return () => {
    const wall = nowMs() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000 };
  };
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Smallest value of a non-empty list. */
export function minOf(xs: readonly number[]): number {
  return Math.min(...xs);
}

/** Rounds for reporting: 3 significant decimals are plenty for timings. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A lap over `count` calls as microseconds per call. */
export function perCallUs(l: Lap, count: number): Lap {
  return { wall: (l.wall * 1000) / count, cpu: (l.cpu * 1000) / count };
}

/** Summary of repeated timings of one configuration; cpuMedian when CPU time was measured. */
export interface Timing {
  median: number;
  min: number;
  reps: number;
  runs: number[];
  cpuMedian?: number;
}

/** Summarises raw timings (milliseconds or microseconds). */
export function summarise(runs: number[]): Timing {
  return { median: round3(median(runs)), min: round3(minOf(runs)), reps: runs.length, runs: runs.map(round3) };
}

/** Summarises laps: wall-clock figures plus the median CPU time. */
export function summariseLaps(laps: Lap[]): Timing {
  return { ...summarise(laps.map((l) => l.wall)), cpuMedian: round3(median(laps.map((l) => l.cpu))) };
}

/**
 * How many timed repetitions fit: `wanted`, cut down so a slow peer stays within `budgetMs`
 * given its warm-up time, but always at least one.
 */
export function repsWithin(wanted: number, warmupMs: number, budgetMs: number): number {
  return Math.max(1, Math.min(wanted, Math.floor(budgetMs / Math.max(warmupMs, 1e-3))));
}

/**
 * Median over rounds of b's time / a's time in the same round of `interleaved`: each ratio compares two
 * runs made less than a second apart, so a slow or fast stretch of the machine that hits both cancels out.
 */
export function pairedRatio(a: Timing, b: Timing): number {
  return round3(median(b.runs.map((t, i) => t / a.runs[i])));
}

/**
 * Times several peers on the same work with their repetitions interleaved (A B A B ...), each after
 * its own untimed warm-up, so a ratio between them is not skewed by the machine getting busier or
 * quieter between one peer's block of runs and the next.
 */
export function interleaved(peers: Record<string, (rep: number) => Lap>, reps: number): Record<string, Timing> {
  const names = Object.keys(peers);
  for (const name of names) peers[name](0);
  const laps: Record<string, Lap[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 1; r <= reps; r++) for (const name of names) laps[name].push(peers[name](r));
  return Object.fromEntries(names.map((n) => [n, summariseLaps(laps[n])]));
}
