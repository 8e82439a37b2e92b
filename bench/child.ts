// The inside of one fresh process of the isolated layout: one peer configuration, one sample size.
// It times the very first training call (the cold figure, which is also the warm-up), then warm
// repetitions, and prints them as the last line of stdout. It imports no peer library itself: each
// bench/child-*.ts entry passes the family of the one library it imports.
import { makeBenchData } from './data.ts';
import { type Lap, repsWithin } from './stats.ts';
import type { TrainerFamily } from './trainer.ts';

/** Printed on stdout right before the first timed call, so the parent can tell what happened before it. */
export const TIMING_MARKER = 'bench-child: timing starts';

/** What a child reports: its first call, its warm repetitions, and when the first call ended (ms since its start). */
export interface ChildReport {
  cold: Lap;
  runs: Lap[];
  coldDoneMs: number;
}

/** Arguments of a child: peer, samples, wanted warm repetitions (0: cold call only), time budget for them. */
export interface ChildArgs {
  peer: string;
  n: number;
  reps: number;
  budgetMs: number;
}

/** Parses `<peer> <samples> <reps> <budgetMs>`; throws naming the bad argument. */
export function parseChildArgs(argv: readonly string[], family: TrainerFamily): ChildArgs {
  const [peer, n, reps, budget] = argv;
  if (!(peer in family))
    throw new Error(`unknown peer ${JSON.stringify(peer)} (known: ${Object.keys(family).join(', ')})`);
  const a = { peer, n: Number(n), reps: Number(reps), budgetMs: Number(budget) };
  if (!Number.isInteger(a.n) || a.n < 1)
    throw new Error(`samples must be a positive integer, got ${JSON.stringify(n)}`);
  if (!Number.isInteger(a.reps) || a.reps < 0)
    throw new Error(`reps must be an integer >= 0, got ${JSON.stringify(reps)}`);
  if (!(a.budgetMs >= 0)) throw new Error(`budgetMs must be a number >= 0, got ${JSON.stringify(budget)}`);
  return a;
}

/** Runs the child's protocol with the given family; exits 2 on bad arguments, 1 on a failed training. */
export async function runChild(family: TrainerFamily): Promise<void> {
  // Libraries print banners with console.log; stdout carries the marker and the report only.
  console.log = console.info = console.debug = (...a: unknown[]) => console.error(...a);
  let args: ChildArgs;
  try {
    args = parseChildArgs(process.argv.slice(2), family);
  } catch (e) {
    process.stderr.write(`bench child: ${(e as Error).message}\n`);
    process.exit(2);
  }
  try {
    const trainer = await family[args.peer](makeBenchData(args.n));
    process.stdout.write(`${TIMING_MARKER}\n`);
    const cold = await trainer.train(0);
    const coldDoneMs = performance.now();
    const runs: Lap[] = [];
    if (args.reps > 0) {
      runs.push(await trainer.train(1));
      const count = repsWithin(args.reps, runs[0].wall, args.budgetMs);
      while (runs.length < count) runs.push(await trainer.train(runs.length + 1));
    }
    trainer.dispose?.();
    const report: ChildReport = { cold, runs, coldDoneMs };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } catch (e) {
    process.stderr.write(`bench child ${args.peer} n=${args.n}: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
    process.exit(1);
  }
}
