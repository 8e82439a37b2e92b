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
import { deviceOffset, localDayOf } from '../../../src/learn/time.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T12:00:00.000Z');
const pred = (habitId: string, p: number, day = TODAY): PredictionRow => ({
  habitId,
  day,
  p,
  source: 'model',
  reasons: [],
  modelVersion: 1,
  computedAt: 0,
});

beforeEach(async () => {
  resetDb();
  await Dexie.delete(DB_NAME);
});

describe('loadReminderState', () => {
  it("reads today's done/skipped/shown state and only today's predictions", async () => {
    const created = new Date('2026-03-01T08:00:00.000Z');
    const read = await createHabit({ name: 'Read' }, created);
    const run = await createHabit({ name: 'Run' }, created);
    const walk = await createHabit({ name: 'Walk', reminderTime: '11:00' }, created);
    const old = await createHabit({ name: 'Old' }, created);
    await archiveHabit(old.id, created);
    await recordEvent({ type: 'habitSkipped', habitId: run.id }, NOW, 0);
    await recordEvent({ type: 'habitCompleted', habitId: run.id }, new Date(NOW.getTime() + 1000), 0); // done wins
    const yesterday = new Date('2026-03-09T20:00:00.000Z');
    await recordEvent({ type: 'habitCompleted', habitId: read.id }, yesterday, 0);
    await recordEvent({ type: 'reminderShown', habitId: read.id }, NOW, 0);
    const undone = await recordEvent({ type: 'habitCompleted', habitId: walk.id }, NOW, 0);
    await deleteEvent(undone.id!); // undo: the log holds only what is true
    await getDb().predictions.bulkPut([
      pred(read.id, 0.2),
      pred(run.id, 0.1),
      pred(walk.id, 0.5, '2026-03-09'),
      pred(old.id, 0.1),
    ]);

    const s = await loadReminderState(TODAY);
    expect(s.habits.map((h) => h.name)).toEqual(['Read', 'Run', 'Walk']);
    expect([...s.todayStatus]).toEqual([[run.id, 'done']]);
    expect([...s.shownToday]).toEqual([read.id]);
    expect([...s.predictions.keys()].sort()).toEqual([read.id, run.id, old.id].sort());

    // Read is at risk and open; Run is done; Walk has no prediction for today but its time came.
    const due = dueReminders(s.habits, s.predictions, s.todayStatus, 12 * 60);
    expect(due.map((d) => [d.name, d.why])).toEqual([
      ['Read', 'at-risk'],
      ['Walk', 'reminder-time'],
    ]);
    expect(atRiskCount(s.habits, s.predictions, s.todayStatus)).toBe(1);
  });

  it('works on an empty database', async () => {
    const s = await loadReminderState(TODAY);
    expect(s.habits).toEqual([]);
    expect(s.todayStatus.size).toBe(0);
  });
});

describe('notifyDue', () => {
  /** A registration that records what it showed and reports tags still on screen. */
  function fakeRegistration() {
    const shown: { title: string; tag: string; body: string; data: unknown }[] = [];
    const close = (n: (typeof shown)[number]) => () => {
      shown.splice(shown.indexOf(n), 1);
    };
    const reg = {
      showNotification: async (title: string, o: NotificationOptions) => {
        shown.push({ title, tag: o.tag!, body: o.body!, data: o.data });
      },
      getNotifications: async (f?: GetNotificationOptions) =>
        shown.filter((s) => !f?.tag || s.tag === f.tag).map((n) => ({ ...n, close: close(n) })),
    } as unknown as ServiceWorkerRegistration;
    return { reg, shown };
  }

  it('closes reminders that no longer apply (done, skipped, archived, deleted, past day), keeps the rest', async () => {
    const { closeSettledReminders } = await import('../../../src/remind/show.ts');
    const today = localDayOf(Date.now(), deviceOffset());
    const created = new Date('2026-03-01T08:00:00.000Z');
    const [read, run, walk, swim, yoga] = await Promise.all(
      ['Read', 'Run', 'Walk', 'Swim', 'Yoga'].map((name) => createHabit({ name }, created)),
    );
    const { reg, shown } = fakeRegistration();
    const note = (habitId: string, day = today) =>
      reg.showNotification('x', {
        tag: `nudge-reminder:${habitId}:${day}`,
        data: { kind: 'nudge-reminder', habitId, day },
      });
    for (const h of [read, run, walk, swim, yoga]) await note(h.id);
    await note(read.id, '2026-03-09');
    await reg.showNotification('Other', { tag: 'someone-else', data: { kind: 'other' } });
    await recordEvent({ type: 'habitCompleted', habitId: run.id });
    await recordEvent({ type: 'habitSkipped', habitId: walk.id });
    await archiveHabit(swim.id, new Date());
    await getDb().habits.delete(yoga.id);
    expect(await closeSettledReminders(reg, await loadReminderState(today))).toBe(5);
    expect(shown.map((n) => n.tag)).toEqual([`nudge-reminder:${read.id}:${today}`, 'someone-else']);
  });

  it('notifies each due habit once a day, logs reminderShown, and skips what is already up', async () => {
    const { notifyDue } = await import('../../../src/remind/show.ts');
    // recordEvent stamps the real clock, so this test lives on the real today.
    const today = localDayOf(Date.now(), deviceOffset());
    const created = new Date('2026-03-01T08:00:00.000Z');
    const read = await createHabit({ name: 'Read' }, created);
    const run = await createHabit({ name: 'Run' }, created);
    await getDb().predictions.bulkPut([pred(read.id, 0.25, today), pred(run.id, 0.95, today)]); // Run is suppressed
    const { reg, shown } = fakeRegistration();

    const first = await notifyDue(reg, await loadReminderState(today), 12 * 60);
    expect(first).toEqual([read.id]);
    expect(shown).toMatchObject([
      {
        title: 'Read',
        tag: `nudge-reminder:${read.id}:${today}`,
        body: 'Only 25% likely today. A small start still counts.',
        data: { kind: 'nudge-reminder', habitId: read.id, day: today },
      },
    ]);
    const logged = (await getDb().events.toArray()).filter((e) => e.type === 'reminderShown');
    expect(logged.map((e) => e.habitId)).toEqual([read.id]);

    // Still on screen: not shown again.
    expect(await notifyDue(reg, await loadReminderState(today), 12 * 60)).toEqual([]);
    // Dismissed meanwhile (nothing on screen): the log remembers it, so another tab, the service
    // worker or a reload does not repeat it either.
    const other = fakeRegistration();
    expect(await notifyDue(other.reg, await loadReminderState(today), 12 * 60)).toEqual([]);
    expect(other.shown).toHaveLength(0);
  });
});
