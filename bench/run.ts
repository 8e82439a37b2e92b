// `npm run bench [-- --json] [--quick] [--reps N]`: Nudge's core against TensorFlow.js (cpu, wasm)
// and brain.js on the same data, same protocol (data outside the timed region, one untimed warm-up,
// only the training call timed, medians and mins), plus prediction, features and replay timings.
import os from 'node:os';
import { accessSync, constants, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from './args.ts';
import type { BenchResult, PeerNumbers } from './result.ts';
import type { Timing } from './stats.ts';
import { interleaved, pairedRatio, round3 } from './stats.ts';

const TFJS_BUDGET_MS = 15_000;
const WARMUP_CAP = 1000;
const BRAIN_ADAM_BUDGET_MS = 10_000;

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(2);
  }
  if (args.render) {
    const saved = readSaved(args.render);
    const report = await import('./report.ts');
    process.stdout.write(
      (args.markdown ? report.renderMarkdown(saved) : args.json ? JSON.stringify(saved) : report.renderTable(saved)) +
        '\n',
    );
    return;
  }
  // Checked before measuring, so a bad path does not cost a whole run.
  if (args.save) checkWritable(args.save);
  // Peers print banners with console.log; in --json mode stdout carries the JSON object only.
  if (args.json) console.log = console.info = console.debug = (...a: unknown[]) => console.error(...a);

  const { SIZES } = await import('./config.ts');
  const { makeBenchData } = await import('./data.ts');
  const nudge = await import('./peer-nudge.ts');
  const brain = await import('./peer-brain.ts');
  const tfjs = await import('./peer-tfjs.ts');

  const sizes: number[] = args.quick ? [200] : SIZES.slice();
  const reps = args.reps;
  const budget = args.quick ? 0 : TFJS_BUDGET_MS;
  const notes: string[] = [];
  const timings: Record<string, Record<string, Timing>> = {};
  const paired: Record<string, PeerNumbers> = {};
  const put = (n: number, peer: string, t: Timing): void => {
    timings[`samples_${n}`] ??= {};
    timings[`samples_${n}`][peer] = t;
    log(`${peer} samples_${n}: median ${t.median} ms, min ${t.min} ms, CPU ${t.cpuMedian} ms over ${t.reps} reps`);
  };

  for (const n of sizes) {
    const d = makeBenchData(n);
    // Interleaved, so the ratio between the two is measured under the same conditions.
    const warm = interleaved(
      { nudge_warm: (r) => nudge.nudgeTrainOnce(d, 1 + r), brainjs: brain.brainTrainer(d, 'default') },
      reps,
    );
    put(n, 'nudge_warm', warm.nudge_warm);
    put(n, 'brainjs', warm.brainjs);
    paired[`samples_${n}`] = { brainjs: pairedRatio(warm.nudge_warm, warm.brainjs) };
    log(`brainjs / nudge_warm samples_${n}, median of paired rounds: ${paired[`samples_${n}`].brainjs}`);
    put(n, 'nudge_cold', nudge.nudgeCold(n, n === 1000 || args.quick ? reps : Math.min(reps, 3)));
    put(n, 'brainjs_adam', brain.brainTrain(d, reps, 'adam', args.quick ? 0 : BRAIN_ADAM_BUDGET_MS));
  }
  const wasmInfo: string[] = [];
  for (const b of ['cpu', 'wasm'] as const) {
    const desc = await tfjs.useBackend(b);
    if (b === 'wasm') wasmInfo.push(desc);
    for (const n of sizes) put(n, `tfjs_${b}`, await tfjs.tfjsTrain(makeBenchData(n), reps, budget, WARMUP_CAP));
  }
  if (!args.quick)
    notes.push(
      `tfjs: reps cut to fit ${TFJS_BUDGET_MS / 1000} s per size and backend (see train_reps); the warm-up run uses at most ${WARMUP_CAP} samples`,
    );

  const pd = makeBenchData(1000);
  const predict: Record<string, Timing> = {};
  predict.nudge = nudge.nudgePredictUs(pd, args.quick ? 20_000 : 500_000);
  predict.brainjs = brain.brainPredictUs(pd, args.quick ? 5_000 : 100_000);
  for (const b of ['cpu', 'wasm'] as const) {
    await tfjs.useBackend(b);
    predict[`tfjs_${b}`] = tfjs.tfjsPredictUs(pd, args.quick ? 100 : 1000);
  }
  for (const [k, t] of Object.entries(predict)) log(`predict ${k}: ${t.median} µs/call (CPU ${t.cpuMedian} µs)`);

  const { featuresBench, replayBench } = await import('./workloads.ts');
  let features: Awaited<ReturnType<typeof featuresBench>> | null = null;
  let replay: Awaited<ReturnType<typeof replayBench>> | null = null;
  try {
    features = await featuresBench(reps);
    log(`features habits5_years5: ${features.timing.median} ms (${features.events} events)`);
  } catch (e) {
    log(`features_ms left out: the feature builder failed: ${(e as Error).message}`);
    notes.push('features_ms left out (feature builder failed)');
  }
  try {
    replay = await replayBench(args.quick ? 1 : Math.min(reps, 5), args.quick ? 0 : 20_000);
    log(`replay habit1_year1: ${replay.timing.median} ms`);
  } catch (e) {
    log(`replay_ms left out: the replay failed: ${(e as Error).message}`);
    notes.push('replay_ms left out (replay failed)');
  }

  const pick = (f: (t: Timing) => number): Record<string, PeerNumbers> =>
    Object.fromEntries(
      Object.entries(timings).map(([size, peers]) => [
        size,
        Object.fromEntries(Object.entries(peers).map(([p, t]) => [p, f(t)])),
      ]),
    );
  const train_ms = pick((t) => t.median);
  const result: BenchResult = {
    train_ms,
    train_ms_min: pick((t) => t.min),
    train_reps: pick((t) => t.reps),
    train_cpu_ms: pick((t) => t.cpuMedian ?? NaN),
    train_ratio_vs_nudge_warm: Object.fromEntries(
      Object.entries(train_ms).map(([size, m]) => [
        size,
        Object.fromEntries(
          Object.entries(m)
            .filter(([p]) => p !== 'nudge_warm')
            .map(([p, v]) => [p, round3(v / m.nudge_warm)]),
        ),
      ]),
    ),
    train_ratio_paired: paired,
    predict_us: Object.fromEntries(Object.entries(predict).map(([k, t]) => [k, t.median])),
    predict_us_min: Object.fromEntries(Object.entries(predict).map(([k, t]) => [k, t.min])),
    predict_cpu_us: Object.fromEntries(Object.entries(predict).map(([k, t]) => [k, t.cpuMedian ?? NaN])),
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
      quick: args.quick,
      reps,
      tfjs_wasm: wasmInfo.join(', '),
      notes,
    },
  };
  if (features) {
    result.features_ms = { habits5_years5: features.timing.median };
    result.features_ms_min = { habits5_years5: features.timing.min };
    result.meta.features_events = features.events;
    result.meta.features_samples = features.samples;
  }
  if (replay) {
    result.replay_ms = { habit1_year1: replay.timing.median };
    result.replay_ms_min = { habit1_year1: replay.timing.min };
    result.meta.replay_days = replay.days;
  }
  if (args.save) {
    // Written beside and renamed, so an earlier result at that path is never left half-written.
    const tmp = `${args.save}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(result, null, 1)}\n`);
    renameSync(tmp, args.save);
  }
  const report = await import('./report.ts');
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${args.markdown ? report.renderMarkdown(result) : report.renderTable(result)}\n`);
}

function fail(problem: string): never {
  process.stderr.write(`bench: ${problem}\n`);
  process.exit(2);
}

/** A result saved by --save, or exit 2 naming what is wrong with the file. */
function readSaved(path: string): BenchResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`--render: cannot read ${path}: ${(e as Error).message}`);
  }
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return fail(`--render: ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(j)) return fail(`--render: ${path} is not a saved bench result (expected an object)`);
  for (const key of ['train_ms', 'train_ratio_vs_nudge_warm', 'predict_us', 'meta']) {
    if (!isObj(j[key])) return fail(`--render: ${path} is not a saved bench result (no "${key}" object)`);
  }
  return j as unknown as BenchResult;
}

/** Exits 2 unless `path` can be written (an existing file, or a new one in an existing directory). */
function checkWritable(path: string): void {
  try {
    if (existsSync(path)) accessSync(path, constants.W_OK);
    else accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (e) {
    fail(`--save: cannot write ${path}: ${(e as Error).message}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
