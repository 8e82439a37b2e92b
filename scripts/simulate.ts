// Simulated people, to measure the learner: `npm run simulate -- --score --seed 1001 [--seed 1002 ...]
// [--per 3] [--set stage.key=number ...] [--json]` replays long histories (every kind, `--per` people each),
// short histories and three-week newcomers drawn from each seed, and prints the quality table and the issue's
// targets; `npm run simulate -- --out DIR --seed N` writes their backups and truth instead. Seeds give new people
// of the same kinds: report on seeds drawn after the last choice was made.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type LearnConfig, withConfig } from '../src/learn/config.ts';
import { type SimUser, simulateUser } from './sim/generate.ts';
import { dailyTwins, longHistories, newcomers, shortHistories } from './sim/population.ts';
import { kindTable } from './sim/report.ts';
import { scoreUser } from './sim/score.ts';
import { checkTargets, targetFigures } from './sim/targets.ts';

const USAGE =
  'npm run simulate -- (--score | --out DIR) --seed N [--seed N ...] [--per K] [--set stage.key=number ...] [--json]';

function usage(problem: string): never {
  process.stderr.write(`simulate: ${problem}\nusage: ${USAGE}\n`);
  process.exit(2);
}

interface Args {
  score: boolean;
  json: boolean;
  out: string | null;
  seeds: number[];
  per: number;
  cfg: LearnConfig;
}

/** A `stage.key=number` setting applied to the defaults; unknown stages or keys are refused. */
function setting(cfg: Record<string, Record<string, unknown>>, kv: string): void {
  const m = /^(\w+)\.(\w+)=(.+)$/.exec(kv);
  if (!m) usage(`--set needs stage.key=number, got ${JSON.stringify(kv)}`);
  const [, stage, key, raw] = m;
  const defaults = (DEFAULT_CONFIG as unknown as Record<string, Record<string, unknown>>)[stage];
  if (!defaults) usage(`--set ${kv}: no stage ${stage} (known: ${Object.keys(DEFAULT_CONFIG).join(', ')})`);
  if (!(key in defaults))
    usage(`--set ${kv}: no setting ${key} in ${stage} (known: ${Object.keys(defaults).join(', ')})`);
  const value = raw.includes(',') ? raw.split(',').map(Number) : Number(raw);
  if ([value].flat().some((v) => !Number.isFinite(v))) usage(`--set ${kv}: not a number`);
  cfg[stage] ??= {};
  cfg[stage][key] = value;
}

function parse(argv: string[]): Args {
  const a: Args = { score: false, json: false, out: null, seeds: [], per: 3, cfg: DEFAULT_CONFIG };
  const changes: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = (): string => argv[++i] ?? usage(`${k} needs a value`);
    if (k === '--score') a.score = true;
    else if (k === '--json') a.json = true;
    else if (k === '--out') a.out = v();
    else if (k === '--seed' || k === '--per') {
      const s = v();
      if (!/^\d+$/.test(s)) usage(`${k} needs a whole number, got ${JSON.stringify(s)}`);
      if (k === '--seed') a.seeds.push(Number(s));
      else a.per = Number(s);
    } else if (k === '--set') setting(changes, v());
    else usage(`unknown argument ${JSON.stringify(k)}`);
  }
  if (!a.score && !a.out) usage('nothing to do: give --score, --out DIR or both');
  if (!a.seeds.length) usage('give at least one --seed');
  a.cfg = withConfig(changes as never);
  return a;
}

function write(dir: string, users: SimUser[]): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const u of users) {
      const { backup, truth } = simulateUser(u);
      writeFileSync(join(dir, `${u.name}.json`), JSON.stringify(backup));
      writeFileSync(join(dir, `${u.name}.truth.json`), JSON.stringify(truth));
    }
  } catch (e) {
    usage(`cannot write to ${dir}: ${(e as Error).message}`);
  }
}

const args = parse(process.argv.slice(2));
const long = args.seeds.flatMap((s) => longHistories(s, args.per));
const short = args.seeds.flatMap(shortHistories);
const fresh = args.seeds.flatMap(newcomers);
if (args.out) {
  write(args.out, [...long, ...short, ...fresh]);
  if (!args.json)
    process.stdout.write(`wrote ${long.length + short.length + fresh.length} simulated people to ${args.out}\n`);
}
if (args.score) {
  const t0 = performance.now();
  const pop = {
    long: long.map((u) => scoreUser(u, args.cfg)),
    short: short.map((u) => scoreUser(u, args.cfg)),
    newcomers: fresh.map((u) => scoreUser(u, args.cfg)),
    twins: dailyTwins(long).map((u) => scoreUser(u, args.cfg)),
  };
  const figures = targetFigures(pop);
  const checks = checkTargets(figures);
  if (args.json) process.stdout.write(`${JSON.stringify({ seeds: args.seeds, figures, checks })}\n`);
  else {
    const lines = checks.map((c) => `| ${c.target} | ${c.figure} | ${c.met ? 'met' : 'NOT met'} |`);
    const cal = figures.calibration;
    const calRows = cal.bins.map((b) => `| ${b.predicted.toFixed(2)} | ${b.actual.toFixed(2)} | ${b.days} |`);
    const calHead = '| shown (mean) | done (share) | days |\n|---|---|---|\n';
    const calTable = `${calHead}${calRows.join('\n')}\n\nmean gap ${cal.meanGap.toFixed(3)}`;
    process.stdout.write(
      `Seeds ${args.seeds.join(', ')}: ${long.length} long histories, ${short.length} short, ` +
        `${fresh.length} newcomers ` +
        `(${((performance.now() - t0) / 1000).toFixed(0)} s)\n\n${kindTable(figures.rows)}\n\n` +
        `| target | figure | |\n|---|---|---|\n${lines.join('\n')}\n\nCalibration, every scored day:\n\n${calTable}\n`,
    );
  }
}
