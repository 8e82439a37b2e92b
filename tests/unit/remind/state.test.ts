// The reminder state read from the real data layer (fake-indexeddb): today's status, shown reminders
// and only today's predictions, driving dueReminders end to end.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { getDb, resetDb } from '../../../src/data/connection.ts';
import { DB_NAME } from '../../../src/data/db.ts';
import { archiveHabit, createHabit, deleteEvent, recordEvent } from '../../../src/data/repo.ts';
import { loadReminderState } from '../../../src/remind/state.ts';
import { atRiskCount, dueReminders } from '../../../src/remind/decide.ts';
import type { PredictionRow } from '../../../src/data/entities.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T12:00:00.000Z');
const pred = (habitId: string, p: number, day = TODAY): PredictionRow => ({ habitId, day, p, source: 'model', reasons: [], modelVersion: 1, computedAt: 0 });

beforeEach(async () => {
  resetDb();
  await Dexie.delete(DB_NAME);
});

describe('loadReminderState', () => {
  it('reads today\'s done/skipped/shown state and only today\'s predictions', async () => {
    const created = new Date('2026-03-01T08:00:00.000Z');
    const read = await createHabit({ name: 'Read' }, created);
    const run = await createHabit({ name: 'Run' }, created);
    const walk = await createHabit({ name: 'Walk', reminderTime: '11:00' }, created);
    const old = await createHabit({ name: 'Old' }, created);
    await archiveHabit(old.id, created);
    await recordEvent({ type: 'habitSkipped', habitId: run.id }, NOW, 0);
    await recordEvent({ type: 'habitCompleted', habitId: run.id }, new Date(NOW.getTime() + 1000), 0); // done wins
    await recordEvent({ type: 'habitCompleted', habitId: read.id }, new Date('2026-03-09T20:00:00.000Z'), 0); // yesterday
    await recordEvent({ type: 'reminderShown', habitId: read.id }, NOW, 0);
    const undone = await recordEvent({ type: 'habitCompleted', habitId: walk.id }, NOW, 0);
    await deleteEvent(undone.id!); // undo: the log holds only what is true
    await getDb().predictions.bulkPut([pred(read.id, 0.2), pred(run.id, 0.1), pred(walk.id, 0.5, '2026-03-09'), pred(old.id, 0.1)]);

    const s = await loadReminderState(TODAY);
    expect(s.habits.map((h) => h.name)).toEqual(['Read', 'Run', 'Walk']);
    expect([...s.todayStatus]).toEqual([[run.id, 'done']]);
    expect([...s.shownToday]).toEqual([read.id]);
    expect([...s.predictions.keys()].sort()).toEqual([read.id, run.id, old.id].sort());

    // Read is at risk and open; Run is done; Walk has no prediction for today but its time came.
    const due = dueReminders(s.habits, s.predictions, s.todayStatus, 12 * 60);
    expect(due.map((d) => [d.name, d.why])).toEqual([['Read', 'at-risk'], ['Walk', 'reminder-time']]);
    expect(atRiskCount(s.habits, s.predictions, s.todayStatus)).toBe(1);
  });

  it('works on an empty database', async () => {
    const s = await loadReminderState(TODAY);
    expect(s.habits).toEqual([]);
    expect(s.todayStatus.size).toBe(0);
  });
});
