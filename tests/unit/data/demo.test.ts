// The sample history: realistic (weekly rhythm, streaks, a broken week), reproducible, removable.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDemoHistory, DEMO_DAYS, hasDemoHistory, removeDemoHistory } from '../../../src/data/demo.ts';
import { dayStatus } from '../../../src/habits/status.ts';
import { bestStreak } from '../../../src/habits/streaks.ts';
import { allEventsForLearning, createHabit, getDb, listHabits, recordAppOpened } from '../../../src/data/repo.ts';
import { weekdayOf, daysBetween } from '../../../src/learn/time.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);
const NOW = at('2026-11-24T12:00:00+01:00');

describe('demo history', () => {
  it('adds 2-3 habits with 90+ days of realistic history, nothing in the future', async () => {
    await addDemoHistory(NOW, 60);
    const habits = await listHabits();
    expect(habits.length).toBeGreaterThanOrEqual(2);
    expect(habits.length).toBeLessThanOrEqual(3);
    expect(habits.every((h) => h.demo)).toBe(true);
    const events = await allEventsForLearning();
    expect(events.every((e) => e.t <= NOW.getTime())).toBe(true);
    const span = daysBetween(events[0].day, events[events.length - 1].day);
    expect(span).toBeGreaterThanOrEqual(90);
    expect(span).toBeLessThanOrEqual(120);
    expect(DEMO_DAYS).toBeGreaterThanOrEqual(90);
    const types = new Set(events.map((e) => e.type));
    for (const t of ['appOpened', 'habitCompleted', 'habitSkipped', 'reminderTapped']) expect(types).toContain(t);
    expect(events.some((e) => e.marked)).toBe(true);

    // A weekly rhythm: the run happens on Mon/Wed/Fri far more than on Tue/Thu.
    const run = dayStatus(events, 'run-demo');
    const doneOn = (wds: number[]) => [...run].filter(([d, s]) => s === 'done' && wds.includes(weekdayOf(d))).length;
    expect(doneOn([1, 3, 5])).toBeGreaterThan(5 * doneOn([2, 4]));
    // Streaks, and at least one broken streak (a day with nothing) for each habit.
    for (const h of habits) {
      const st = dayStatus(events, h.id);
      expect(bestStreak(st)).toBeGreaterThanOrEqual(h.id === 'run-demo' ? 1 : 7);
      const done = [...st.values()].filter((s) => s === 'done').length;
      expect(done).toBeLessThan(DEMO_DAYS);
    }
  });

  it('is reproducible for the same now', async () => {
    await addDemoHistory(NOW, 60);
    const a = await dumpDb();
    await freshDb();
    await addDemoHistory(NOW, 60);
    expect(await dumpDb()).toEqual(a);
  });

  it('only fills an empty app', async () => {
    await createHabit({ name: 'Mine' });
    const before = await dumpDb();
    await expect(addDemoHistory(NOW, 60)).rejects.toThrow(/only be added to an empty app/);
    expect(await dumpDb()).toEqual(before);
  });

  it("is removed in one call with its models, keeping the person's own data", async () => {
    await recordAppOpened(at('2026-11-24T08:00:00+01:00'), 60); // the launch before tapping "Try"
    await addDemoHistory(NOW, 60);
    expect(await hasDemoHistory()).toBe(true);
    const db = getDb();
    await db.predictions.put({
      habitId: 'read-demo',
      day: '2026-11-24',
      p: 0.8,
      source: 'prior',
      reasons: [],
      modelVersion: null,
      computedAt: 0,
    });
    const mine = await createHabit({ name: 'Mine' }, NOW, 60);
    await removeDemoHistory();
    expect(await hasDemoHistory()).toBe(false);
    expect((await listHabits()).map((h) => h.id)).toEqual([mine.id]);
    const left = await allEventsForLearning();
    expect(left).toHaveLength(1);
    expect(left[0].type).toBe('appOpened');
    expect(await db.predictions.count()).toBe(0);
  });
});
