// The simulation tools read their command line strictly: a typo in an option or an engine setting
// stops the run with a message, instead of silently measuring the defaults.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseSimArgs, SimArgsError } from '../../../scripts/sim-args.ts';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

describe('simulation tool arguments', () => {
  it('reads seeds, flags, --out and numeric engine settings', () => {
    const a = parseSimArgs(
      ['--seed', '11', '--newcomers', '--seed', '-3', '--set', 'weekdayLogOdds=1.5', '--set', 'minTrainDays=21'],
      ['--newcomers'],
      false,
    );
    expect(a.seeds).toEqual([11, -3]);
    expect([...a.flags]).toEqual(['--newcomers']);
    expect(a.options).toEqual({ weekdayLogOdds: 1.5, minTrainDays: 21 });
    expect(parseSimArgs(['--out', 'dir', '--score'], ['--score'], true).out).toBe('dir');
  });

  it.each([
    [['--sede', '1'], /unknown argument "--sede"/],
    [['--seed'], /--seed needs a value/],
    [['--seed', '1.5'], /--seed needs an integer, got "1.5"/],
    [['--seed', 'abc'], /--seed needs an integer/],
    [['--set', 'weekdayLogOds=2'], /--set weekdayLogOds: not a numeric engine setting \(known: .*weekdayLogOdds/],
    [['--set', 'layers=3'], /--set layers: not a numeric engine setting/],
    [['--set', 'weekdayLogOdds='], /--set needs key=number, got "weekdayLogOdds="/],
    [['--set', 'weekdayLogOdds=high'], /--set needs key=number/],
    [['--out', 'dir'], /unknown argument "--out"/],
  ])('refuses %j with a message naming the argument', (argv, message) => {
    expect(() => parseSimArgs(argv, ['--newcomers'], false)).toThrow(SimArgsError);
    expect(() => parseSimArgs(argv, ['--newcomers'], false)).toThrow(message);
  });

  it('CLI: a bad argument exits 2 with the problem and the usage, before any work', () => {
    const r = spawnSync(process.execPath, [tsx, 'scripts/simulate.ts', '--score', '--set', 'priorRateLogOds=4'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^simulate: --set priorRateLogOds: not a numeric engine setting .*\nusage: npm run simulate -- /,
    );
    const idle = spawnSync(process.execPath, [tsx, 'scripts/simulate-robust.ts', '--newcomers'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(idle.status).toBe(2);
    expect(idle.stderr).toMatch(/^simulate-robust: give one or more --seed N\n/);
  });
});
