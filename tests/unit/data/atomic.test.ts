// Fault injection: a write that fails part-way leaves nothing half-written (one transaction each).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/data/backup/import.ts';
import { ImportError } from '../../../src/data/errors.ts';
import { addDemoHistory, removeDemoHistory } from '../../../src/data/demo.ts';
import { createHabit, deleteHabit, getDb, recordEvent } from '../../../src/data/repo.ts';
import { sampleBackup } from './backup-fixture.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);

/** Makes the n-th write to a table fail inside its transaction (Dexie hooks run in the transaction). */
function failOn(table: 'events' | 'habits' | 'predictions', op: 'creating' | 'deleting', n: number): () => void {
  let count = 0;
  const hook = () => {
    if (++count === n) throw new Error(`injected failure on ${table} ${op} #${n}`);
  };
  const t = getDb()[table] as any;
  t.hook(op, hook);
  return () => t.hook(op).unsubscribe(hook);
}

describe('all or nothing', () => {
  it('deleteHabit failing on its last step leaves the habit and all its events', async () => {
    const h = await createHabit({ name: 'Read' });
    for (let i = 1; i <= 5; i++)
      await recordEvent({ type: 'habitCompleted', habitId: h.id }, at(`2026-03-0${i}T10:00:00Z`), 0);
    await getDb().predictions.put({
      habitId: h.id,
      day: '2026-03-05',
      p: 0.5,
      source: 'prior',
      reasons: [],
      modelVersion: null,
      computedAt: 0,
    });
    const before = await dumpDb();
    const undo = failOn('habits', 'deleting', 1); // events, runs, prediction already deleted by then
    await expect(deleteHabit(h.id)).rejects.toThrow(/injected/);
    undo();
    expect(await dumpDb()).toEqual(before);
  });

  it('an import failing at the 5th event writes no habit and no event', async () => {
    await createHabit({ name: 'Existing' });
    const before = await dumpDb();
    const undo = failOn('events', 'creating', 5);
    const err = await importBackup(JSON.stringify(sampleBackup()), 'replace').catch((e) => e);
    undo();
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).errors[0].message).toMatch(/Could not save the backup .*Nothing was changed/);
    expect(await dumpDb()).toEqual(before);
  });

  it('adding the demo failing part-way adds nothing; removing it failing part-way removes nothing', async () => {
    const undo = failOn('events', 'creating', 200);
    await expect(addDemoHistory(at('2026-11-24T12:00:00Z'), 0)).rejects.toThrow(/injected/);
    undo();
    expect(await getDb().habits.count()).toBe(0);
    expect(await getDb().events.count()).toBe(0);
    await addDemoHistory(at('2026-11-24T12:00:00Z'), 0);
    const before = await dumpDb();
    const undo2 = failOn('habits', 'deleting', 2);
    await expect(removeDemoHistory()).rejects.toThrow(/injected/);
    undo2();
    expect(await dumpDb()).toEqual(before);
  });
});
