// The benchmark result as Markdown, ready to paste into docs/benchmark.md's "Latest run".
import { goalChecks, goalSentence } from './goals.ts';
import { fmt, likeForLikeText, rowsAt } from './report-rows.ts';
import type { BenchResult } from './result.ts';

/** Renders the result as Markdown tables and sentences. */
export function renderMarkdown(r: BenchResult): string {
  const m = r.meta;
  const L: string[] = [
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu} x${m.cpus}, Node ${m.node}, ` +
      `load average at the end ${m.loadavg.join(' / ')}${m.quick ? ' (QUICK run)' : ''}.`,
    '',
    'Training, 20 epochs, 10-16-8-1: median ms and the ratio to `nudge` in the same layout (p: median of the',
    'paired rounds); reps: shared / isolated / cold.',
    '',
    '| samples | peer | shared | ratio | isolated | ratio | cold | ratio | reps |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const like: string[] = [];
  for (const size of Object.keys(r.train_ms)) {
    const n = size.replace('samples_', '');
    for (const x of rowsAt(r, size))
      L.push(
        `| ${n} | ${x.peer} | ${x.shared} | ${x.sharedRatio} | ${x.isolated} | ${x.isolatedRatio} | ` +
          `${x.cold} | ${x.coldRatio} | ${x.reps} |`,
      );
    const lfl = likeForLikeText(r, size);
    if (lfl) like.push(`- ${n} samples: ${lfl}`);
  }
  if (like.length) L.push('', 'Like for like:', '', ...like);
  L.push('', 'Against the goals:', '', ...goalChecks(r).map((c) => `- ${goalSentence(c)}`));
  if (m.isolated_detached) {
    const modes = Object.entries(m.isolated_detached).map(([p, d]) => `${p} ${d}`);
    L.push('', `V8's detached-buffer mode in the isolated processes began: ${modes.join(', ')}.`);
  }
  L.push('', '| prediction, one sample | µs per call (median) | min | CPU µs (median) |', '| --- | --- | --- | --- |');
  for (const peer of Object.keys(r.predict_us))
    L.push(
      `| ${peer} | ${fmt(r.predict_us[peer])} | ${fmt(r.predict_us_min[peer])} | ${fmt(r.predict_cpu_us?.[peer])} |`,
    );
  L.push('');
  if (r.features_ms)
    L.push(
      `Features, 5 habits x 5 years (${m.features_events} events): ${fmt(r.features_ms.habits5_years5)} ms median ` +
        `(min ${fmt(r.features_ms_min?.habits5_years5)}).  `,
    );
  if (r.replay_ms)
    L.push(
      `Replay, 1 habit x 1 year (${m.replay_days} days, a training every night): ${fmt(r.replay_ms.habit1_year1)} ms ` +
        `median (min ${fmt(r.replay_ms_min?.habit1_year1)}).`,
    );
  for (const n of m.notes) L.push('', `Note: ${n}`);
  return L.join('\n');
}
