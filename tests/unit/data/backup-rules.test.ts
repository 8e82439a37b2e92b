// Import refuses what the app itself never records (a day marked before its habit's creation day, an
// event from before the habit existed, a time before 1970), says so once per field, and still reads
// every file the app writes.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackupChecked } from '../../../src/data/backup/export.ts';
import { importBackup } from '../../../src/data/backup/import.ts';
import { parseBackup } from '../../../src/data/backup/validate.ts';
import { addDemoHistory } from '../../../src/data/demo.ts';
import { ImportError } from '../../../src/data/errors.ts';
import { createHabit, recordEvent } from '../../../src/data/repo.ts';
import { sampleBackup } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';
import { simulateUser } from '../../../scripts/sim/generate.ts';
import { drawUser } from '../../../scripts/sim/population.ts';

beforeEach(freshDb);

function mutated(f: (b: any) => void): string {
  const b = sampleBackup();
  f(b);
  return JSON.stringify(b);
}

function errorsOf(text: string): { path: string; message: string }[] {
  const r = parseBackup(text);
  return r.ok ? [] : r.errors;
}

/** Refused in both modes with exactly this problem, and the database is unchanged. */
async function expectRefused(text: string, path: string, message: string): Promise<void> {
  expect(errorsOf(text)).toContainEqual({ path, message });
  await createHabit({ name: 'Existing' }, at('2026-03-01T08:00:00+01:00'), 60);
  for (const mode of ['merge', 'replace'] as const) {
    const before = await dumpDb();
    await expect(importBackup(text, mode)).rejects.toBeInstanceOf(ImportError);
    expect(await dumpDb()).toEqual(before);
  }
}

describe('events before their habit was created', () => {
  it('refuses a day marked before the creation day, naming the event and both days', async () => {
    await expectRefused(
      mutated((b) => {
        b.habits[0].createdAt = '2026-01-05T08:00:00.000+01:00';
        b.events = [
          { type: 'habitCompleted', habitId: 'read', at: '2026-01-05T09:00:00.000+01:00', day: '2025-12-20' },
        ];
      }),
      'events[0].day',
      '2025-12-20 is before habit "read" was created (2026-01-05)',
    );
  });

  it('refuses an event recorded before the habit existed, on an earlier day (no explicit day)', async () => {
    await expectRefused(
      mutated((b) => (b.habits[1].createdAt = '2026-01-04T07:00:00.000+01:00')),
      'events[3].at',
      '2026-01-03T07:10:00.000+01:00 is on 2026-01-03, before habit "run" was created (2026-01-04)',
    );
  });

  // Created in Paris after midnight, done that evening in New York.
  it('accepts a completion recorded after the creation that falls on an earlier local day', async () => {
    const text = mutated((b) => {
      b.habits[0].createdAt = '2026-01-05T00:30:00.000+01:00';
      b.events = [{ type: 'habitCompleted', habitId: 'read', at: '2026-01-04T19:00:00.000-05:00' }];
    });
    expect(errorsOf(text)).toEqual([]);
    // As the app records it, and its export imports again.
    const h = await createHabit({ name: 'Read' }, at('2026-01-05T00:30:00+01:00'), 60);
    await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-01-04T19:00:00-05:00'), -300);
    const { backup, leftOut } = await exportBackupChecked(at('2026-01-06T08:00:00+01:00'));
    expect(leftOut).toEqual([]);
    expect(backup.events).toHaveLength(1);
    expect(parseBackup(JSON.stringify(backup)).ok).toBe(true);
  });

  it('accepts an event on the creation day itself, even before the creation time (as the app records)', () => {
    expect(parseBackup(mutated((b) => (b.habits[0].createdAt = '2026-01-01T22:00:00.000+01:00'))).ok).toBe(true);
  });
});

describe('times before 1970', () => {
  const msg = (v: string) => `${v} is before 1970: no Nudge data is that old (a typo in the year?)`;
  it('refuses an event, a creation, an archive time and the export time before 1970', async () => {
    const typo = '0026-01-06T21:40:00.000+01:00';
    await expectRefused(
      mutated((b) => b.events.push({ type: 'habitCompleted', habitId: 'read', at: typo })),
      'events[7].at',
      msg(typo),
    );
    await expectRefused(
      mutated((b) => (b.habits[0].createdAt = '1969-12-31T23:59:59.999Z')),
      'habits[0].createdAt',
      msg('1969-12-31T23:59:59.999Z'),
    );
    await expectRefused(
      mutated((b) => (b.habits[1].archivedAt = '1926-02-01T10:00:00.000+01:00')),
      'habits[1].archivedAt',
      msg('1926-02-01T10:00:00.000+01:00'),
    );
    await expectRefused(
      mutated((b) => (b.exportedAt = '1900-01-01T00:00:00Z')),
      'exportedAt',
      msg('1900-01-01T00:00:00Z'),
    );
  });

  it('refuses a local date in 1969 even when the instant is in 1970 (the learner would set it aside)', () => {
    expect(errorsOf(mutated((b) => (b.events[0].at = '1969-12-31T20:00:00.000-05:00')))).toContainEqual({
      path: 'events[0].at',
      message: msg('1969-12-31T20:00:00.000-05:00'),
    });
  });

  it('accepts the first instant of 1970', () => {
    expect(
      parseBackup(
        mutated((b) => {
          b.habits[0].createdAt = '1970-01-01T00:00:00Z';
          b.events[0].at = '1970-01-01T00:00:00.000Z';
        }),
      ).ok,
    ).toBe(true);
  });
});

describe('error messages', () => {
  it('never start with the name of the field they are shown after', () => {
    const files = [
      mutated((b) => (b.habits[0].createdAt = '')),
      mutated((b) => (b.exportedAt = 'soon')),
      mutated((b) => (b.timeZone = 3)),
      mutated((b) => (b.habits = {})),
      mutated((b) => (b.events = 'x')),
      mutated((b) => (b.checkpoints = 'x')),
      mutated((b) => Object.assign(b.habits[0], { order: 'first', demo: 'yes', archivedAt: 7 })),
      mutated((b) => Object.assign(b.events[1], { habitId: 4, day: 'Monday', demo: 1 })),
    ];
    const errors = files.flatMap(errorsOf);
    expect(errors.length).toBeGreaterThanOrEqual(files.length);
    for (const e of errors) {
      const field = e.path
        .split('.')
        .pop()!
        .replace(/\[\d+\]/g, '');
      expect(e.message, e.path).not.toMatch(new RegExp(`^${field}\\b`));
    }
    expect(errors[0]).toEqual({
      path: 'habits[0].createdAt',
      message: '"" is not an ISO-8601 timestamp with offset (e.g. "2026-01-01T21:40:00.000+01:00")',
    });
  });
});

describe('files the app itself writes still import', () => {
  for (const offset of [60, -300, 840, -720]) {
    it(`the sample history, exported at UTC${offset >= 0 ? '+' : ''}${offset / 60}, imports back whole`, async () => {
      await addDemoHistory(at('2026-03-29T12:00:00Z'), offset); // a DST change day in Europe
      const { backup, leftOut } = await exportBackupChecked(at('2026-03-29T12:00:00Z'));
      expect(leftOut).toEqual([]);
      await freshDb();
      const r = await importBackup(JSON.stringify(backup), 'replace');
      expect([r.habitsAdded, r.eventsAdded]).toEqual([backup.habits.length, backup.events.length]);
    });
  }

  it('a day marked on the creation day itself (the earliest the app allows) exports and imports', async () => {
    const h = await createHabit({ name: 'Read' }, at('2026-01-05T23:00:00+01:00'), 60);
    await recordEvent(
      { type: 'habitCompleted', habitId: h.id, day: '2026-01-05' },
      at('2026-01-06T08:00:00+01:00'),
      60,
    );
    const { backup, leftOut } = await exportBackupChecked(at('2026-01-07T00:00:00Z'));
    expect([leftOut, backup.events.length]).toEqual([[], 1]);
  });

  it('the test fixture tracking-backup.json is accepted', () => {
    const dir = new URL('../../fixtures/', import.meta.url);
    expect(errorsOf(readFileSync(new URL('tracking-backup.json', dir), 'utf8'))).toEqual([]);
  });

  // The quality figures replay simulated backups through these same rules: every kind must be valid input.
  for (const kind of ['weekly', 'reminder', 'lapses', 'streakOnDays', 'appEveryN', 'perWeek']) {
    it(`a simulated person's backup (${kind}) is accepted`, () => {
      const { backup } = simulateUser(drawUser({ seed: 5, group: 1, index: 0, kind, days: 90 }));
      expect(errorsOf(JSON.stringify(backup))).toEqual([]);
    });
  }
});
