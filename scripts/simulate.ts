// Simulated users: `npm run simulate -- --out tests/fixtures/sim [--seed N]` writes backups and
// their truth; `npm run simulate -- --score [--seed N | --novel] [--set key=value ...]` replays them and
// prints the quality table (skill against the known truth).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devUsers, hasStructure, novelUsers, simulateUser } from './simulate-users.ts';
import { scoreTable, scoreUser } from './simulate-score.ts';
import type { EngineOptions } from '../src/learn/engine-options.ts';

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? null : null;
}

function overrides(): Partial<EngineOptions> {
  const o: Record<string, number> = {};
  process.argv.forEach((a, i) => {
    if (a !== '--set') return;
    const [k, v] = (process.argv[i + 1] ?? '').split('=');
    if (!k || v === undefined || !Number.isFinite(+v)) { process.stderr.write(`simulate: --set needs key=number, got ${process.argv[i + 1]}\n`); process.exit(2); }
    o[k] = +v;
  });
  return o as Partial<EngineOptions>;
}

const seed = Number(arg('--seed') ?? 1);
const users = process.argv.includes('--novel') ? novelUsers() : devUsers(seed);
const out = arg('--out');
if (out) {
  mkdirSync(out, { recursive: true });
  for (const u of users) {
    const { backup, truth } = simulateUser(u);
    writeFileSync(join(out, `${u.name}.json`), JSON.stringify(backup));
    writeFileSync(join(out, `${u.name}.truth.json`), JSON.stringify(truth));
  }
  process.stdout.write(`wrote ${users.length} simulated users to ${out}\n`);
}
if (process.argv.includes('--score')) {
  const opts = overrides();
  const rows = users.map((u) => scoreUser(u, opts));
  process.stdout.write(scoreTable(rows) + '\n');
  const structured = rows.filter((r, i) => hasStructure(users[i]));
  const mean = structured.reduce((a, r) => a + r.skill, 0) / structured.length;
  const worst = Math.max(...rows.map((r) => r.model - r.bestBaseline));
  process.stdout.write(`${process.argv.includes('--novel') ? 'novel users' : `seed ${seed}`}: mean skill (structured) ${mean.toFixed(3)}; worst model - best baseline ${worst.toFixed(3)} nats/day; replay ${rows.reduce((a, r) => a + r.replayMs, 0).toFixed(0)} ms\n`);
}
