// Command-line options of the benchmark.

/**
 * Parsed options: --json, --markdown, --quick, --reps N, --save FILE (also write the JSON there),
 * --render FILE (print a saved result, measure nothing).
 */
export interface BenchArgs {
  json: boolean;
  markdown: boolean;
  quick: boolean;
  reps: number;
  save: string | null;
  render: string | null;
}

/** Parses argv (after the script name); throws an Error naming the bad argument. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const a: BenchArgs = { json: false, markdown: false, quick: false, reps: 7, save: null, render: null };
  let repsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--json') a.json = true;
    else if (k === '--markdown') a.markdown = true;
    else if (k === '--quick') a.quick = true;
    else if (k === '--reps') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 1000)
        throw new Error(`--reps expects an integer from 1 to 1000, got ${JSON.stringify(argv[i])}`);
      a.reps = v;
      repsGiven = true;
    } else if (k === '--save' || k === '--render') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`${k} expects a file path`);
      if (k === '--save') a.save = v;
      else a.render = v;
    } else
      throw new Error(
        `unknown argument ${JSON.stringify(k)} ` +
          '(known: --json, --markdown, --quick, --reps N, --save FILE, --render FILE)',
      );
  }
  if (a.quick && !repsGiven) a.reps = 1;
  return a;
}

/**
 * For the browser benches: exits 2 with a message on an argument outside `flags` (valueless) and
 * `valued` (followed by a value), so a typo such as --smok does not start a many-minute full run.
 */
export function assertKnownArgs(
  tool: string,
  argv: readonly string[],
  flags: readonly string[],
  valued: readonly string[] = [],
): void {
  for (let i = 0; i < argv.length; i++) {
    if (flags.includes(argv[i])) continue;
    if (valued.includes(argv[i]) && i + 1 < argv.length) {
      i++;
      continue;
    }
    const known = [...flags, ...valued.map((v) => `${v} VALUE`)].join(', ');
    const problem = valued.includes(argv[i])
      ? `${argv[i]} needs a value`
      : `unknown argument ${JSON.stringify(argv[i])}`;
    process.stderr.write(`${tool}: ${problem} (known: ${known})\n`);
    process.exit(2);
  }
}
