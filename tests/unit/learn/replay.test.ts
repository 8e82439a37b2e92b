// The replay CLI contract: deterministic, prefix-stable, JSONL of {habitId, day, p, source}, and
// exit code 2 with a clear message on a bad file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BackupRefused, readBackupData as readBackup, replayBackup } from '../../../scripts/replay-core.ts';
import { simulateUser } from '../../../scripts/sim/generate.ts';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

/** A small two-habit simulated person (Paris, DST in March, ten days in Kolkata) over 120 days. */
function smallBackup(): Record<string, unknown> {
  const weekdays = [0.1, 0.8, 0.8, 0.8, 0.8, 0.7, 0.1];
  return simulateUser({
    name: 'small',
    kind: 'mixed',
    seed: 11,
    timeZone: 'Europe/Paris',
    start: '2026-02-01',
    days: 120,
    opens: 1.3,
    travel: { from: 40, to: 50, timeZone: 'Asia/Kolkata' },
    habits: [
      { id: 'study', name: 'Study', hour: 19, spec: { kind: 'weekly', p: weekdays }, showRate: 0.5, tapRate: 0.5 },
      {
        id: 'walk',
        name: 'Walk',
        hour: 12,
        spec: { kind: 'streak', low: 0.2, high: 0.9, tau: 3 },
        showRate: 0.5,
        tapRate: 0.5,
      },
    ],
  }).backup;
}

function dayOf(e: { at: string; day?: string }): string {
  return e.day ?? e.at.slice(0, 10);
}

describe('replay', () => {
  const backup = smallBackup();
  const lines = replayBackup(readBackup(backup));

  it('writes one line per habit and day from creation to the last event day', () => {
    const days = new Set(lines.map((l) => l.day));
    expect(lines.length).toBe(2 * days.size);
    expect(lines.filter((l) => l.habitId === 'walk').length).toBe(days.size);
    expect(lines[0]).toMatchObject({ habitId: 'study', day: '2026-02-01', source: 'prior', p: 0.5 });
    for (const l of lines) expect(['prior', 'model', 'baseline']).toContain(l.source);
    expect(lines.some((l) => l.source !== 'prior')).toBe(true);
  });

  it('is deterministic', () => {
    expect(replayBackup(readBackup(structuredClone(backup)))).toEqual(lines);
  });

  it('is prefix-stable: cutting every event after day X changes no prediction up to X', () => {
    const X = '2026-04-10';
    const cut = { ...backup, events: (backup.events as { at: string; day?: string }[]).filter((e) => dayOf(e) <= X) };
    const short = replayBackup(readBackup(cut));
    const expected = lines.filter((l) => l.day <= X);
    expect(short.filter((l) => l.day <= X)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
  });

  it('reads other RFC 3339 / ISO 8601 spellings of an instant (space, lower case, +0100, +01) as the same', () => {
    const spellings = [
      (at: string) => at.replace('T', ' '),
      (at: string) => at.replace(/([+-]\d{2}):(\d{2})$/, '$1$2'),
      (at: string) => at.replace('T', 't').replace(/([+-]\d{2}):00$/, '$1'),
    ];
    const variant = structuredClone(backup) as { habits: { createdAt: string }[]; events: { at: string }[] };
    for (const [i, h] of variant.habits.entries()) h.createdAt = spellings[i % 3](h.createdAt);
    for (const [i, e] of variant.events.entries()) e.at = spellings[i % 3](e.at);
    expect(variant.events[1].at).not.toBe((backup.events as { at: string }[])[1].at);
    expect(readBackup(variant)).toEqual(readBackup(backup));
    const utc = (at: string) =>
      readBackup({ ...backup, habits: [{ id: 'u', name: 'U', createdAt: at }], events: [] }).habits[0];
    expect(utc('2026-03-01 23:30:00z')).toEqual(utc('2026-03-01T23:30:00Z'));
    expect(utc('2026-03-01 23:30:00z').createdDay).toBe('2026-03-01');
    // Without an offset the local day is unknown: still refused, naming the field.
    variant.events[5].at = variant.events[5].at.replace(/(Z|[+-][\d:]+)$/, '');
    expect(() => readBackup(variant)).toThrow(/^events\[5\]\.at: /m);
  });

  it('names what is wrong and where in a bad backup', () => {
    const bad = structuredClone(backup) as { events: Record<string, unknown>[] };
    bad.events[3] = { ...bad.events[3], at: '2026-02-30T10:00:00+01:00' };
    expect(() => readBackup(bad)).toThrow(BackupRefused);
    expect(() => readBackup(bad)).toThrow(/^events\[3\]\.at: /m);
    expect(() => readBackup({ ...backup, version: 99 })).toThrow(/^version: .*newer Nudge/m);
    expect(() => readBackup({ ...backup, habits: [{ id: 'x' }] })).toThrow(/^habits\[0\]\./m);
  });

  it('refuses a day after the day it was recorded and instants before 1970, naming the field', () => {
    const events = backup.events as Record<string, unknown>[];
    const withEvent = (e: Record<string, unknown>) => ({ ...backup, events: [...events, e] });
    const n = events.length;
    expect(() =>
      readBackup(withEvent({ type: 'appOpened', at: '2026-03-01T09:00:00.000+01:00', day: '2099-12-31' })),
    ).toThrow(new RegExp(`^events\\[${n}\\]\\.day: 2099-12-31 is after`, 'm'));
    expect(() => readBackup(withEvent({ type: 'appOpened', at: '0026-03-01T09:00:00.000+01:00' }))).toThrow(
      new RegExp(`^events\\[${n}\\]\\.at: .*1970`, 'm'),
    );
    const habits = backup.habits as Record<string, unknown>[];
    expect(() =>
      readBackup({ ...backup, habits: [{ ...habits[0], createdAt: '1926-02-01T08:00:00+01:00' }, ...habits.slice(1)] }),
    ).toThrow(/^habits\[0\]\.createdAt: .*1970/m);
  });

  it("counts an event repeated in the file once, as the app's import does", () => {
    const events = backup.events as Record<string, unknown>[];
    // The same instants, some written in another spelling: still the same events.
    const again = events.map((e) => ({ ...e, at: (e.at as string).replace('T', ' ') }));
    expect(replayBackup(readBackup({ ...backup, events: [...events, ...again] }))).toEqual(lines);
  });

  it('CLI: JSONL to --out, and exit code 2 with a message on a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nudge-replay-'));
    const cut = {
      ...backup,
      events: (backup.events as { at: string; day?: string }[]).filter((e) => dayOf(e) <= '2026-02-20'),
    };
    // With a byte-order mark, as editors on Windows save it: the app's import reads such a file too.
    writeFileSync(join(dir, 'ok.json'), `\ufeff${JSON.stringify(cut)}`);
    const ok = spawnSync(
      process.execPath,
      [tsx, 'scripts/replay.ts', join(dir, 'ok.json'), '--out', join(dir, 'out.jsonl')],
      { cwd: root, encoding: 'utf8' },
    );
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const out = readFileSync(join(dir, 'out.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.length).toBe(2 * 20);
    for (const l of out) {
      expect(Object.keys(l)).toEqual(['habitId', 'day', 'p', 'source']);
      expect(l.p).toBeGreaterThan(0);
      expect(l.p).toBeLessThan(1);
    }
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        ...cut,
        events: [{ type: 'habitCompleted', habitId: 'nope', at: '2026-02-02T10:00:00+01:00' }],
      }),
    );
    const bad = spawnSync(process.execPath, [tsx, 'scripts/replay.ts', join(dir, 'bad.json')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/events\[0\]\.habitId: No habit with id "nope"/);
  });

  it('CLI: an --out that cannot be written, or is the backup itself, exits 2 and leaves the backup intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nudge-replay-'));
    const file = join(dir, 'ok.json');
    const text = JSON.stringify({
      ...backup,
      events: (backup.events as { at: string; day?: string }[]).filter((e) => dayOf(e) <= '2026-02-05'),
    });
    writeFileSync(file, text);
    const run = (out: string) =>
      spawnSync(process.execPath, [tsx, 'scripts/replay.ts', file, '--out', out], { cwd: root, encoding: 'utf8' });
    const missingDir = run(join(dir, 'no-such-dir', 'out.jsonl'));
    expect(missingDir.status).toBe(2);
    expect(missingDir.stderr).toMatch(/^replay: cannot write .*no-such-dir.*out\.jsonl: ENOENT/);
    const self = run(join(dir, '.', 'ok.json'));
    expect(self.status).toBe(2);
    expect(self.stderr).toMatch(/is the backup file itself/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
