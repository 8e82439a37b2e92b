// The combination: a fixed-share mixture (Herbster & Warmuth, 1998) of predictors. Each day every
// predictor's weight is multiplied by the likelihood it gave the outcome,
// then a small share of the total is handed back to every predictor by its prior weight. The share
// is what lets the mixture switch: a predictor that was poor for months but is right now regains the
// lead within days, where a plain Bayesian average would need as long as it took to fall behind.
// A predictor that is not available yet (the network before its first training) sleeps: it keeps its
// weight and takes no part in the prediction.

/** Settings of the mixture. */
export interface MixtureConfig {
  /** Share of the weight redistributed each day (the switching rate). */
  share: number;
  /** Prior weight of each predictor (where a new habit starts and where the share goes). */
  prior: number[];
}

/** The mixture's weights, one per predictor, summing to 1. */
export type MixtureState = number[];

const EPS = 1e-6;
const clamp = (p: number): number => (p < EPS ? EPS : Math.min(p, 1 - EPS));

/** The prior weights, normalised. */
export function newMixture(cfg: MixtureConfig): MixtureState {
  const z = cfg.prior.reduce((a, b) => a + b, 0);
  return cfg.prior.map((w) => w / z);
}

/** The mixture's probability from the predictors' probabilities; `awake[k]` false leaves predictor k out. */
export function mixtureP(w: MixtureState, p: readonly number[], awake: readonly boolean[]): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < w.length; k++) {
    if (!awake[k]) continue;
    num += w[k] * p[k];
    den += w[k];
  }
  return den > 0 ? num / den : 0.5;
}

/** Updates the weights (in place) after an outcome y of the day the predictors gave `p` for. */
export function updateMixture(
  w: MixtureState,
  p: readonly number[],
  awake: readonly boolean[],
  y: number,
  cfg: MixtureConfig,
): void {
  const pm = clamp(mixtureP(w, p, awake));
  const lm = y ? pm : 1 - pm;
  for (let k = 0; k < w.length; k++) {
    if (!awake[k]) continue;
    const pk = clamp(p[k]);
    w[k] *= (y ? pk : 1 - pk) / lm;
  }
  let z = 0;
  for (const v of w) z += v;
  let pz = 0;
  for (const v of cfg.prior) pz += v;
  for (let k = 0; k < w.length; k++) w[k] = (1 - cfg.share) * (w[k] / z) + (cfg.share * cfg.prior[k]) / pz;
}
