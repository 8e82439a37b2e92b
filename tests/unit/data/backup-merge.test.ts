// Merge only adds: a habit already here keeps its settings, whatever the file says; only an earlier
// creation time is taken from the file. Replace is the way to take the file's settings.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/data/backup/import.ts';
import { archiveHabit, listHabits, reorderHabits, updateHabit } from '../../../src/data/repo.ts';
import { sampleBackup } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);

async function habit(id: string) {
  return (await listHabits({ includeArchived: true })).find((h) => h.id === id)!;
}

describe('merge into habits already here', () => {
  it('a minimal file (no reminder, no colour) leaves the reminder and colour here and counts no update', async () => {
    await importBackup(JSON.stringify(sampleBackup()), 'replace');
    const before = await dumpDb();
    const b = sampleBackup() as any;
    b.habits = [{ id: 'read', name: 'Read 10 pages', createdAt: '2026-01-01T08:00:00.000+01:00', archivedAt: null }];
    b.events = [];
    expect(await importBackup(JSON.stringify(b), 'merge')).toEqual({
      habitsAdded: 0,
      habitsUpdated: 0,
      eventsAdded: 0,
      eventsSkipped: 0,
    });
    expect(await habit('read')).toMatchObject({ reminderTime: '21:00', color: '#3a7bd5' });
    expect(await dumpDb()).toEqual(before);
  });

  it('an older backup does not undo a newer local rename, archive, reminder, colour or order', async () => {
    const old = JSON.stringify(sampleBackup());
    await importBackup(old, 'replace');
    await archiveHabit('read', at('2026-03-01T10:00:00+01:00'), 60);
    await updateHabit('read', { name: 'Read 30 pages', reminderTime: '22:00', color: '#112233' });
    await updateHabit('run', { name: 'Run slowly' });
    await reorderHabits(['run', 'read']);
    const here = await dumpDb();
    const r = await importBackup(old, 'merge');
    expect(r).toEqual({ habitsAdded: 0, habitsUpdated: 0, eventsAdded: 0, eventsSkipped: 7 });
    expect(await dumpDb()).toEqual(here);
    expect(await habit('read')).toMatchObject({
      name: 'Read 30 pages',
      archivedAt: '2026-03-01T10:00:00.000+01:00',
      reminderTime: '22:00',
      color: '#112233',
    });
  });

  it('a file with the habit archived or unarchived does not change the archive state here', async () => {
    await importBackup(JSON.stringify(sampleBackup()), 'replace'); // read active, run archived
    const b = sampleBackup();
    b.habits[0].archivedAt = '2026-02-01T10:00:00.000+01:00';
    b.habits[1].archivedAt = null;
    await importBackup(JSON.stringify(b), 'merge');
    expect([(await habit('read')).archivedAt, (await habit('run')).archivedAt]).toEqual([
      null,
      '2026-02-01T10:00:00.000+01:00',
    ]);
  });

  it('adopts an earlier creation from the file (its events predate it), counting only that habit updated', async () => {
    const here = sampleBackup();
    here.habits[0].createdAt = '2026-01-05T08:00:00.000+01:00';
    here.events = [];
    await importBackup(JSON.stringify(here), 'replace');
    const r = await importBackup(JSON.stringify(sampleBackup()), 'merge'); // read created Jan 1, with events from Jan 1
    expect(r).toEqual({ habitsAdded: 0, habitsUpdated: 1, eventsAdded: 7, eventsSkipped: 0 });
    expect(await habit('read')).toMatchObject({
      createdAt: '2026-01-01T08:00:00.000+01:00',
      createdDay: '2026-01-01',
      reminderTime: '21:00',
    });
    // A later creation in the file changes nothing.
    const later = sampleBackup();
    later.habits[0].createdAt = '2026-01-01T09:00:00.000+01:00';
    later.events = [];
    expect((await importBackup(JSON.stringify(later), 'merge')).habitsUpdated).toBe(0);
    expect((await habit('read')).createdAt).toBe('2026-01-01T08:00:00.000+01:00');
  });

  it('adopts a creation on an earlier local day even when its instant is later (another offset)', async () => {
    const here = sampleBackup();
    here.habits[0].createdAt = '2026-01-02T00:30:00.000+14:00'; // 2026-01-01T10:30Z, day Jan 2
    here.events = [];
    await importBackup(JSON.stringify(here), 'replace');
    const file = sampleBackup();
    file.habits[0].createdAt = '2026-01-01T08:00:00.000-05:00'; // 13:00Z, later, but day Jan 1
    file.events = [{ type: 'habitCompleted', habitId: 'read', at: '2026-01-01T21:00:00.000-05:00' }];
    expect((await importBackup(JSON.stringify(file), 'merge')).habitsUpdated).toBe(1);
    expect((await habit('read')).createdDay).toBe('2026-01-01');
  });

  it("replace takes the file's settings for the same habit", async () => {
    await importBackup(JSON.stringify(sampleBackup()), 'replace');
    await updateHabit('read', { name: 'Read 30 pages', reminderTime: '22:00' });
    const b = sampleBackup() as any;
    b.habits[0] = { id: 'read', name: 'Read 10 pages', createdAt: '2026-01-01T08:00:00.000+01:00', archivedAt: null };
    await importBackup(JSON.stringify(b), 'replace');
    expect(await habit('read')).toMatchObject({ name: 'Read 10 pages', reminderTime: null, color: null });
  });
});
