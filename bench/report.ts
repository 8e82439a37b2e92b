// The human-readable report of a benchmark result: one training table per size with the three
// layouts side by side, the like-for-like row, the goals, prediction and the workloads.
import { goalChecks, goalSentence } from './goals.ts';
import { fmt, likeForLikeText, PEER_NOTES, PEER_ORDER, rowsAt } from './report-rows.ts';
import type { BenchResult } from './result.ts';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Renders the result as plain-text tables. */
export function renderTable(r: BenchResult): string {
  const m = r.meta;
  const L: string[] = [
    `Nudge benchmark — ${m.date}, ${m.cpu} x${m.cpus}, Node ${m.node}, load ${m.loadavg.join(' ')}` +
      `${m.quick ? ' (QUICK: 1 repetition, small sizes)' : ''}`,
    '',
    'Training, 20 epochs, 10-16-8-1: ms (median) and ratio to nudge in the same layout. shared: every peer in this',
    'process; isolated: its own fresh process, warm; cold: first call in a fresh process; p: paired rounds;',
    'reps: shared/isolated/cold',
  ];
  const head = ['peer', 'shared', 'ratio', 'isolated', 'ratio', 'cold', 'ratio', 'reps'];
  const w = [15, 9, 20, 9, 9, 9, 9, 8];
  for (const size of Object.keys(r.train_ms)) {
    L.push('', `  ${size.replace('samples_', '')} samples`, `    ${head.map((h, i) => pad(h, w[i])).join(' ')}`);
    for (const x of rowsAt(r, size)) {
      const cells = [x.peer, x.shared, x.sharedRatio, x.isolated, x.isolatedRatio, x.cold, x.coldRatio, x.reps];
      L.push(`    ${cells.map((c, i) => pad(c, w[i])).join(' ')}`);
    }
    const lfl = likeForLikeText(r, size);
    if (lfl) L.push(`    ${lfl}`);
  }
  L.push('', 'Goals:', ...goalChecks(r).map((c) => `  ${goalSentence(c)}`));
  if (m.isolated_detached)
    L.push(
      '',
      `V8 detached-buffer mode in the isolated processes: ${Object.entries(m.isolated_detached)
        .map(([p, d]) => `${p} ${d}`)
        .join(', ')}`,
    );
  L.push('', 'Prediction, one sample (µs per call: median, min of 5 batches; CPU µs median)');
  for (const peer of Object.keys(r.predict_us))
    L.push(
      `    ${pad(peer, 12)} ${pad(fmt(r.predict_us[peer]), 9)} min ${pad(fmt(r.predict_us_min[peer]), 9)} ` +
        `cpu ${fmt(r.predict_cpu_us?.[peer])}`,
    );
  if (r.features_ms)
    L.push(
      '',
      `Features, 5 habits x 5 years (${m.features_events} events, ${m.features_samples} samples): ` +
        `${fmt(r.features_ms.habits5_years5)} ms median, ${fmt(r.features_ms_min?.habits5_years5)} ms min`,
    );
  if (r.replay_ms)
    L.push(
      `Replay, 1 habit x 1 year (${m.replay_days} days, nightly training): ${fmt(r.replay_ms.habit1_year1)} ms ` +
        `median, ${fmt(r.replay_ms_min?.habit1_year1)} ms min`,
    );
  L.push('', 'Configurations:', ...PEER_ORDER.map((p) => `  ${pad(p, 15)} ${PEER_NOTES[p]}`));
  for (const n of m.notes) L.push(`note: ${n}`);
  return L.join('\n');
}

export { renderMarkdown } from './report-markdown.ts';
