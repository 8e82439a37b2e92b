// The training rows shared by the text and Markdown reports: every configuration's figures in the
// three layouts at one size, and what each configuration differs in.
import { times } from './goals.ts';
import type { BenchResult } from './result.ts';

/** What differs from Nudge's app configuration, per peer configuration. */
export const PEER_NOTES: Record<string, string> = {
  nudge: "Nudge's core: mini-batch 32, Adam, BCE from the logits, seeded shuffle",
  nudge_batch1: 'as nudge with batch size 1 (one Adam step per sample, as brain.js updates)',
  brainjs:
    'brain.js default trainer: per-sample SGD + momentum 0.1, ReLU output and squared error (no sigmoid/BCE), ' +
    'no shuffle',
  brainjs_adam: "as brainjs with praxis 'adam' (betas 0.9/0.999, epsilon 1e-7 as Nudge)",
  tfjs_cpu: 'tfjs model.fit, cpu backend: same layers, Adam, batch 32, shuffle; BCE on the clipped sigmoid output',
  tfjs_wasm: 'as tfjs_cpu on the wasm backend (binaries from node_modules)',
  tfjs_cpu_loop:
    'tfjs core ops (fused matMul+bias+ReLU), BCE from the logits, optimizer.minimize per batch, prod mode, ' +
    'batches pre-sliced and pre-shuffled untimed; cpu',
  tfjs_wasm_loop: 'as tfjs_cpu_loop on the wasm backend',
};

/** Peer configurations in report order. */
export const PEER_ORDER = Object.keys(PEER_NOTES);

/** The shared layout reports Nudge's app configuration as `nudge_warm` (the contract's key). */
export function sharedKey(peer: string): string {
  return peer === 'nudge' ? 'nudge_warm' : peer;
}

/** A number for a table: 3 significant digits, "-" when absent. */
export function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
}

/** One peer's row at one size: median, ratio and reps in each layout (ratio to Nudge's app configuration). */
export interface Row {
  peer: string;
  shared: string;
  sharedRatio: string;
  isolated: string;
  isolatedRatio: string;
  cold: string;
  coldRatio: string;
  reps: string;
}

/** The training rows of one size, in PEER_ORDER, skipping configurations the result lacks. */
export function rowsAt(r: BenchResult, size: string): Row[] {
  const rows: Row[] = [];
  for (const peer of PEER_ORDER) {
    const s = sharedKey(peer);
    const sharedMs = r.train_ms[size]?.[s];
    const isoMs = r.train_ms_isolated?.[size]?.[peer];
    if (sharedMs === undefined && isoMs === undefined) continue;
    // brainjs_adam's paired ratio is against nudge_batch1: it belongs to the like-for-like line.
    const paired = peer === 'brainjs' ? r.train_ratio_paired?.[size]?.[peer] : undefined;
    const base = peer === 'nudge';
    rows.push({
      peer,
      shared: fmt(sharedMs),
      sharedRatio: base
        ? '1'
        : `${times(r.train_ratio_vs_nudge_warm[size]?.[s])}${paired ? ` (p ${times(paired)})` : ''}`,
      isolated: fmt(isoMs),
      isolatedRatio: base ? '1' : times(r.train_ratio_isolated?.[size]?.[peer]),
      cold: fmt(r.train_ms_cold?.[size]?.[peer] ?? (base ? r.train_ms[size]?.nudge_cold : undefined)),
      coldRatio: base ? '1' : times(r.train_ratio_cold?.[size]?.[peer]),
      reps: [r.train_reps[size]?.[s], r.train_reps_isolated?.[size]?.[peer], r.train_reps_cold?.[size]?.[peer]]
        .map((x) => x ?? '-')
        .join('/'),
    });
  }
  return rows;
}

/** The like-for-like sentence of one size, or null when the result has no such row. */
export function likeForLikeText(r: BenchResult, size: string): string | null {
  const l = r.train_ratio_like_for_like?.[size];
  if (!l) return null;
  return (
    `brainjs_adam / nudge_batch1 (Adam, batch 1 on both sides): shared ${times(l.shared)} ` +
    `(paired ${times(l.shared_paired)}), isolated ${times(l.isolated)}, cold ${times(l.cold)}`
  );
}
