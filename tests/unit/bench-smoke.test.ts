// Runs the benchmark once (--quick --json) in a child process so it cannot rot; checks the JSON
// contract's shape only — timings are never asserted here.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const PEERS = ['nudge_warm', 'nudge_cold', 'tfjs_cpu', 'tfjs_wasm', 'brainjs'];
const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('npm run bench -- --quick --json', () => {
  it('prints one JSON object with every contract key and nothing else on stdout', () => {
    const p = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--json'], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(p.status, p.stderr).toBe(0);
    const lines = p.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]);
    for (const table of ['train_ms', 'train_ms_min', 'train_reps']) {
      for (const peer of PEERS) expect(positive(r[table].samples_200[peer]), `${table}.samples_200.${peer}`).toBe(true);
    }
    expect(positive(r.train_ratio_paired.samples_200.brainjs), 'train_ratio_paired.samples_200.brainjs').toBe(true);
    for (const peer of ['nudge', 'tfjs_cpu', 'brainjs'])
      expect(positive(r.predict_us[peer]), `predict_us.${peer}`).toBe(true);
    expect(positive(r.features_ms.habits5_years5)).toBe(true);
    expect(positive(r.replay_ms.habit1_year1)).toBe(true);
    expect(r.meta.quick).toBe(true);
  }, 180_000);

  it('refuses an unknown option with exit code 2 and a message', () => {
    const p = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--reps', 'many'], { encoding: 'utf8' });
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/--reps expects an integer/);
  });

  it('refuses a --save path it cannot write before measuring, and a --render file that is not a saved result', () => {
    const save = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--quick', '--save', '/nonexistent-dir/bench.json'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(save.status).toBe(2);
    expect(save.stdout).toBe('');
    expect(save.stderr).toMatch(/^bench: --save: cannot write \/nonexistent-dir\/bench\.json: ENOENT/);
    const missing = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--render', '/nonexistent.json'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^bench: --render: cannot read \/nonexistent\.json: ENOENT/);
    const notResult = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--render', 'package.json'], {
      encoding: 'utf8',
    });
    expect(notResult.status).toBe(2);
    expect(notResult.stderr).toMatch(
      /^bench: --render: package\.json is not a saved bench result \(no "train_ms" object\)/,
    );
  });
});
