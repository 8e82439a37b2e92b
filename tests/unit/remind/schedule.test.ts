// Reminders follow the schedule: never on a day that is not due, and an N-per-week habit is at risk
// when its week's target is (remaining chances against completions needed, with today's probability).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDb, getDb } from '../../../src/data/connection.ts';
import { DB_NAME } from '../../../src/data/db.ts';
import type { PredictionRow } from '../../../src/data/entities.ts';
import { createHabit, recordEvent } from '../../../src/data/repo.ts';
import { atRiskCount, dueReminders } from '../../../src/remind/decide.ts';
import { reminderBody } from '../../../src/remind/show.ts';
import { loadReminderState } from '../../../src/remind/state.ts';
import { scheduleToday, weekTargetChance } from '../../../src/remind/week.ts';

// Thursday 12 March 2026: Monday was the 9th, 4 days are left counting today.
const TODAY = '2026-03-12';
const CREATED = new Date('2026-03-01T08:00:00.000Z');
const pred = (habitId: string, p: number): PredictionRow => ({
  habitId,
  day: TODAY,
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

describe('the chance of meeting a week target', () => {
  it('is the binomial tail: certain when met, impossible with too few days, p^n with no slack', () => {
    expect(weekTargetChance(0.3, { needed: 0, daysLeft: 2 })).toBe(1);
    expect(weekTargetChance(0.99, { needed: 3, daysLeft: 2 })).toBe(0);
    expect(weekTargetChance(0.5, { needed: 2, daysLeft: 2 })).toBeCloseTo(0.25, 12);
    expect(weekTargetChance(0.5, { needed: 1, daysLeft: 3 })).toBeCloseTo(0.875, 12);
  });
  it('grows with the days left and with p, and never exceeds p when no day can be spared', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 7 }), (p, n) => {
        for (let needed = 1; needed <= n; needed++) {
          const c = weekTargetChance(p, { needed, daysLeft: n });
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
          if (n < 7) expect(weekTargetChance(p, { needed, daysLeft: n + 1 })).toBeGreaterThanOrEqual(c - 1e-12);
          expect(weekTargetChance(Math.min(1, p + 0.1), { needed, daysLeft: n })).toBeGreaterThanOrEqual(c - 1e-12);
        }
        expect(weekTargetChance(p, { needed: n, daysLeft: n })).toBeLessThanOrEqual(p + 1e-12);
      }),
    );
  });
  it('reads today from the schedule', () => {
    expect(scheduleToday({ kind: 'weekdays', days: [1, 3] }, new Set(), TODAY)).toBe('rest');
    expect(scheduleToday({ kind: 'weekdays', days: [4] }, new Set(), TODAY)).toBe('due');
    expect(scheduleToday({ kind: 'perWeek', times: 2 }, new Set(['2026-03-09', '2026-03-10']), TODAY)).toBe('met');
    expect(scheduleToday({ kind: 'perWeek', times: 3 }, new Set(['2026-03-09']), TODAY)).toEqual({
      needed: 2,
      daysLeft: 4,
      target: 3,
    });
  });
});

describe('reminders and the badge over schedules', () => {
  it('never remind a habit that is not due, weigh a week by its target, and say so', async () => {
    const tue = await createHabit({ name: 'Tuesdays', schedule: { kind: 'weekdays', days: [2] } }, CREATED);
    const thu = await createHabit({ name: 'Thursdays', schedule: { kind: 'weekdays', days: [4] } }, CREATED);
    const met = await createHabit({ name: 'Met', schedule: { kind: 'perWeek', times: 1 } }, CREATED);
    const slack = await createHabit({ name: 'Slack', schedule: { kind: 'perWeek', times: 1 } }, CREATED);
    const tight = await createHabit({ name: 'Tight', schedule: { kind: 'perWeek', times: 4 } }, CREATED);
    await recordEvent({ type: 'habitCompleted', habitId: met.id }, new Date('2026-03-10T09:00:00Z'), 0);
    // The same low probability for all: only the due ones, and the week whose target is at risk, remain.
    await getDb().predictions.bulkPut([tue, thu, met, slack, tight].map((h) => pred(h.id, 0.3)));

    const s = await loadReminderState(TODAY);
    expect(Object.fromEntries(s.todayStatus)).toEqual({ [tue.id]: 'rest', [met.id]: 'met' });
    // Slack: 1 needed in 4 days at 30% a day -> 76%, not at risk. Tight: 4 in 4 days -> 0.8%.
    expect(s.predictions.get(slack.id)?.p).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(s.predictions.get(tight.id)?.p).toBeCloseTo(0.3 ** 4, 12);
    const due = dueReminders(s.habits, s.predictions, s.todayStatus, 12 * 60);
    expect(due.map((d) => d.name)).toEqual(['Tight', 'Thursdays']);
    expect(atRiskCount(s.habits, s.predictions, s.todayStatus)).toBe(2);
    expect(reminderBody(due[0])).toBe('0 of 4 this week, 4 days left: 1% likely to make it.');
    expect(reminderBody(due[1])).toBe('Only 30% likely today. A small start still counts.');
  });
});
