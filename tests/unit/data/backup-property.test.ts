// Property tests: the validator never throws on any input and always explains itself with paths;
// a failed import never changes the database.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/data/backup/import.ts';
import { parseBackup } from '../../../src/data/backup/validate.ts';
import { ImportError } from '../../../src/data/errors.ts';
import { createHabit, recordEvent } from '../../../src/data/repo.ts';
import { sampleBackup } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

const PATH_RE = /^(|[a-zA-Z]+(\[\d+\])*(\.[a-zA-Z]+(\[\d+\])*)*)$/;

/** Every path to a value inside a JSON tree, as key lists. */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...pathsOf(x, [...prefix, i]));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    '2026-01-01T21:40:00',
    '2026-02-30T10:00:00+01:00',
    '2026-01-01T10:00:00+25:00',
    '2026-01-01',
    'x'.repeat(61),
    '<img src=x onerror=alert(1)>',
    'read',
    'run',
    'ghost',
    'appOpened',
    'habitCompleted',
    -1,
    2,
    1e308,
    null,
    [],
    {},
  ),
);

type Mutation = { kind: 'set' | 'delete' | 'dup'; pick: number; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'delete', 'dup'),
  pick: fc.nat(),
  value: nasty,
}) as fc.Arbitrary<Mutation>;

/** Applies mutations to a copy of the sample backup, at paths chosen by index. */
function applyMutations(ms: Mutation[]): unknown {
  const root: { b: unknown } = { b: sampleBackup() };
  for (const m of ms) {
    const paths = pathsOf(root.b).map((p) => ['b', ...p]);
    const path = paths[m.pick % paths.length];
    const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root);
    const key = path[path.length - 1];
    if (m.kind === 'set') parent[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
  }
  return root.b;
}

/** Text-level damage: truncation or an inserted character. */
const textDamage = fc
  .tuple(fc.nat(), fc.constantFrom('', '{', '}', ',', '"', 'x', '\u0000'))
  .map(([k, c]) => (s: string) => {
    const i = k % (s.length + 1);
    return c === '' ? s.slice(0, i) : s.slice(0, i) + c + s.slice(i);
  });

const anyFile = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => JSON.stringify(applyMutations(ms))),
  },
  { weight: 1, arbitrary: textDamage.map((f) => f(JSON.stringify(sampleBackup()))) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
  { weight: 1, arbitrary: fc.string() },
);

function checkResult(text: string): void {
  const r = parseBackup(text);
  if (r.ok) {
    // A valid file re-validates to the same thing.
    const again = parseBackup(JSON.stringify(r.backup));
    expect(again).toEqual(r);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.path).toMatch(PATH_RE);
      expect(typeof e.message).toBe('string');
      expect(e.message.length).toBeGreaterThan(5);
    }
  }
}

describe('parseBackup properties', () => {
  it('never throws and always explains itself (10,000 random and mutated files)', () => {
    fc.assert(fc.property(anyFile, checkResult), { numRuns: 10_000 });
  });

  it('names only places that exist in the backup format when one field is changed', () => {
    fc.assert(
      fc.property(fc.nat(), nasty, (pick, value) => {
        const b = applyMutations([{ kind: 'set', pick, value }]);
        const r = parseBackup(JSON.stringify(b));
        if (r.ok) return;
        // Every reported path lies in the file (top-level key exists or is the root).
        for (const e of r.errors)
          expect(['', 'app', 'kind', 'version', 'exportedAt', 'timeZone', 'habits', 'events', 'checkpoints']).toContain(
            e.path.split(/[.[]/)[0],
          );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('importBackup with mutated files', () => {
  beforeAll(async () => {
    await freshDb();
    const h = await createHabit({ name: 'Existing' }, at('2026-03-01T08:00:00+01:00'), 60);
    await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-03-01T20:00:00+01:00'), 60);
  });

  it('leaves the database exactly unchanged whenever it refuses a file (300 imports)', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(anyFile, fc.constantFrom('merge', 'replace'), async (text, mode) => {
        const before = await dumpDb();
        try {
          const r = await importBackup(text, mode as 'merge' | 'replace');
          accepted++;
          expect(r.habitsAdded + r.habitsUpdated).toBeLessThanOrEqual(1000);
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
          expect((err as ImportError).errors.length).toBeGreaterThan(0);
          expect(await dumpDb()).toEqual(before);
          refused++;
          return;
        }
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(0);
  });
});
