// Scores the robustness set (users never tuned on) with fresh seeds:
// `npx tsx scripts/simulate-robust.ts --seed 11 [--seed 12 ...] [--newcomers | --coins] [--set key=value ...]`.
// With --newcomers it scores five kinds of three-week newcomers, with --coins fifteen coin-flips of
// four weeks to four months, both against the smoothed completion rate.
import { newcomerUsers, robustUsers, shortCoinUsers } from './simulate-users.ts';
import { scoreTable, scoreUser, signed } from './simulate-score.ts';
import { simArgsOrExit, usageExit } from './sim-args.ts';

const USAGE =
  'npx tsx scripts/simulate-robust.ts --seed N [--seed N ...] [--newcomers | --coins] [--set key=number ...]';
const args = simArgsOrExit('simulate-robust', USAGE, process.argv.slice(2), ['--newcomers', '--coins'], false);
if (args.seeds.length === 0) usageExit('simulate-robust', USAGE, 'give one or more --seed N');
if (args.flags.size > 1) usageExit('simulate-robust', USAGE, 'give at most one of --newcomers and --coins');
const { seeds, options: opts } = args;
// Newcomers and coin-flips are judged against the smoothed completion rate, the others against the best baseline.
const set = args.flags.has('--newcomers')
  ? { users: newcomerUsers, title: 'Newcomers' }
  : args.flags.has('--coins')
    ? { users: shortCoinUsers, title: 'Short coin-flips' }
    : null;
let worst = -Infinity,
  worstLate = -Infinity,
  sumSkill = 0,
  count = 0,
  over = 0,
  scored = 0;
for (const seed of seeds) {
  const rows = (set ? set.users(seed) : robustUsers(seed)).map((u) => scoreUser(u, opts));
  process.stdout.write(`\n### ${set ? set.title : 'Robustness set'}, seed ${seed}\n\n${scoreTable(rows)}\n`);
  if (set) {
    over += rows.filter((r) => r.model - r.base > 0.02).length;
    scored += rows.length;
    const w = Math.max(...rows.map((r) => r.model - r.base));
    process.stdout.write(
      `\nseed ${seed}: model − smoothed completion rate ${rows.map((r) => `${r.user} ${signed(r.model - r.base)}`).join(', ')}\n`,
    );
    worst = Math.max(worst, w);
    continue;
  }
  const w = Math.max(...rows.map((r) => r.model - r.bestBaseline));
  const wl = Math.max(...rows.map((r) => r.gapAfterColdStart ?? -Infinity));
  process.stdout.write(
    `\nAfter cold start (model − best baseline on those days): ${rows.map((r) => `${r.user} ${r.gapAfterColdStart === null ? '-' : signed(r.gapAfterColdStart)}`).join(', ')}\n`,
  );
  worstLate = Math.max(worstLate, wl);
  const mean = rows.reduce((a, r) => a + r.skill, 0) / rows.length;
  process.stdout.write(
    `\nseed ${seed}: mean skill ${mean.toFixed(3)}; worst model - best baseline ${w.toFixed(3)} nats/day (after cold start ${wl.toFixed(3)})\n`,
  );
  worst = Math.max(worst, w);
  sumSkill += mean;
  count++;
}
if (set)
  process.stdout.write(
    `\nall seeds: ${over} of ${scored} more than 0.02 nats/day behind the smoothed completion rate; worst ${worst.toFixed(3)} nats/day\n`,
  );
else
  process.stdout.write(
    `\nall seeds: mean skill ${(sumSkill / count).toFixed(3)}; worst model - best baseline ${worst.toFixed(3)} nats/day (after cold start ${worstLate.toFixed(3)})\n`,
  );
