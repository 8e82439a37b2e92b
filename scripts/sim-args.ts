// Command-line arguments of the simulation tools (simulate.ts, simulate-robust.ts), read strictly:
// a typo in an option or an engine setting must stop the run, not silently measure the defaults.
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../src/learn/engine-options.ts';

/** What the simulation tools accept; each tool uses the parts it documents. */
export interface SimArgs {
  seeds: number[];
  out: string | null;
  flags: Set<string>;
  /** Engine settings from `--set key=number` (only numeric settings of EngineOptions). */
  options: Partial<EngineOptions>;
}

/** Thrown for a bad command line; the message says which argument and why. */
export class SimArgsError extends Error {}

/** Parses argv (without node and the script); `flags` are the valueless options the tool knows. */
export function parseSimArgs(argv: readonly string[], flags: readonly string[], withOut: boolean): SimArgs {
  const res: SimArgs = { seeds: [], out: null, flags: new Set(), options: {} };
  const options: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (flags.includes(a)) {
      res.flags.add(a);
      continue;
    }
    if (a !== '--seed' && a !== '--set' && !(withOut && a === '--out'))
      throw new SimArgsError(`unknown argument ${JSON.stringify(a)}`);
    const v = argv[++i];
    if (v === undefined) throw new SimArgsError(`${a} needs a value`);
    if (a === '--out') res.out = v;
    else if (a === '--seed') {
      if (!/^-?\d+$/.test(v)) throw new SimArgsError(`--seed needs an integer, got ${JSON.stringify(v)}`);
      res.seeds.push(Number(v));
    } else {
      const eq = v.indexOf('=');
      const key = eq > 0 ? v.slice(0, eq) : '';
      const num = Number(v.slice(eq + 1));
      if (!key || eq === v.length - 1 || !Number.isFinite(num))
        throw new SimArgsError(`--set needs key=number, got ${JSON.stringify(v)}`);
      const known = Object.keys(DEFAULT_ENGINE_OPTIONS).filter(
        (k) => typeof DEFAULT_ENGINE_OPTIONS[k as keyof EngineOptions] === 'number',
      );
      if (!known.includes(key))
        throw new SimArgsError(`--set ${key}: not a numeric engine setting (known: ${known.join(', ')})`);
      options[key] = num;
    }
  }
  res.options = options as Partial<EngineOptions>;
  return res;
}

/** Parses or exits 2 with the problem and the tool's usage line on stderr. */
export function simArgsOrExit(
  tool: string,
  usage: string,
  argv: readonly string[],
  flags: readonly string[],
  withOut: boolean,
): SimArgs {
  try {
    return parseSimArgs(argv, flags, withOut);
  } catch (e) {
    if (!(e instanceof SimArgsError)) throw e;
    return usageExit(tool, usage, e.message);
  }
}

/** Writes `tool: problem` and the usage line to stderr and exits with code 2. */
export function usageExit(tool: string, usage: string, problem: string): never {
  process.stderr.write(`${tool}: ${problem}\nusage: ${usage}\n`);
  process.exit(2);
}
