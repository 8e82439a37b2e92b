// Scores the robustness set (users never tuned on) with fresh seeds:
// `npx tsx scripts/simulate-robust.ts --seed 11 [--seed 12 ...] [--newcomers] [--set key=value ...]`.
// With --newcomers it scores five kinds of three-week newcomers against the smoothed completion rate.
import { newcomerUsers, robustUsers } from './simulate-users.ts';
import { scoreTable, scoreUser, signed } from './simulate-score.ts';
import { simArgsOrExit, usageExit } from './sim-args.ts';

const USAGE = 'npx tsx scripts/simulate-robust.ts --seed N [--seed N ...] [--newcomers] [--set key=number ...]';
const args = simArgsOrExit('simulate-robust', USAGE, process.argv.slice(2), ['--newcomers'], false);
if (args.seeds.length === 0) usageExit('simulate-robust', USAGE, 'give one or more --seed N');
const { seeds, options: opts } = args;
const newcomers = args.flags.has('--newcomers');
let worst = -Infinity, worstLate = -Infinity, sumSkill = 0, count = 0;
for (const seed of seeds) {
  const rows = (newcomers ? newcomerUsers(seed) : robustUsers(seed)).map((u) => scoreUser(u, opts));
  process.stdout.write(`\n### ${newcomers ? 'Newcomers' : 'Robustness set'}, seed ${seed}\n\n${scoreTable(rows)}\n`);
  if (newcomers) {
    const w = Math.max(...rows.map((r) => r.model - r.base));
    process.stdout.write(`\nseed ${seed}: model − smoothed completion rate ${rows.map((r) => `${r.user} ${signed(r.model - r.base)}`).join(', ')}\n`);
    worst = Math.max(worst, w);
    continue;
  }
  const w = Math.max(...rows.map((r) => r.model - r.bestBaseline));
  const wl = Math.max(...rows.map((r) => r.gapAfterColdStart ?? -Infinity));
  process.stdout.write(`\nAfter cold start (model − best baseline on those days): ${rows.map((r) => `${r.user} ${r.gapAfterColdStart === null ? '-' : signed(r.gapAfterColdStart)}`).join(', ')}\n`);
  worstLate = Math.max(worstLate, wl);
  const mean = rows.reduce((a, r) => a + r.skill, 0) / rows.length;
  process.stdout.write(`\nseed ${seed}: mean skill ${mean.toFixed(3)}; worst model - best baseline ${w.toFixed(3)} nats/day (after cold start ${wl.toFixed(3)})\n`);
  worst = Math.max(worst, w); sumSkill += mean; count++;
}
if (newcomers) process.stdout.write(`\nall seeds: worst model − smoothed completion rate ${worst.toFixed(3)} nats/day\n`);
else process.stdout.write(`\nall seeds: mean skill ${(sumSkill / count).toFixed(3)}; worst model - best baseline ${worst.toFixed(3)} nats/day (after cold start ${worstLate.toFixed(3)})\n`);
