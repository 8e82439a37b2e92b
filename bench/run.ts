// `npm run bench [-- --json] [--quick] [--reps N]`: Nudge's core against TensorFlow.js (cpu, wasm;
// model.fit and a hand-written loop) and brain.js (default trainer, Adam) on the same data and the
// same protocol, in two layouts (all in this process; each in its own fresh process) with cold
// figures, plus prediction, features and replay timings.
import os from 'node:os';
import { parseArgs } from './args.ts';
import type { Measured, Timings } from './assemble.ts';
import type { Detached } from './isolated.ts';
import type { BenchResult } from './result.ts';
import { checkWritable, readSaved, saveResult } from './saved.ts';
import type { Timing } from './stats.ts';

const TFJS_BUDGET_MS = 15_000;
const TFJS_COLD_BUDGET_MS = 10_000;
const NO_BUDGET_MS = 1e9;
const WARMUP_CAP = 1000;

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

function putter(into: Timings, layout: string): (n: number, peer: string, t: Timing) => void {
  return (n, peer, t) => {
    into[`samples_${n}`] ??= {};
    into[`samples_${n}`][peer] = t;
    log(`${layout} ${peer} samples_${n}: median ${t.median} ms, min ${t.min}, CPU ${t.cpuMedian} over ${t.reps}`);
  };
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
    const text = args.markdown
      ? report.renderMarkdown(saved)
      : args.json
        ? JSON.stringify(saved)
        : report.renderTable(saved);
    process.stdout.write(`${text}\n`);
    return;
  }
  // Checked before measuring, so a bad path does not cost a whole run.
  if (args.save) checkWritable(args.save);
  // Peers print banners with console.log; in --json mode stdout carries the JSON object only.
  if (args.json) console.log = console.info = console.debug = (...a: unknown[]) => console.error(...a);

  const { SIZES } = await import('./config.ts');
  const sizes: number[] = args.quick ? [200] : SIZES.slice();
  const reps = args.reps;
  const notes: string[] = [];
  const m: Measured = { shared: {}, paired: {}, isolated: {}, cold: {}, detached: {}, predict: {} };

  const { runShared } = await import('./shared.ts');
  const shared = await runShared({
    sizes,
    reps,
    tfjsBudgetMs: args.quick ? 0 : TFJS_BUDGET_MS,
    warmupCap: WARMUP_CAP,
    put: putter(m.shared, 'shared'),
  });
  m.paired = shared.paired;
  if (!args.quick)
    notes.push(
      `tfjs: timed runs cut to fit ${TFJS_BUDGET_MS / 1000} s per configuration and size (see train_reps*), ` +
        `${TFJS_COLD_BUDGET_MS / 1000} s of extra cold processes; ` +
        `the shared warm-up uses at most ${WARMUP_CAP} samples`,
    );

  runIsolatedLayout(m, await import('./isolated.ts'), { sizes, reps, quick: args.quick });
  for (const n of sizes) m.shared[`samples_${n}`].nudge_cold = m.cold[`samples_${n}`].nudge;

  const { measurePredictions } = await import('./predict.ts');
  m.predict = await measurePredictions(args.quick);
  for (const [k, t] of Object.entries(m.predict)) log(`predict ${k}: ${t.median} µs/call (CPU ${t.cpuMedian} µs)`);

  const { assemble } = await import('./assemble.ts');
  const result: BenchResult = {
    ...assemble(m),
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
      quick: args.quick,
      reps,
      tfjs_wasm: shared.wasm,
      isolated_detached: m.detached,
      notes,
    },
  };
  await addWorkloads(result, args);
  if (args.save) saveResult(args.save, result);
  const report = await import('./report.ts');
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${args.markdown ? report.renderMarkdown(result) : report.renderTable(result)}\n`);
}

/** Every configuration in its own fresh processes: warm repetitions in the first, cold first calls in all. */
function runIsolatedLayout(
  m: Measured,
  iso: typeof import('./isolated.ts'),
  o: { sizes: number[]; reps: number; quick: boolean },
): void {
  const files = iso.buildChildrenSync();
  const putWarm = putter(m.isolated, 'isolated');
  const putCold = putter(m.cold, 'cold');
  const rank: Detached[] = ['before', 'during', 'never'];
  for (const n of o.sizes) {
    for (const [peer, child] of Object.entries(iso.CHILD_OF)) {
      const tfjs = child === 'tfjs';
      const r = iso.runIsolated(files[child], peer, n, {
        reps: o.reps,
        budgetMs: tfjs ? (o.quick ? 0 : TFJS_BUDGET_MS) : NO_BUDGET_MS,
        coldWanted: o.quick ? 1 : n === 1000 ? o.reps : Math.min(o.reps, 3),
        coldBudgetMs: tfjs ? TFJS_COLD_BUDGET_MS : NO_BUDGET_MS,
      });
      putWarm(n, peer, r.warm);
      putCold(n, peer, r.cold);
      const seen = m.detached[peer] ?? 'never';
      m.detached[peer] = rank.indexOf(r.detached) < rank.indexOf(seen) ? r.detached : seen;
    }
  }
}

/** Feature extraction and replay; a failure leaves their keys out with a note instead of losing the run. */
async function addWorkloads(result: BenchResult, args: { quick: boolean; reps: number }): Promise<void> {
  const { featuresBench, replayBench } = await import('./workloads.ts');
  try {
    const f = await featuresBench(args.reps);
    log(`features habits5_years5: ${f.timing.median} ms (${f.events} events)`);
    result.features_ms = { habits5_years5: f.timing.median };
    result.features_ms_min = { habits5_years5: f.timing.min };
    result.meta.features_events = f.events;
    result.meta.features_samples = f.samples;
  } catch (e) {
    log(`features_ms left out: the feature builder failed: ${(e as Error).message}`);
    result.meta.notes.push('features_ms left out (feature builder failed)');
  }
  try {
    const r = await replayBench(args.quick ? 1 : Math.min(args.reps, 5), args.quick ? 0 : 20_000);
    log(`replay habit1_year1: ${r.timing.median} ms`);
    result.replay_ms = { habit1_year1: r.timing.median };
    result.replay_ms_min = { habit1_year1: r.timing.min };
    result.meta.replay_days = r.days;
  } catch (e) {
    log(`replay_ms left out: the replay failed: ${(e as Error).message}`);
    result.meta.notes.push('replay_ms left out (replay failed)');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
