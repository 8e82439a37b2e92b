// Backup import validation (each bad case names its field and leaves the db unchanged), export and round trips.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, backupToText } from '../../../src/data/backup/export.ts';
import { importBackup } from '../../../src/data/backup/import.ts';
import { parseBackup } from '../../../src/data/backup/validate.ts';
import { ImportError, type BackupError } from '../../../src/data/errors.ts';
import { createHabit, getDb, listHabits, recordEvent, eventsForHabit } from '../../../src/data/repo.ts';
import { sampleBackup } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);

/** Some data in the db, so "unchanged" is a real claim. */
async function seed(): Promise<void> {
  const h = await createHabit({ name: 'Existing' }, at('2026-03-01T08:00:00+01:00'), 60);
  await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-03-01T20:00:00+01:00'), 60);
  await recordEvent({ type: 'appOpened' }, at('2026-03-01T08:00:00+01:00'), 60);
}

async function expectRejected(text: string, path: string, message: RegExp): Promise<BackupError[]> {
  const parsed = parseBackup(text);
  expect(parsed.ok).toBe(false);
  const errors = parsed.ok ? [] : parsed.errors;
  expect(
    errors.some((e) => e.path === path && message.test(e.message)),
    JSON.stringify(errors),
  ).toBe(true);
  for (const mode of ['merge', 'replace'] as const) {
    const before = await dumpDb();
    const err = await importBackup(text, mode).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).errors).toEqual(errors);
    expect(await dumpDb()).toEqual(before);
  }
  return errors;
}

function mutated(f: (b: any) => void): string {
  const b = sampleBackup();
  f(b);
  return JSON.stringify(b);
}

describe('import validation: each bad input names the field and changes nothing', () => {
  beforeEach(seed);

  it('bad JSON, with its position', async () => {
    const errs = await expectRejected('{\n  "app": "nudge",\n  "kind": }', '', /not valid JSON at line 3, column \d+/);
    expect(errs).toHaveLength(1);
    await expectRejected('', '', /not valid JSON.*empty/);
  });
  it('wrong app or kind', async () => {
    await expectRejected(
      mutated((b) => (b.app = 'loop')),
      'app',
      /not a Nudge backup: "app" is "loop"/,
    );
    await expectRejected(
      mutated((b) => (b.kind = 'settings')),
      'kind',
      /"kind" is "settings", expected "backup"/,
    );
    await expectRejected('[1,2]', '', /expected a JSON object, got a list/);
  });
  it('a newer version is refused clearly', async () => {
    await expectRejected(
      mutated((b) => (b.version = 3)),
      'version',
      /made by a newer Nudge: version 3, this app reads versions 1 to 2/,
    );
    await expectRejected(
      mutated((b) => (b.version = '1')),
      'version',
      /whole number/,
    );
  });
  it('missing or ill-typed fields', async () => {
    await expectRejected(
      mutated((b) => delete b.habits),
      'habits',
      /^must be a list, got nothing/,
    );
    await expectRejected(
      mutated((b) => (b.events = {})),
      'events',
      /^must be a list, got an object/,
    );
    await expectRejected(
      mutated((b) => delete b.habits[1].name),
      'habits[1].name',
      /must be text, got nothing/,
    );
    await expectRejected(
      mutated((b) => (b.habits[0].createdAt = 42)),
      'habits[0].createdAt',
      /got number 42/,
    );
    await expectRejected(
      mutated((b) => (b.events[3].type = 'habitDone')),
      'events[3].type',
      /Unknown event type "habitDone"/,
    );
    await expectRejected(
      mutated((b) => delete b.events[2].habitId),
      'events[2].habitId',
      /habitSkipped event needs a habitId/,
    );
    await expectRejected(
      mutated((b) => (b.events[0].habitId = 'read')),
      'events[0].habitId',
      /appOpened event belongs to no habit/,
    );
    await expectRejected(
      mutated((b) => (b.habits[0].reminderTime = '9pm')),
      'habits[0].reminderTime',
      /HH:MM/,
    );
    await expectRejected(
      mutated((b) => (b.habits[0].color = 'blue')),
      'habits[0].color',
      /#rrggbb/,
    );
    await expectRejected(
      mutated((b) => (b.exportedAt = null)),
      'exportedAt',
      /^must be a timestamp with its UTC offset .*got null/,
    );
  });
  it('unknown habit ids in events', async () => {
    await expectRejected(
      mutated((b) => (b.events[4].habitId = 'ghost')),
      'events[4].habitId',
      /No habit with id "ghost" in this file/,
    );
  });
  it('timestamps without an offset, impossible dates, bad days', async () => {
    await expectRejected(
      mutated((b) => (b.events[1].at = '2026-01-01T21:40:00')),
      'events[1].at',
      /has no UTC offset/,
    );
    await expectRejected(
      mutated((b) => (b.events[1].at = '2026-02-30T21:40:00.000+01:00')),
      'events[1].at',
      /impossible date/,
    );
    await expectRejected(
      mutated((b) => (b.events[1].at = 'yesterday')),
      'events[1].at',
      /not an ISO-8601 timestamp/,
    );
    await expectRejected(
      mutated((b) => (b.events[5].day = '04/01/2026')),
      'events[5].day',
      /YYYY-MM-DD/,
    );
    await expectRejected(
      mutated((b) => (b.events[5].day = '2026-13-01')),
      'events[5].day',
      /impossible date/,
    );
    await expectRejected(
      mutated((b) => (b.events[5].day = '2026-01-06')),
      'events[5].day',
      /after the day the event was recorded \(2026-01-05\)/,
    );
  });
  it('duplicate habit ids and names too long', async () => {
    await expectRejected(
      mutated((b) => (b.habits[1].id = 'read')),
      'habits[1].id',
      /Duplicate habit id "read" \(already used by habits\[0\]\)/,
    );
    await expectRejected(
      mutated((b) => (b.habits[0].name = 'y'.repeat(61))),
      'habits[0].name',
      /too long: 61 characters, the limit is 60/,
    );
  });
  it('absurd sizes', async () => {
    const big = ' '.repeat(50 * 1024 * 1024 + 1);
    await expectRejected(big, '', /too big: 50.0 MB, the limit is 50.0 MB/);
    await expectRejected(
      mutated((b) => (b.habits = Array.from({ length: 1001 }, (_, i) => ({ ...b.habits[0], id: `h${i}` })))),
      'habits',
      /Too many habits: 1001, the limit is 1000/,
    );
    // 2,000,001 events without building 2M objects: a sparse list of one shared event.
    const b = sampleBackup() as any;
    b.events = new Array(2_000_001).fill(b.events[0]);
    const errs = validateOnly(b);
    expect(errs).toEqual([{ path: 'events', message: 'Too many events: 2000001, the limit is 2000000' }]);
  });
  it('checkpoints with non-finite weights or wrong shapes', async () => {
    const cp = () => ({
      schemaVersion: 1,
      habitId: 'read',
      version: 1,
      config: { layers: [2, 1] },
      featureVersion: 1,
      weights: [[0.5, -0.25]],
      biases: [[0.1]],
      optimizer: { step: 3, mW: [[0, 0]], vW: [[0, 0]], mB: [[0]], vB: [[0]] },
      step: 10,
      trainedThrough: '2026-01-04',
      metrics: { model: {}, baseline: {}, active: null },
      createdAt: 1,
      trigger: 'manual',
    });
    expect(parseBackup(mutated((b) => (b.checkpoints = [cp()]))).ok).toBe(true);
    // JSON has no NaN: a weight written as a string or null is the realistic damage.
    await expectRejected(
      mutated((b) => {
        const c = cp();
        (c.weights[0] as unknown[])[1] = null;
        b.checkpoints = [c];
      }),
      'checkpoints[0].weights[0][1]',
      /finite number, got null/,
    );
    await expectRejected(
      mutated((b) => {
        const c = cp();
        (c.biases[0] as unknown[])[0] = '1e999';
        b.checkpoints = [c];
      }),
      'checkpoints[0].biases[0][0]',
      /finite number/,
    );
    await expectRejected(
      mutated((b) => {
        const c = cp();
        c.weights = [[1]];
        b.checkpoints = [c];
      }),
      'checkpoints[0].weights[0]',
      /has 1 numbers, the layer sizes say 2/,
    );
    await expectRejected(
      mutated((b) => {
        const c = cp();
        c.habitId = 'ghost';
        b.checkpoints = [c];
      }),
      'checkpoints[0].habitId',
      /No habit/,
    );
    // 1e999 in JSON parses to Infinity.
    const inf = mutated((b) => (b.checkpoints = [cp()])).replace('0.5,', '1e999,');
    await expectRejected(inf, 'checkpoints[0].weights[0][0]', /finite number, got number Infinity/);
    // The learner's stages travel with the network; a learner that is not an object is refused here (its fields are
    // checked when the trainer loads it, which sets a damaged one aside and rebuilds from the history).
    expect(parseBackup(mutated((b) => (b.checkpoints = [{ ...cp(), learner: { first: 1 } }]))).ok).toBe(true);
    await expectRejected(
      mutated((b) => (b.checkpoints = [{ ...cp(), learner: [1, 2] }])),
      'checkpoints[0].learner',
      /must be an object/,
    );
  });
  it('lists at most 200 problems and counts the rest', () => {
    const r = parseBackup(
      mutated(
        (b) =>
          (b.events = Array.from({ length: 500 }, () => ({
            type: 'habitCompleted',
            habitId: 'ghost',
            at: '2026-01-01T10:00:00Z',
          }))),
      ),
    );
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(201);
    expect(errors[199].path).toBe('events[199].habitId');
    expect(errors[200]).toEqual({ path: '', message: '…and 300 more problems' });
  });
  it('collects all problems, not just the first', () => {
    const r = parseBackup(
      mutated((b) => {
        b.habits[0].name = '';
        b.events[1].at = '2026-01-01T21:40:00';
        b.events[4].habitId = 'ghost';
      }),
    );
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['habits[0].name', 'events[1].at', 'events[4].habitId']);
  });
});

function validateOnly(b: unknown): BackupError[] {
  const r = parseBackup(JSON.stringify({ ...(b as object), events: [] }));
  if (!r.ok) return r.errors;
  // Too large to stringify cheaply: validate the object directly.
  return validateObject(b);
}
import { validateBackup } from '../../../src/data/backup/validate.ts';
function validateObject(b: unknown): BackupError[] {
  const r = validateBackup(b);
  return r.ok ? [] : r.errors;
}

describe('export and import', () => {
  it('export -> replace-import into an empty db -> export again gives identical habits and events', async () => {
    const text = JSON.stringify(sampleBackup());
    const r = await importBackup(text, 'replace');
    expect(r).toEqual({ habitsAdded: 2, habitsUpdated: 0, eventsAdded: 7, eventsSkipped: 0 });
    const first = await exportBackup(at('2026-11-24T08:00:00Z'));
    // What was imported comes back out unchanged (the fixture is already in export order).
    expect(first.habits).toEqual(sampleBackup().habits);
    expect(first.events).toEqual([...sampleBackup().events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)));
    await freshDb();
    await importBackup(backupToText(first), 'replace');
    const second = await exportBackup(at('2026-11-24T08:00:00Z'));
    expect(second.habits).toEqual(first.habits);
    expect(second.events).toEqual(first.events);
    // Local days survive: the -05:00 completion at 23:50 counts for Jan 5, the marked day for Jan 4.
    expect((await eventsForHabit('read')).filter((e) => e.type === 'habitCompleted').map((e) => e.day)).toEqual([
      '2026-01-01',
      '2026-01-04',
      '2026-01-05',
    ]);
  });

  it('accepts a file saved with a byte-order mark', async () => {
    expect(parseBackup(`\uFEFF${JSON.stringify(sampleBackup())}`).ok).toBe(true);
  });

  it('exports what the app recorded, with day only for marked events', async () => {
    const h = await createHabit({ name: 'Read' }, at('2026-01-01T08:00:00+01:00'), 60);
    await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-01-02T21:00:00+01:00'), 60);
    await recordEvent(
      { type: 'habitCompleted', habitId: h.id, day: '2026-01-02' },
      at('2026-01-03T08:00:00+01:00'),
      60,
    );
    await recordEvent({ type: 'appOpened' }, at('2026-01-01T09:00:00+01:00'), 60);
    const b = await exportBackup(at('2026-01-04T00:00:00Z'));
    expect(b).toMatchObject({ app: 'nudge', kind: 'backup', version: 2, exportedAt: '2026-01-04T00:00:00.000Z' });
    expect(b.events).toEqual([
      { type: 'appOpened', at: '2026-01-01T09:00:00.000+01:00' },
      { type: 'habitCompleted', habitId: h.id, at: '2026-01-02T21:00:00.000+01:00' },
      { type: 'habitCompleted', habitId: h.id, at: '2026-01-03T08:00:00.000+01:00', day: '2026-01-02' },
    ]);
    expect(parseBackup(backupToText(b)).ok).toBe(true);
  });

  it('merging the same file twice adds nothing; merge keeps existing data', async () => {
    await seed();
    const text = JSON.stringify(sampleBackup());
    const r1 = await importBackup(text, 'merge');
    expect(r1).toEqual({ habitsAdded: 2, habitsUpdated: 0, eventsAdded: 7, eventsSkipped: 0 });
    const after1 = await dumpDb();
    const r2 = await importBackup(text, 'merge');
    expect(r2).toEqual({ habitsAdded: 0, habitsUpdated: 0, eventsAdded: 0, eventsSkipped: 7 });
    expect(await dumpDb()).toEqual(after1);
    expect((await listHabits({ includeArchived: true })).map((h) => h.name)).toEqual([
      'Existing',
      'Read 10 pages',
      'Run <b>fast</b>',
    ]);
    // Same instant written differently ("Z" vs "+00:00" style) is the same event.
    const b = sampleBackup();
    b.events = [{ type: 'habitCompleted', habitId: 'read', at: '2026-01-01T20:40:00Z' }];
    expect((await importBackup(JSON.stringify(b), 'merge')).eventsAdded).toBe(1); // different offset: different record
    b.events = [{ type: 'habitCompleted', habitId: 'read', at: '2026-01-01T21:40+01:00' }];
    expect((await importBackup(JSON.stringify(b), 'merge')).eventsSkipped).toBe(1);
  });

  it('merge keeps a renamed habit as it is here, and replace swaps everything', async () => {
    await importBackup(JSON.stringify(sampleBackup()), 'merge');
    const b = sampleBackup();
    b.habits[0].name = 'Read 20 pages';
    expect(await importBackup(JSON.stringify(b), 'merge')).toMatchObject({ habitsAdded: 0, habitsUpdated: 0 });
    expect((await listHabits())[0].name).toBe('Read 10 pages');
    await seed();
    const r = await importBackup(JSON.stringify(b), 'replace');
    expect(r).toEqual({ habitsAdded: 2, habitsUpdated: 0, eventsAdded: 7, eventsSkipped: 0 });
    expect((await listHabits({ includeArchived: true })).map((h) => [h.id, h.name])).toEqual([
      ['read', 'Read 20 pages'],
      ['run', 'Run <b>fast</b>'],
    ]);
  });

  it('round-trips checkpoints exactly (Float32 values through JSON)', async () => {
    const b = sampleBackup();
    const w = [Math.fround(0.1), Math.fround(-1 / 3)];
    b.checkpoints = [
      {
        schemaVersion: 2,
        habitId: 'read',
        version: 2,
        config: { layers: [2, 1] },
        featureVersion: 2,
        weights: [w],
        biases: [[Math.fround(0.7)]],
        optimizer: { step: 3, mW: [[0, 0]], vW: [[0, 0]], mB: [[0]], vB: [[0]] },
        step: 10,
        trainedThrough: '2026-01-04',
        metrics: {
          base: { n: 1, logLoss: 0.6, brier: 0.25, auc: null },
          learned: { n: 1, logLoss: 0.5, brier: 0.2, auc: null },
          shown: { n: 1, logLoss: 0.55, brier: 0.22, auc: null },
          networkShare: 0.6,
        },
        createdAt: 1,
        trigger: 'manual',
        active: true,
        learner: { first: 20454, base: [0.5, 0.5], window: { cap: 2, count: 1, y: [1, 0], learned: [0.4, 0.5] } },
      },
    ];
    await importBackup(JSON.stringify(b), 'replace');
    const row = (await getDb().checkpoints.toArray())[0];
    expect(row.active).toBe(1);
    expect(row.weights[0]).toBeInstanceOf(Float32Array);
    expect(row.sync).toBeUndefined();
    const out = await exportBackup(new Date(), { includeCheckpoints: true });
    expect(out.checkpoints).toEqual(b.checkpoints);
  });
});
