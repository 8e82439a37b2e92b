// The experiment runner: one configuration over drawn people, per-kind tables and per-stage losses.
//   npx tsx scripts/sim/try.ts seeds=101,102 per=3 [kinds=a,b] [pop=short|newcomers] [v=1] set=network.l2=0.1
import { withConfig } from '../../src/learn/config.ts';
import { longHistories, newcomers, shortHistories } from './population.ts';
import { kindRows, kindTable, networkVsRates } from './report.ts';
import { scoreUser, type UserScore } from './score.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split(/=(.*)/s).slice(0, 2)));
const seeds: number[] = (args.seeds ?? '101').split(',').map(Number);
const changes: Record<string, Record<string, unknown>> = {};
for (const kv of (args.set ?? '').split(';').filter(Boolean)) {
  const [k, v] = kv.split('=');
  const [stage, key] = k.split('.');
  changes[stage] ??= {};
  changes[stage][key] = v.includes(',') ? v.split(',').map(Number) : Number(v);
}
const cfg = withConfig(changes as never);
const which = args.pop ?? 'long';
const t0 = performance.now();
const scores: UserScore[] = seeds.flatMap((seed: number) => {
  const users =
    which === 'long'
      ? longHistories(seed, Number(args.per ?? 2))
      : which === 'short'
        ? shortHistories(seed)
        : newcomers(seed);
  const only = args.kinds ? args.kinds.split(',') : null;
  return users.filter((u) => !only || only.includes(u.kind)).map((u) => scoreUser(u, cfg));
});
if (which === 'long' && !args.quiet) {
  console.log(kindTable(kindRows(scores)));
  console.log(JSON.stringify(networkVsRates(scores)));
}
const over = scores.filter((s: UserScore) => s.gapToBest > 0.02);
const worst = Math.max(...scores.map((s: UserScore) => s.gapToBest));
const worstToRate = Math.max(...scores.map((s: UserScore) => s.gapToRate));
console.log(
  `gap to best simple rate: ${over.length}/${scores.length} over 0.02, worst ${worst.toFixed(3)}; ` +
    `gap to rate worst ${worstToRate.toFixed(3)}`,
);
if (args.v)
  for (const s of scores)
    console.log(
      s.user,
      s.days,
      s.skill.toFixed(2),
      s.gapToBest.toFixed(3),
      s.gapToRate.toFixed(3),
      s.halfway.join(','),
      `${Math.round(s.modelShare * 100)}%`,
      s.network.n,
      (s.network.model - Math.min(s.network.rate, s.network.score, s.network.weekday)).toFixed(3),
    );
const replayMs = scores.reduce((a: number, s: UserScore) => a + s.replayMs, 0);
const replayDays = scores.reduce((a: number, s: UserScore) => a + s.days + 14, 0);
console.log(
  `${scores.length} users in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `replay ${((replayMs / replayDays) * 365).toFixed(0)} ms per habit-year`,
);
{
  const kinds = [...new Set(scores.map((s: UserScore) => s.kind))];
  console.log(
    'network minus best rate on its days, per kind: ' +
      kinds
        .map((k) => {
          const rs = scores.filter((s: UserScore) => s.kind === k && s.network.n > 0);
          const n = rs.reduce((a: number, r: UserScore) => a + r.network.n, 0);
          const g =
            rs.reduce(
              (a: number, r: UserScore) =>
                a + (r.network.model - Math.min(r.network.rate, r.network.score, r.network.weekday)) * r.network.n,
              0,
            ) / Math.max(1, n);
          return `${k} ${g.toFixed(3)}`;
        })
        .join(', '),
  );
}
{
  const kinds = [...new Set(scores.map((s: UserScore) => s.kind))];
  console.log('stage minus best yardstick (per kind):');
  for (const k of kinds as string[]) {
    const rs = scores.filter((s: UserScore) => s.kind === k);
    const best = (r: UserScore): number => Math.min(r.all.rate, r.all.score, r.all.weekday);
    const m = (f: (r: UserScore) => number): string =>
      (rs.reduce((a: number, r: UserScore) => a + f(r), 0) / rs.length).toFixed(3);
    console.log(
      `  ${k.padEnd(12)} ` +
        ['rate', 'recent', 'rhythm', 'momentum', 'weekdays', 'base', 'linear', 'network']
          .map((n: string) => `${n} ${m((r: UserScore) => r.stages[n] - best(r))}`)
          .join('  ') +
        `  shown ${m((r: UserScore) => r.all.model - best(r))}  truth ${m((r: UserScore) => r.all.truth - best(r))}`,
    );
  }
}
{
  const kinds = [...new Set(scores.map((s: UserScore) => s.kind))];
  console.log(
    'skill by stage: ' +
      kinds
        .map((k) => {
          const rs = scores.filter((s: UserScore) => s.kind === k);
          const sk = (n: string): string =>
            (
              rs.reduce((a: number, r: UserScore) => a + (r.all.rate - r.stages[n]) / (r.all.rate - r.all.truth), 0) /
              rs.length
            ).toFixed(2);
          return `${k} base ${sk('base')} net ${sk('network')}`;
        })
        .join(' | '),
  );
}
{
  const kinds = [...new Set(scores.map((s: UserScore) => s.kind))];
  console.log(
    'truth gap (rate - truth) per kind: ' +
      kinds
        .map((k) => {
          const rs = scores.filter((s: UserScore) => s.kind === k);
          const gap = rs.reduce((a: number, r: UserScore) => a + r.all.rate - r.all.truth, 0) / rs.length;
          return `${k} ${gap.toFixed(3)}`;
        })
        .join(', '),
  );
}
