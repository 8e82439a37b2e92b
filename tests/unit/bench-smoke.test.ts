// Runs the benchmark once (--quick --json) in a child process so it cannot rot; checks the JSON
// contract's shape, that the layouts' figures agree with their ratios, and that the isolated
// layout really runs outside V8's detached-buffer mode. Timings are never asserted.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

const CONTRACT = ['nudge_warm', 'nudge_cold', 'tfjs_cpu', 'tfjs_wasm', 'brainjs'];
const SHARED_EXTRA = ['brainjs_adam', 'nudge_batch1', 'tfjs_cpu_loop', 'tfjs_wasm_loop'];
const CONFIGS = [
  'nudge',
  'nudge_batch1',
  'brainjs',
  'brainjs_adam',
  'tfjs_cpu',
  'tfjs_wasm',
  'tfjs_cpu_loop',
  'tfjs_wasm_loop',
];
const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function bench(args: string[], timeout = 60_000) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { encoding: 'utf8', timeout });
}

describe('npm run bench -- --quick --json', () => {
  let r: any;
  let stdoutLines: string[];

  beforeAll(() => {
    const p = bench(['--quick', '--json'], 230_000);
    expect(p.status, p.stderr).toBe(0);
    stdoutLines = p.stdout.trim().split('\n');
    r = JSON.parse(stdoutLines[stdoutLines.length - 1]);
  }, 240_000);

  it('prints one JSON object with every contract key and nothing else on stdout', () => {
    expect(stdoutLines).toHaveLength(1);
    for (const table of ['train_ms', 'train_ms_min', 'train_reps']) {
      for (const peer of CONTRACT)
        expect(positive(r[table].samples_200[peer]), `${table}.samples_200.${peer}`).toBe(true);
    }
    for (const peer of ['nudge', 'tfjs_cpu', 'brainjs'])
      expect(positive(r.predict_us[peer]), `predict_us.${peer}`).toBe(true);
    expect(positive(r.features_ms.habits5_years5)).toBe(true);
    expect(positive(r.replay_ms.habit1_year1)).toBe(true);
    expect(r.meta.quick).toBe(true);
  });

  it('times every configuration in both layouts and cold, with ratios that match the medians', () => {
    const s = 'samples_200';
    for (const peer of [...CONTRACT, ...SHARED_EXTRA]) {
      expect(positive(r.train_ms[s][peer]), `train_ms.${s}.${peer}`).toBe(true);
      expect(positive(r.train_cpu_ms[s][peer]), `train_cpu_ms.${s}.${peer}`).toBe(true);
      if (peer !== 'nudge_warm')
        expect(r.train_ratio_vs_nudge_warm[s][peer]).toBe(round3(r.train_ms[s][peer] / r.train_ms[s].nudge_warm));
    }
    for (const [layout, ratio] of [
      ['isolated', 'train_ratio_isolated'],
      ['cold', 'train_ratio_cold'],
    ]) {
      const ms = r[`train_ms_${layout}`][s];
      for (const peer of CONFIGS) {
        expect(positive(ms[peer]), `train_ms_${layout}.${s}.${peer}`).toBe(true);
        expect(positive(r[`train_ms_${layout}_min`][s][peer]), `train_ms_${layout}_min.${s}.${peer}`).toBe(true);
        expect(r[`train_reps_${layout}`][s][peer], `train_reps_${layout}.${s}.${peer}`).toBeGreaterThanOrEqual(1);
        if (peer !== 'nudge') expect(r[ratio][s][peer], `${ratio}.${s}.${peer}`).toBe(round3(ms[peer] / ms.nudge));
      }
    }
    // The contract's nudge_cold is the cold figure of Nudge's own configuration, from the same processes.
    expect(r.train_ms[s].nudge_cold).toBe(r.train_ms_cold[s].nudge);
    expect(positive(r.train_ratio_paired[s].brainjs)).toBe(true);
    expect(positive(r.train_ratio_paired[s].brainjs_adam)).toBe(true);
  });

  it('reports the like-for-like row (brain.js Adam against Nudge at batch 1) in every layout', () => {
    const l = r.train_ratio_like_for_like.samples_200;
    expect(l.shared).toBe(round3(r.train_ms.samples_200.brainjs_adam / r.train_ms.samples_200.nudge_batch1));
    expect(l.shared_paired).toBe(r.train_ratio_paired.samples_200.brainjs_adam);
    expect(l.isolated).toBe(
      round3(r.train_ms_isolated.samples_200.brainjs_adam / r.train_ms_isolated.samples_200.nudge_batch1),
    );
    expect(l.cold).toBe(round3(r.train_ms_cold.samples_200.brainjs_adam / r.train_ms_cold.samples_200.nudge_batch1));
  });

  it("runs Nudge's isolated processes outside V8's detached-buffer mode, and says when each peer entered it", () => {
    for (const peer of CONFIGS) expect(['before', 'during', 'never']).toContain(r.meta.isolated_detached[peer]);
    expect(r.meta.isolated_detached.nudge).toBe('never');
    expect(r.meta.isolated_detached.nudge_batch1).toBe('never');
  });
});

describe('bench arguments and saved results', () => {
  it('refuses an unknown option with exit code 2 and a message', () => {
    const p = bench(['--reps', 'many']);
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/--reps expects an integer/);
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/child-nudge.ts', 'nudgee', '200', '1', '0'], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/unknown peer "nudgee" \(known: nudge, nudge_batch1\)/);
  });

  it('renders a result saved before the isolated layout existed, as text and as Markdown', () => {
    const text = bench(['--render', 'bench/results-latest.json']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^ {4}brainjs +\d/m);
    const md = bench(['--render', 'bench/results-latest.json', '--markdown']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^\| 1000 \| nudge \| \d/m);
    expect(md.stdout).toMatch(/^- brain\.js's default trainer .*: (met|MISSED)/m);
  });

  it('refuses a --save path it cannot write before measuring, and a --render file that is not a saved result', () => {
    const save = bench(['--quick', '--save', '/nonexistent-dir/bench.json']);
    expect(save.status).toBe(2);
    expect(save.stdout).toBe('');
    expect(save.stderr).toMatch(/^bench: --save: cannot write \/nonexistent-dir\/bench\.json: ENOENT/);
    const missing = bench(['--render', '/nonexistent.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^bench: --render: cannot read \/nonexistent\.json: ENOENT/);
    const notResult = bench(['--render', 'package.json']);
    expect(notResult.status).toBe(2);
    expect(notResult.stderr).toMatch(
      /^bench: --render: package\.json is not a saved bench result \(no "train_ms" object\)/,
    );
  });
});
