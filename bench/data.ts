// The benchmark's training data: the same seeded samples for every peer, built outside any timed region.
import { mulberry32 } from '../src/learn/rng.ts';

/** n samples of 10 features in [0, 1) (row-major) with 0/1 labels drawn from a non-linear rule. */
export interface BenchData {
  n: number;
  inputs: number;
  X: Float32Array;
  y: Float32Array;
}

/** Seeded data whose labels depend non-linearly on the inputs, so a hidden layer has something to learn. */
export function makeBenchData(n: number, seed = 12345, inputs = 10): BenchData {
  const r = mulberry32(seed);
  const X = new Float32Array(n * inputs);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < inputs; j++) X[i * inputs + j] = r();
    const x = (j: number): number => X[i * inputs + j];
    const z = 3 * (x(0) - 0.5) * (x(1) - 0.5) * 4 + 2 * (x(2) - x(3)) + (x(4) > 0.7 ? 1 : -0.5);
    y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { n, inputs, X, y };
}

/** The row-major data as nested number arrays (for peers that want them). */
export function rowsOf(d: BenchData): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < d.n; i++) rows.push(Array.from(d.X.subarray(i * d.inputs, (i + 1) * d.inputs)));
  return rows;
}
