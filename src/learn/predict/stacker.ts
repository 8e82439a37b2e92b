// Logistic stacking of the simple predictors: log-odds of the day = w · (1, log-odds of each predictor),
// with w learned online by the Online Newton Step (Hazan, Agarwal & Kale, 2007), which adapts to the
// curvature of the log-loss and has logarithmic regret. Unlike a mixture, it can add evidence: a
// weekday rhythm and a slow restart after a lapse pull the same day down together.

/** Settings of the stacker. */
export interface StackerConfig {
  /** Step scale (ONS's 1/gamma) and the initial curvature (epsilon). */
  step: number;
  eps: number;
  /** Starting weights, bias first. */
  w0: number[];
}

/** Weights (bias first) and the inverse of ONS's curvature matrix, row-major. */
export interface StackerState {
  w: number[];
  inv: number[];
}

/** A stacker at its starting weights. */
export function newStacker(cfg: StackerConfig): StackerState {
  const w0 = cfg.w0;
  const d = w0.length;
  const inv = new Array(d * d).fill(0);
  for (let i = 0; i < d; i++) inv[i * d + i] = 1 / cfg.eps;
  return { w: w0.slice(), inv };
}

/** The stacker's log-odds for predictor log-odds z (without the bias term). */
export function stackLogit(s: StackerState, z: readonly number[]): number {
  let v = s.w[0];
  for (let i = 0; i < z.length; i++) v += s.w[i + 1] * z[i];
  return v;
}

/** One Online Newton Step after outcome y, for the day whose predictor log-odds were z. */
export function updateStacker(s: StackerState, z: readonly number[], y: number, cfg: StackerConfig): void {
  const d = s.w.length;
  const x = [1, ...z];
  const v = stackLogit(s, z);
  const p = 1 / (1 + Math.exp(-v));
  const g = x.map((xi) => (p - y) * xi);
  // Sherman-Morrison: inv <- inv - (inv g)(inv g)^T / (1 + g^T inv g).
  const ag = new Array(d).fill(0);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) ag[i] += s.inv[i * d + j] * g[j];
  let gag = 0;
  for (let i = 0; i < d; i++) gag += g[i] * ag[i];
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) s.inv[i * d + j] -= (ag[i] * ag[j]) / (1 + gag);
  for (let i = 0; i < d; i++) {
    let step = 0;
    for (let j = 0; j < d; j++) step += s.inv[i * d + j] * g[j];
    s.w[i] -= cfg.step * step;
  }
}
