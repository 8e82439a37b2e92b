// Beta-Bernoulli evidence: how well a rate with a Beta prior explains counted outcomes, for choosing between
// models of the same days (which weekdays share a rate, where a run's rate changes).

/** log Γ(x) for x > 0 (Lanczos, g = 7): enough for marginal likelihoods of counts. */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Log marginal likelihood of d completions in n days under a Beta(a, b) prior on the rate (counts may be decayed). */
export function logEvidence(d: number, n: number, a: number, b: number): number {
  return lnGamma(d + a) + lnGamma(n - d + b) - lnGamma(n + a + b) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b));
}
