// The isolated layout and the cold figures: every peer configuration timed in fresh Node processes
// that import its one library and nothing else. The children run as plain JavaScript bundled by
// esbuild, not through tsx: any module loader hook (tsx's included) detaches an ArrayBuffer before
// the first line of the program runs, which puts V8 in the mode the shared layout measures.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { type ChildReport, TIMING_MARKER } from './child.ts';
import { summariseLaps, type Timing } from './stats.ts';

/** The library process each peer configuration runs in. */
export const CHILD_OF: Record<string, 'nudge' | 'brain' | 'tfjs'> = {
  nudge: 'nudge',
  nudge_batch1: 'nudge',
  brainjs: 'brain',
  brainjs_adam: 'brain',
  tfjs_cpu: 'tfjs',
  tfjs_wasm: 'tfjs',
  tfjs_cpu_loop: 'tfjs',
  tfjs_wasm_loop: 'tfjs',
};

/** When V8's detached-buffer mode began in a process: before the first timed call, during the timed calls, or never. */
export type Detached = 'before' | 'during' | 'never';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const OUT = fileURLToPath(new URL('../node_modules/.cache/nudge-bench/', import.meta.url));
const DETACH_TRACE = 'Invalidating protector cell ArrayBufferDetaching';

/** Bundles the child entries into node_modules/.cache (libraries stay external); returns each one's path. */
export function buildChildrenSync(): Record<string, string> {
  const names = ['nudge', 'brain', 'tfjs'];
  buildSync({
    entryPoints: Object.fromEntries(names.map((n) => [n, `${HERE}child-${n}.ts`])),
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return Object.fromEntries(names.map((n) => [n, `${OUT}${n}.mjs`]));
}

interface ChildRun {
  report: ChildReport;
  detached: Detached;
}

/** Spawns one child and reads its report; throws with the child's stderr when it fails. */
function spawnChild(file: string, args: (string | number)[]): ChildRun {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // nothing may preload into the child
  const p = spawnSync(process.execPath, ['--trace-protector-invalidation', file, ...args.map(String)], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (p.status !== 0) throw new Error(`isolated child ${args.join(' ')} failed (exit ${p.status}): ${p.stderr}`);
  const lines = p.stdout.trim().split('\n');
  const marker = lines.indexOf(TIMING_MARKER);
  if (marker < 0) throw new Error(`isolated child ${args.join(' ')} never started timing: ${p.stdout}`);
  const report = JSON.parse(lines[lines.length - 1]) as ChildReport;
  if (!Number.isFinite(report.cold?.wall)) throw new Error(`isolated child ${args.join(' ')} printed no timing`);
  const traced = (from: number, to: number): boolean => lines.slice(from, to).some((l) => l.includes(DETACH_TRACE));
  const detached = traced(0, marker) ? 'before' : traced(marker, lines.length) ? 'during' : 'never';
  return { report, detached };
}

/** How many processes to spend on one peer configuration and sample size. */
export interface IsolatedPlan {
  /** Warm repetitions inside the first process (after its cold call). */
  reps: number;
  /** Time budget of those repetitions (the first always runs). */
  budgetMs: number;
  /** Cold figures wanted, one per process (the first process counts). */
  coldWanted: number;
  /** Time budget of the extra cold-only processes (at least one runs when more than one is wanted). */
  coldBudgetMs: number;
}

/** One configuration's figures in the isolated layout: warm repetitions, cold first calls, and V8's mode. */
export interface IsolatedResult {
  warm: Timing;
  cold: Timing;
  detached: Detached;
}

/** Times one peer configuration at one size in fresh processes: one with warm repetitions, then cold-only ones. */
export function runIsolated(file: string, peer: string, n: number, plan: IsolatedPlan): IsolatedResult {
  const first = spawnChild(file, [peer, n, plan.reps, plan.budgetMs]);
  const colds = [first.report.cold];
  const detachedIn = [first.detached];
  const extra =
    plan.coldWanted <= 1
      ? 0
      : Math.max(1, Math.min(plan.coldWanted - 1, Math.floor(plan.coldBudgetMs / first.report.coldDoneMs)));
  for (let i = 0; i < extra; i++) {
    const r = spawnChild(file, [peer, n, 0, 0]);
    colds.push(r.report.cold);
    detachedIn.push(r.detached);
  }
  const order: Detached[] = ['before', 'during', 'never'];
  const detached = order.find((d) => detachedIn.includes(d)) ?? 'never';
  return { warm: summariseLaps(first.report.runs), cold: summariseLaps(colds), detached };
}
