// Simulated users: `npm run simulate -- --out tests/fixtures/sim [--seed N]` writes backups and
// their truth; `npm run simulate -- --score [--seed N] [--novel] [--set key=number ...]` replays them and
// prints the quality table (skill against the known truth). With --novel, --seed N re-draws the novel kinds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devUsers, hasStructure, novelUsers, simulateUser } from './simulate-users.ts';
import { scoreTable, scoreUser } from './simulate-score.ts';
import { simArgsOrExit, usageExit } from './sim-args.ts';

const USAGE = 'npm run simulate -- (--out DIR | --score) [--seed N] [--novel] [--set key=number ...]';
const args = simArgsOrExit('simulate', USAGE, process.argv.slice(2), ['--score', '--novel'], true);
if (args.seeds.length > 1) usageExit('simulate', USAGE, 'give at most one --seed');
if (!args.out && !args.flags.has('--score'))
  usageExit('simulate', USAGE, 'nothing to do: give --out DIR, --score or both');
const seed = args.seeds[0] ?? 1;
// The novel users' fixed draw is 0; --seed N with --novel re-draws the same kinds.
const users = args.flags.has('--novel') ? novelUsers(args.seeds[0] ?? 0) : devUsers(seed);
const out = args.out;
if (out) {
  try {
    mkdirSync(out, { recursive: true });
    for (const u of users) {
      const { backup, truth } = simulateUser(u);
      writeFileSync(join(out, `${u.name}.json`), JSON.stringify(backup));
      writeFileSync(join(out, `${u.name}.truth.json`), JSON.stringify(truth));
    }
  } catch (e) {
    usageExit('simulate', USAGE, `cannot write to ${out}: ${(e as Error).message}`);
  }
  process.stdout.write(`wrote ${users.length} simulated users to ${out}\n`);
}
if (args.flags.has('--score')) {
  const opts = args.options;
  const rows = users.map((u) => scoreUser(u, opts));
  process.stdout.write(scoreTable(rows) + '\n');
  const structured = rows.filter((r, i) => hasStructure(users[i]));
  const mean = structured.reduce((a, r) => a + r.skill, 0) / structured.length;
  const worst = Math.max(...rows.map((r) => r.model - r.bestBaseline));
  process.stdout.write(
    `${args.flags.has('--novel') ? `novel users, draw ${args.seeds[0] ?? 0}` : `seed ${seed}`}: mean skill (structured) ${mean.toFixed(3)}; worst model - best baseline ${worst.toFixed(3)} nats/day; replay ${rows.reduce((a, r) => a + r.replayMs, 0).toFixed(0)} ms\n`,
  );
}
