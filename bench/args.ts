// Command-line options of the benchmark.

/** Parsed options: --json, --quick, --reps N. */
export interface BenchArgs { json: boolean; quick: boolean; reps: number }

/** Parses argv (after the script name); throws an Error naming the bad argument. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const a: BenchArgs = { json: false, quick: false, reps: 7 };
  let repsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--json') a.json = true;
    else if (k === '--quick') a.quick = true;
    else if (k === '--reps') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 1000) throw new Error(`--reps expects an integer from 1 to 1000, got ${JSON.stringify(argv[i])}`);
      a.reps = v;
      repsGiven = true;
    } else throw new Error(`unknown argument ${JSON.stringify(k)} (known: --json, --quick, --reps N)`);
  }
  if (a.quick && !repsGiven) a.reps = 1;
  return a;
}
