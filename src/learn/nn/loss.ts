// Binary cross-entropy and the sigmoid, computed from the logit so that neither overflows.

/** Numerically stable logistic sigmoid. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** BCE of label y in [0,1] given logit z, softplus form: max(z,0) - z*y + log(1 + e^-|z|). */
export function bceFromLogit(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}
