// The export never writes a file its own import refuses: rows the import would refuse (left by
// older versions) are left out of the file and named, and the database is not touched.
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { backupToText, exportBackup, exportBackupChecked } from '../../../src/data/backup/export.ts';
import { withoutUnreadableRows } from '../../../src/data/backup/export-check.ts';
import { importBackup } from '../../../src/data/backup/import.ts';
import { parseBackup } from '../../../src/data/backup/validate.ts';
import { toStoredEvent } from '../../../src/data/eventRow.ts';
import { getDb } from '../../../src/data/repo.ts';
import { sampleBackup } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);

/** Rows an older version could store: imported before a rule existed, or upgraded by an older migration. */
async function olderRows(): Promise<void> {
  await importBackup(JSON.stringify(sampleBackup()), 'replace');
  const db = getDb();
  const ev = (e: Parameters<typeof toStoredEvent>[0]) => toStoredEvent(e)!;
  await db.events.bulkAdd([
    ev({ type: 'habitCompleted', habitId: 'read', at: '2025-12-20T21:00:00.000+01:00' }),
    ev({ type: 'habitCompleted', habitId: 'read', at: '1926-01-06T21:40:00.000+01:00' }),
    ev({ type: 'habitSkipped', habitId: 'ghost', at: '2026-01-03T21:00:00.000+01:00' }),
    ev({ type: 'habitCompleted', habitId: 'blank', at: '2026-01-03T21:00:00.000+01:00' }),
  ]);
  await db.habits.add({
    id: 'blank',
    name: 'Blank',
    createdAt: '',
    createdDay: '2026-01-03',
    archivedAt: null,
    order: 2,
  });
}

it('leaves out rows its import would refuse, says which and why, and writes a file the import accepts', async () => {
  await olderRows();
  const before = await dumpDb();
  const { backup, leftOut } = await exportBackupChecked(at('2026-02-01T00:00:00Z'));
  const parsed = parseBackup(backupToText(backup));
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  expect(leftOut).toEqual([
    {
      kind: 'habit',
      what: 'habit "Blank" (blank)',
      why: 'createdAt: "" is not an ISO-8601 timestamp with offset (e.g. "2026-01-01T21:40:00.000+01:00")',
    },
    {
      kind: 'event',
      what: 'habitCompleted of "read" at 1926-01-06T21:40:00.000+01:00',
      why: 'at: 1926-01-06T21:40:00.000+01:00 is before 1970: no Nudge data is that old (a typo in the year?)',
    },
    {
      kind: 'event',
      what: 'habitCompleted of "read" at 2025-12-20T21:00:00.000+01:00',
      why: 'at: 2025-12-20T21:00:00.000+01:00 is on 2025-12-20, before habit "read" was created (2026-01-01)',
    },
    {
      kind: 'event',
      what: 'habitSkipped of "ghost" at 2026-01-03T21:00:00.000+01:00',
      why: 'habitId: No habit with id "ghost" in this file',
    },
    {
      kind: 'event',
      what: 'habitCompleted of "blank" at 2026-01-03T21:00:00.000+01:00',
      why: 'its habit "blank" is left out',
    },
  ]);
  // Everything valid is in the file, and the database still holds every row.
  expect(backup.habits).toEqual(sampleBackup().habits);
  expect(backup.events).toHaveLength(sampleBackup().events.length);
  expect(await dumpDb()).toEqual(before);
  // exportBackup writes the same checked file.
  expect(await exportBackup(at('2026-02-01T00:00:00Z'))).toEqual(backup);
});

it('leaves nothing out of a file the import accepts, and returns it unchanged', async () => {
  await importBackup(JSON.stringify(sampleBackup()), 'replace');
  const { backup, leftOut } = await exportBackupChecked(at('2026-02-01T00:00:00Z'));
  expect(leftOut).toEqual([]);
  expect(backup.events).toHaveLength(7);
});

it("lists every refused row even past the import's cap of 200 listed problems", () => {
  const b = sampleBackup();
  for (let i = 0; i < 250; i++)
    b.events.push({ type: 'habitCompleted', habitId: 'ghost', at: '2026-01-03T21:00:00.000+01:00' });
  const { backup, leftOut } = withoutUnreadableRows(b);
  expect([leftOut.length, backup.events.length]).toEqual([250, 7]);
});

it('refuses to write a file whose problem is not in a row (it cannot be fixed by leaving rows out)', () => {
  const b = sampleBackup();
  b.exportedAt = '1969-01-01T00:00:00Z';
  expect(() => withoutUnreadableRows(b)).toThrow(
    'The backup would not import: exportedAt: 1969-01-01T00:00:00Z is before 1970',
  );
});
