import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  atRiskCount,
  dueReminders,
  parseReminderTime,
  todaysPredictions,
  type PredictionLike,
  type TodayState,
} from '../../../src/remind/decide.ts';
import type { PredictionSource } from '../../../src/learn/types.ts';
import { reminderDecision } from '../../../src/learn/predict/remind.ts';

describe('reminderDecision follows the probability bands', () => {
  const table: Array<[number | null, PredictionSource | null, string]> = [
    [0, 'model', 'at-risk'],
    [0.39, 'model', 'at-risk'],
    [0.4, 'model', 'neutral'], // the band edge is not at risk: "p < 0.4"
    [0.6, 'baseline', 'neutral'],
    [0.8, 'model', 'neutral'], // "p > 0.8" suppresses, 0.8 itself does not
    [0.81, 'model', 'suppressed'],
    [0.99, 'baseline', 'suppressed'],
    [0.95, 'prior', 'neutral'], // a cold-start prior never silences reminders
    [0.1, 'prior', 'at-risk'], // but it can mark a habit at risk
    [null, null, 'neutral'],
    [Number.NaN, 'model', 'neutral'],
    [Number.POSITIVE_INFINITY, 'model', 'neutral'],
  ];
  it.each(table)('p=%s source=%s -> %s', (p, source, want) => {
    expect(reminderDecision(p, source)).toBe(want);
  });

  it('is monotone in p for a trained model', () => {
    const rank = { 'at-risk': 0, neutral: 1, suppressed: 2 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return rank[reminderDecision(lo, 'model')] <= rank[reminderDecision(hi, 'model')];
      }),
    );
  });
});

describe('parseReminderTime', () => {
  it.each([
    ['07:30', 450],
    ['00:00', 0],
    ['23:59', 1439],
    ['24:00', null],
    ['7:30', null],
    ['12:60', null],
    ['', null],
    [null, null],
    [undefined, null],
  ] as Array<[string | null | undefined, number | null]>)('%s -> %s', (s, want) => {
    expect(parseReminderTime(s)).toBe(want);
  });
});

describe('dueReminders: who is reminded now', () => {
  const h = (id: string, reminderTime: string | null = null, archivedAt: string | null = null) => ({
    id,
    name: id.toUpperCase(),
    reminderTime,
    archivedAt,
  });
  const P = (p: number, source: PredictionSource = 'model'): PredictionLike => ({ p, source });
  const NOON = 12 * 60;
  type Row = [
    string,
    ReturnType<typeof h>,
    PredictionLike | undefined,
    TodayState | undefined,
    number,
    boolean,
    string | null,
  ];
  const table: Row[] = [
    // name, habit, prediction, today's state, now (minutes), atRiskAnyTime, expected why (null = not reminded)
    ['at risk, no reminder time', h('a'), P(0.2), undefined, NOON, false, 'at-risk'],
    ['at risk, already done', h('a'), P(0.2), 'done', NOON, false, null],
    ['at risk, skipped today', h('a'), P(0.2), 'skipped', NOON, false, null],
    ['at risk, before its reminder time', h('a', '20:00'), P(0.2), undefined, NOON, false, null],
    ['at risk, before its time, banner', h('a', '20:00'), P(0.2), undefined, NOON, true, 'at-risk'],
    ['at risk, at its reminder time', h('a', '12:00'), P(0.2), undefined, NOON, false, 'at-risk'],
    ['neutral, past its reminder time', h('a', '08:00'), P(0.6), undefined, NOON, false, 'reminder-time'],
    ['neutral, before its reminder time', h('a', '20:00'), P(0.6), undefined, NOON, true, null],
    ['neutral, no reminder time', h('a'), P(0.6), undefined, NOON, true, null],
    ['suppressed, past its reminder time', h('a', '08:00'), P(0.9), undefined, NOON, true, null],
    [
      'prior 0.9 past its time (never suppressed)',
      h('a', '08:00'),
      P(0.9, 'prior'),
      undefined,
      NOON,
      false,
      'reminder-time',
    ],
    ['no prediction, past its reminder time', h('a', '08:00'), undefined, undefined, NOON, false, 'reminder-time'],
    ['no prediction, no reminder time', h('a'), undefined, undefined, NOON, true, null],
    ['archived at risk', h('a', null, '2026-01-01T00:00:00.000Z'), P(0.1), undefined, NOON, true, null],
    ['malformed reminder time counts as none', h('a', '25:99'), P(0.1), undefined, NOON, false, 'at-risk'],
    // Background sync can run at any hour: without a time of its own, no notification at night.
    ['at risk, no reminder time, 03:00', h('a'), P(0.1), undefined, 3 * 60, false, null],
    ['at risk, no reminder time, 08:59', h('a'), P(0.1), undefined, 9 * 60 - 1, false, null],
    ['at risk, no reminder time, 09:00', h('a'), P(0.1), undefined, 9 * 60, false, 'at-risk'],
    ['at risk, no reminder time, 21:00', h('a'), P(0.1), undefined, 21 * 60, false, null],
    ['at risk, no reminder time, 03:00, banner', h('a'), P(0.1), undefined, 3 * 60, true, 'at-risk'],
    ['at risk, reminder time 06:00, at 06:30', h('a', '06:00'), P(0.1), undefined, 6 * 60 + 30, false, 'at-risk'],
  ];
  it.each(table)('%s', (_name, habit, pred, state, now, anyTime, want) => {
    const preds = new Map(pred ? [[habit.id, pred]] : []);
    const status = new Map(state ? [[habit.id, state]] : []);
    const due = dueReminders([habit], preds, status, now, { atRiskAnyTime: anyTime });
    expect(due.map((d) => d.why)).toEqual(want ? [want] : []);
  });

  it('lists the most at-risk habit first and counts only open at-risk habits for the badge', () => {
    const habits = [h('x'), h('y'), h('z'), h('w', '06:00')];
    const preds = new Map([
      ['x', P(0.3)],
      ['y', P(0.05)],
      ['z', P(0.2)],
      ['w', P(0.5)],
    ]);
    const status = new Map<string, TodayState>([['z', 'done']]);
    expect(dueReminders(habits, preds, status, NOON).map((d) => d.habitId)).toEqual(['y', 'x', 'w']);
    expect(atRiskCount(habits, preds, status)).toBe(2);
  });
});

describe('todaysPredictions', () => {
  it("drops yesterday's rows", () => {
    const rows = [
      { habitId: 'a', day: '2026-03-01', p: 0.1 },
      { habitId: 'b', day: '2026-03-02', p: 0.2 },
    ];
    expect([...todaysPredictions(rows, '2026-03-02').keys()]).toEqual(['b']);
  });
});
