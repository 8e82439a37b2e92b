// The shared layout: every peer trained in this one process, with every library imported and V8 in
// its detached-buffer mode (tsx's loader hook alone detaches a buffer; so do workers and many
// libraries, so an app's worker is in that mode too). Nudge and brain.js run interleaved in pairs
// of like configurations; tfjs runs in blocks, cut to a time budget.
import { makeBenchData } from './data.ts';
import { BRAIN_TRAINERS } from './peer-brain.ts';
import { NUDGE_TRAINERS } from './peer-nudge.ts';
import { TFJS_FIT_TRAINERS, useBackend } from './peer-tfjs.ts';
import { TFJS_LOOP_TRAINERS } from './peer-tfjs-loop.ts';
import { interleaved, pairedRatio, repsWithin, summariseLaps, type Lap, type Timing } from './stats.ts';
import type { Trainer, TrainerFactory } from './trainer.ts';

/** Options of the shared layout. */
export interface SharedOptions {
  sizes: number[];
  reps: number;
  /** Time budget of each tfjs configuration's timed runs per size (the first always runs). */
  tfjsBudgetMs: number;
  /** The untimed warm-up of a tfjs block uses at most this many samples. */
  warmupCap: number;
  /** Called with each figure as it is measured (progress on stderr). */
  put: (n: number, peer: string, t: Timing) => void;
}

/** Paired-round ratios of the interleaved pairs, per size: brainjs / nudge_warm and brainjs_adam / nudge_batch1. */
export type PairedRatios = Record<string, Record<string, number>>;

/** Runs the shared layout; the figures go through `put`, the paired ratios and the wasm flags come back. */
export async function runShared(o: SharedOptions): Promise<{ paired: PairedRatios; wasm: string }> {
  const paired: PairedRatios = {};
  for (const n of o.sizes) {
    const d = makeBenchData(n);
    // The app's configuration against brain.js's fastest, then batch 1 + Adam against brain.js's Adam.
    const pairs = [
      ['nudge_warm', NUDGE_TRAINERS.nudge, 'brainjs', BRAIN_TRAINERS.brainjs],
      ['nudge_batch1', NUDGE_TRAINERS.nudge_batch1, 'brainjs_adam', BRAIN_TRAINERS.brainjs_adam],
    ] as const;
    for (const [a, fa, b, fb] of pairs) {
      const ta = await fa(d);
      const tb = await fb(d);
      const t = interleaved({ [a]: syncLap(ta), [b]: syncLap(tb) }, o.reps);
      o.put(n, a, t[a]);
      o.put(n, b, t[b]);
      paired[`samples_${n}`] ??= {};
      paired[`samples_${n}`][b] = pairedRatio(t[a], t[b]);
    }
  }
  const families = [
    ['tfjs_cpu', TFJS_FIT_TRAINERS.tfjs_cpu],
    ['tfjs_wasm', TFJS_FIT_TRAINERS.tfjs_wasm],
    // The loops last: they switch tfjs to prod mode, which in tfjs 4.22 only silences warnings.
    ['tfjs_cpu_loop', TFJS_LOOP_TRAINERS.tfjs_cpu_loop],
    ['tfjs_wasm_loop', TFJS_LOOP_TRAINERS.tfjs_wasm_loop],
  ] as const;
  for (const [peer, factory] of families) for (const n of o.sizes) o.put(n, peer, await tfjsBlock(factory, n, o));
  return { paired, wasm: await useBackend('wasm') };
}

/** A trainer's call as the synchronous lap that interleaving needs (Nudge's and brain.js's trainers are). */
function syncLap(t: Trainer): (rep: number) => Lap {
  return (rep) => {
    const lap = t.train(rep);
    if (lap instanceof Promise) throw new Error('interleaved runs need a synchronous trainer');
    return lap;
  };
}

/** One tfjs configuration at one size: an untimed warm-up on at most warmupCap samples, then runs within the budget. */
async function tfjsBlock(factory: TrainerFactory, n: number, o: SharedOptions): Promise<Timing> {
  const wn = Math.min(n, o.warmupCap);
  const warmTrainer = await factory(makeBenchData(wn));
  const warm = await warmTrainer.train(0);
  const trainer = wn === n ? warmTrainer : await factory(makeBenchData(n));
  if (trainer !== warmTrainer) warmTrainer.dispose?.();
  const count = repsWithin(o.reps, (warm.wall * n) / wn, o.tfjsBudgetMs);
  const runs: Lap[] = [];
  for (let i = 1; i <= count; i++) runs.push(await trainer.train(i));
  trainer.dispose?.();
  return summariseLaps(runs);
}
