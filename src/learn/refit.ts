// The refit twin. The hold-out keeps the most recent weeks (up to 60 days) out of the validated
// network's training, and on habits whose odds move with recent behaviour (streaks) that staleness
// cost most of the network's skill (bench/QUALITY.md, "The refit twin predicts"). So once a
// candidate is promoted, the same network is also trained on every labelled day, and that twin
// predicts. The hold-out is no longer unseen for it, so its weight against the baselines comes from
// its own record on the days it predicted before seeing them (prequential evidence), carried in the
// checkpoint.
import type { HabitSamples } from './dataset.ts';
import { mixOdds, type EngineOptions } from './engine-options.ts';
import type { Refit, RefitRecord } from './checkpoint.ts';
import type { Mlp } from './nn/mlp.ts';
import { createMlp, predictProba } from './nn/mlp.ts';
import { createAdam } from './nn/adam.ts';
import { trainEpochs } from './nn/train.ts';
import { mixAt, type MixOdds } from './baselines.ts';
import { logLossOne } from './metrics.ts';
import { NUM_FEATURES } from './features.ts';
import { dayToNumber } from './time.ts';

/** Day i's log-loss lead of probability `p` over the baselines' average with prior odds `odds` (positive: p did better). */
export function leadOverBaselines(s: HabitSamples, i: number, p: number, odds: MixOdds): number {
  return logLossOne(mixAt(s.baselines, s.baselineLoss, i, odds).p, s.y[i]) - logLossOne(p, s.y[i]);
}

/**
 * The refit's evidence brought up to the last labelled day of `s`: every day after its
 * evidenceThrough is one it had not trained on. Pure, so a prediction can recompute it at any time.
 */
export function evidenceNow(refit: RefitRecord, s: HabitSamples, o: EngineOptions): number {
  if (s.n === 0) return refit.evidence;
  const from = Math.max(0, dayToNumber(refit.evidenceThrough) - dayToNumber(s.days[0]) + 1);
  const odds = mixOdds(o);
  let ev = refit.evidence;
  for (let i = from; i < s.n; i++)
    ev = ev * o.refitDecay + leadOverBaselines(s, i, predictProba(refit.net, s.X, i * NUM_FEATURES), odds);
  return ev;
}

/**
 * Trains the refit twin of a promoted candidate on the window's every labelled day: warm from the
 * active checkpoint's refit, keeping its record, or from scratch with the cold epochs and no record
 * (the candidate's hold-out is not unseen for it; counting it cost the 60-day weekly habits). Like
 * trainEpochs it trains `active`'s network and optimizer in place, so pass a copy
 * (refitFromCheckpoint makes one). Null when that run diverged.
 */
export function trainRefit(active: Refit | null, s: HabitSamples, o: EngineOptions, seed: number): Refit | null {
  // Read the record before training: the days since it was last brought up to date count as the twin predicted them unseen.
  const evidence = active ? evidenceNow(active, s, o) : 0;
  const net: Mlp = active ? active.net : createMlp(o.layers.slice(), seed);
  const opt = active ? active.opt : createAdam(net);
  const start = Math.max(0, s.n - o.window);
  const res = trainEpochs(
    net,
    opt,
    s.X.subarray(start * NUM_FEATURES, s.n * NUM_FEATURES),
    s.y.subarray(start, s.n),
    s.n - start,
    {
      epochs: active ? o.epochsWarm : o.epochsCold,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      l2: o.l2,
      seed,
    },
  );
  if (res.diverged || !res.finite) return null;
  const last = s.days[s.n - 1];
  // A run for an earlier day (the clock or time zone moved back) must not hand days already counted,
  // and trained on, back to the record as unseen.
  const through = active && active.evidenceThrough > last ? active.evidenceThrough : last;
  return { net, opt, evidence, evidenceThrough: through };
}
