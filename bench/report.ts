// The human-readable table of a benchmark result, with each peer's configuration difference next to its figure.
import type { BenchResult } from './result.ts';

/** What differs from Nudge's own configuration, per peer (shown next to the figures). */
export const PEER_NOTES: Record<string, string> = {
  nudge_warm:
    'Nudge core, same process after 1 warm-up run, runs interleaved with brainjs; mini-batch 32, Adam, BCE from logits, seeded shuffle',
  nudge_cold: 'Nudge core, first training call in a fresh Node process (one process per repetition)',
  tfjs_cpu:
    'tfjs model.fit, cpu backend; same layers, Adam, batch 32, shuffle; BCE on sigmoid output (clipped), tfjs init',
  tfjs_wasm: 'tfjs model.fit, wasm backend (binaries from node_modules); otherwise as tfjs_cpu',
  brainjs:
    'brain.js NeuralNetwork (CPU), hidden [16,8], ReLU for ALL layers incl. output (no sigmoid/BCE), per-sample updates (batch 1), its default SGD+momentum 0.1 (not Adam), no shuffle, 20 iterations checked (no early stop)',
  brainjs_adam: 'as brainjs but with its Adam praxis (optimizer parity; slower)',
};

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The ratio to nudge_warm, with the paired-rounds median next to it where there is one. */
function ratioText(r: BenchResult, size: string, peer: string): string {
  const med = r.train_ms[size];
  const p = r.train_ratio_paired?.[size]?.[peer];
  return `${fmt(med[peer] / med.nudge_warm)}x${p === undefined ? '' : ` (paired ${fmt(p)}x)`}`;
}

function fmt(x: number | undefined): string {
  if (x === undefined) return '-';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
}

/** Renders the result as plain-text tables. */
export function renderTable(r: BenchResult): string {
  const lines: string[] = [];
  lines.push(
    `Nudge benchmark — ${r.meta.date}, ${r.meta.cpu} x${r.meta.cpus}, Node ${r.meta.node}, load ${r.meta.loadavg.join(' ')}${r.meta.quick ? ' (QUICK: 1 repetition, small sizes)' : ''}`,
  );
  lines.push('');
  lines.push(
    'Training, 20 epochs, batch 32, 10-16-8-1 (ms wall-clock: median, min; CPU ms median; reps; ratio = peer median / nudge_warm median; paired = median over interleaved rounds of peer / nudge_warm)',
  );
  for (const size of Object.keys(r.train_ms)) {
    lines.push(`  ${size.replace('samples_', '')} samples`);
    const med = r.train_ms[size];
    for (const peer of Object.keys(med)) {
      const ratio = peer === 'nudge_warm' ? '' : ratioText(r, size, peer);
      lines.push(
        `    ${pad(peer, 12)} ${pad(fmt(med[peer]), 8)} min ${pad(fmt(r.train_ms_min[size][peer]), 8)} cpu ${pad(fmt(r.train_cpu_ms[size][peer]), 8)} reps ${pad(String(r.train_reps[size][peer]), 3)} ${pad(ratio, 20)} ${PEER_NOTES[peer] ?? ''}`,
      );
    }
  }
  lines.push('');
  lines.push('Prediction, one sample (µs per call wall-clock, median and min of 5 batches; CPU µs median)');
  for (const peer of Object.keys(r.predict_us))
    lines.push(
      `    ${pad(peer, 12)} ${pad(fmt(r.predict_us[peer]), 9)} min ${pad(fmt(r.predict_us_min[peer]), 9)} cpu ${fmt(r.predict_cpu_us?.[peer])}`,
    );
  if (r.features_ms)
    lines.push(
      '',
      `Features, 5 habits x 5 years (${r.meta.features_events} events, ${r.meta.features_samples} samples): ${fmt(r.features_ms.habits5_years5)} ms median, ${fmt(r.features_ms_min?.habits5_years5)} ms min`,
    );
  if (r.replay_ms)
    lines.push(
      `Replay, 1 habit x 1 year (${r.meta.replay_days} days, nightly training): ${fmt(r.replay_ms.habit1_year1)} ms median, ${fmt(r.replay_ms_min?.habit1_year1)} ms min`,
    );
  for (const n of r.meta.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

/** Renders the result as Markdown tables (for bench/README.md and the project README). */
export function renderMarkdown(r: BenchResult): string {
  const L: string[] = [];
  L.push(
    `Measured ${r.meta.date.slice(0, 16).replace('T', ' ')} UTC on ${r.meta.cpu} x${r.meta.cpus}, Node ${r.meta.node}, load average at the end ${r.meta.loadavg.join(' / ')}${r.meta.quick ? ' (QUICK run)' : ''}.`,
  );
  L.push('');
  L.push('Training, 20 epochs, batch 32, 10-16-8-1 (ms):');
  L.push('');
  L.push(
    '| samples | peer | median | min | CPU median | reps | median / nudge_warm (paired rounds) | configuration difference |',
  );
  L.push('|---|---|---|---|---|---|---|---|');
  for (const size of Object.keys(r.train_ms)) {
    const med = r.train_ms[size];
    for (const peer of Object.keys(med)) {
      const ratio = peer === 'nudge_warm' ? '1' : ratioText(r, size, peer);
      L.push(
        `| ${size.replace('samples_', '')} | ${peer} | ${fmt(med[peer])} | ${fmt(r.train_ms_min[size][peer])} | ${fmt(r.train_cpu_ms[size][peer])} | ${r.train_reps[size][peer]} | ${ratio} | ${PEER_NOTES[peer] ?? ''} |`,
      );
    }
  }
  L.push('');
  L.push('| prediction, one sample | µs per call (median) | min | CPU µs (median) |');
  L.push('|---|---|---|---|');
  for (const peer of Object.keys(r.predict_us))
    L.push(
      `| ${peer} | ${fmt(r.predict_us[peer])} | ${fmt(r.predict_us_min[peer])} | ${fmt(r.predict_cpu_us?.[peer])} |`,
    );
  L.push('');
  if (r.features_ms)
    L.push(
      `Features, 5 habits x 5 years (${r.meta.features_events} events): ${fmt(r.features_ms.habits5_years5)} ms median (min ${fmt(r.features_ms_min?.habits5_years5)}).  `,
    );
  if (r.replay_ms)
    L.push(
      `Replay, 1 habit x 1 year (${r.meta.replay_days} days, a training every night): ${fmt(r.replay_ms.habit1_year1)} ms median (min ${fmt(r.replay_ms_min?.habit1_year1)}).`,
    );
  for (const n of r.meta.notes) L.push(`\nNote: ${n}`);
  return L.join('\n');
}
