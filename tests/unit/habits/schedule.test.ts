// Schedule rules: the validator names each bad field, due days follow the schedule, and the
// statistics never count a day the habit is not due as a miss (property tests with fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionRate, scheduleRates } from '../../../src/habits/rates.ts';
import {
  checkSchedule,
  isDue,
  isLabelDay,
  scheduleLabel,
  weekProgress,
  weekProgressBefore,
  weekStart,
  type Schedule,
} from '../../../src/habits/schedule.ts';
import type { DayStatus } from '../../../src/habits/status.ts';
import { bestStreak, currentStreak } from '../../../src/habits/streaks.ts';
import { frequencyOf, strengthMultiplier, strengthScore } from '../../../src/habits/strength.ts';
import { addDays } from '../../../src/learn/time.ts';

const START = '2026-01-05'; // a Monday

const daySchedule: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constant<Schedule>({ kind: 'daily' }),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 })
    .map((days): Schedule => ({ kind: 'weekdays', days: days.sort() })),
  fc
    .record({ days: fc.integer({ min: 2, max: 12 }), off: fc.integer({ min: -20, max: 40 }) })
    .map(({ days, off }): Schedule => ({ kind: 'everyN', days, from: addDays(START, off) })),
);
const anySchedule: fc.Arbitrary<Schedule> = fc.oneof(
  daySchedule,
  fc.integer({ min: 1, max: 7 }).map((times): Schedule => ({ kind: 'perWeek', times })),
);
/** 1-60 days from START, each done, skipped or empty. */
const history = fc.array(fc.constantFrom<DayStatus | null>('done', 'skipped', null, null), {
  minLength: 1,
  maxLength: 60,
});

function statusOf(cells: (DayStatus | null)[]): Map<string, DayStatus> {
  const m = new Map<string, DayStatus>();
  cells.forEach((c, i) => {
    if (c) m.set(addDays(START, i), c);
  });
  return m;
}

describe('checkSchedule', () => {
  it('accepts each kind, treats absent as daily and sorts weekdays', () => {
    expect(checkSchedule(undefined)).toEqual({ ok: true, value: { kind: 'daily' } });
    expect(checkSchedule({ kind: 'weekdays', days: [4, 2] })).toEqual({
      ok: true,
      value: { kind: 'weekdays', days: [2, 4] },
    });
    expect(checkSchedule({ kind: 'perWeek', times: 3, extra: 1 })).toEqual({
      ok: true,
      value: { kind: 'perWeek', times: 3 },
    });
    expect(checkSchedule({ kind: 'everyN', days: 2, from: '2026-01-01' }).ok).toBe(true);
  });
  it('names the bad field', () => {
    const fields = (v: unknown) => {
      const r = checkSchedule(v);
      return r.ok ? [] : r.problems.map((p) => p.field);
    };
    expect(fields('daily')).toEqual(['']);
    expect(fields({ kind: 'monthly' })).toEqual(['kind']);
    expect(fields({ kind: 'weekdays', days: [] })).toEqual(['days']);
    expect(fields({ kind: 'weekdays', days: [1, 7, 1] })).toEqual(['days[1]', 'days[2]']);
    expect(fields({ kind: 'perWeek', times: 0 })).toEqual(['times']);
    expect(fields({ kind: 'perWeek', times: 2.5 })).toEqual(['times']);
    expect(fields({ kind: 'everyN', days: 1, from: '2026-02-30' })).toEqual(['days', 'from']);
    const r = checkSchedule({ kind: 'perWeek', times: 9 });
    expect(!r.ok && r.problems[0].message).toBe('must be a whole number of times per week, 1 to 7, got 9');
  });
  it('round-trips every valid schedule through JSON unchanged', () => {
    fc.assert(
      fc.property(anySchedule, (s) => {
        expect(checkSchedule(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, value: s });
      }),
    );
  });
});

describe('due days and the week', () => {
  it('follows weekdays, every N days both ways from its first day, and treats perWeek as always due', () => {
    const tueThu: Schedule = { kind: 'weekdays', days: [2, 4] };
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => isDue(tueThu, addDays(START, i)))).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
    const every3: Schedule = { kind: 'everyN', days: 3, from: '2026-01-10' };
    expect(['2026-01-04', '2026-01-07', '2026-01-10', '2026-01-13'].every((d) => isDue(every3, d))).toBe(true);
    expect(['2026-01-08', '2026-01-09', '2026-01-11'].some((d) => isDue(every3, d))).toBe(false);
    expect(isDue({ kind: 'perWeek', times: 2 }, START)).toBe(true);
  });
  it('counts the week Monday to Sunday, with the days left including today', () => {
    const done = new Set(['2026-01-04', '2026-01-05', '2026-01-07', '2026-01-11', '2026-01-12']);
    expect(weekProgress({ kind: 'perWeek', times: 3 }, done, '2026-01-07')).toEqual({
      done: 3,
      target: 3,
      daysLeft: 5,
    });
    expect(weekProgress({ kind: 'weekdays', days: [1, 3, 5] }, done, '2026-01-11')).toEqual({
      done: 3,
      target: 3,
      daysLeft: 1,
    });
    expect(weekStart('2026-01-11')).toBe('2026-01-05');
  });
  it('as known on a morning, sees only the days before it (no leak into a learning feature)', () => {
    fc.assert(
      fc.property(anySchedule, fc.array(fc.integer({ min: 0, max: 20 })), fc.nat(13), (s, offs, i) => {
        const done = new Set(offs.map((o) => addDays(START, o)));
        const day = addDays(START, i);
        const before = new Set([...done].filter((d) => d < day));
        expect(weekProgressBefore(s, done, day)).toEqual(weekProgress(s, before, day));
      }),
    );
    expect(isLabelDay({ kind: 'perWeek', times: 2 }, START)).toBe(true);
    expect(isLabelDay({ kind: 'weekdays', days: [2] }, START)).toBe(false);
  });
  it('says the schedule in words', () => {
    expect(scheduleLabel({ kind: 'daily' })).toBe('Every day');
    expect(scheduleLabel({ kind: 'weekdays', days: [4, 2] })).toBe('Tuesdays and Thursdays');
    expect(scheduleLabel({ kind: 'weekdays', days: [0, 1, 5] })).toBe('Mondays, Fridays and Sundays');
    expect(scheduleLabel({ kind: 'weekdays', days: [1, 2, 3, 4, 5] })).toBe('Weekdays');
    expect(scheduleLabel({ kind: 'perWeek', times: 3 })).toBe('3 times a week');
    expect(scheduleLabel({ kind: 'perWeek', times: 1 })).toBe('Once a week');
    expect(scheduleLabel({ kind: 'everyN', days: 2, from: START })).toBe('Every 2 days');
  });
});

describe('a day the habit is not due is never a miss', () => {
  it('marking an empty rest day skipped changes no streak and no rate', () => {
    fc.assert(
      fc.property(daySchedule, history, fc.nat(70), (schedule, cells, todayOff) => {
        const today = addDays(START, todayOff);
        const status = statusOf(cells);
        for (let i = 0; i < cells.length; i++) {
          const day = addDays(START, i);
          if (status.has(day) || isDue(schedule, day)) continue;
          const bridged = new Map(status).set(day, 'skipped');
          if (day !== today)
            expect(currentStreak(bridged, today, schedule)).toBe(currentStreak(status, today, schedule));
          expect(bestStreak(bridged, schedule)).toBe(bestStreak(status, schedule));
          if (day !== today)
            expect(completionRate(bridged, today, 90, START, schedule)).toEqual(
              completionRate(status, today, 90, START, schedule),
            );
        }
      }),
    );
  });
  it('a streak never breaks on a rest day: it equals the done days since the last empty due day', () => {
    fc.assert(
      fc.property(daySchedule, history, (schedule, cells) => {
        const status = statusOf(cells);
        const today = addDays(START, cells.length); // open: the streak runs up to yesterday
        let expected = 0;
        for (let i = cells.length - 1; i >= 0; i--) {
          const day = addDays(START, i);
          if (cells[i] === 'done') expected++;
          else if (cells[i] === null && isDue(schedule, day)) break;
        }
        expect(currentStreak(status, today, schedule)).toBe(expected);
      }),
    );
  });
  it('rates count due days only', () => {
    fc.assert(
      fc.property(daySchedule, history, (schedule, cells) => {
        const status = statusOf(cells);
        const today = addDays(START, cells.length);
        const r = completionRate(status, today, 400, START, schedule);
        const due = cells.map((_, i) => addDays(START, i)).filter((d) => isDue(schedule, d));
        expect(r.of).toBe(due.length);
        expect(r.done).toBe(due.filter((d) => status.get(d) === 'done').length);
      }),
    );
  });
  it('every weekday selected behaves exactly like daily', () => {
    fc.assert(
      fc.property(history, (cells) => {
        const status = statusOf(cells);
        const today = addDays(START, cells.length - 1);
        const all: Schedule = { kind: 'weekdays', days: [0, 1, 2, 3, 4, 5, 6] };
        expect(currentStreak(status, today, all)).toBe(currentStreak(status, today));
        expect(bestStreak(status, all)).toBe(bestStreak(status));
        expect(completionRate(status, today, 30, START, all)).toEqual(completionRate(status, today, 30, START));
      }),
    );
  });
});

describe('N times a week', () => {
  const three: Schedule = { kind: 'perWeek', times: 3 };
  it('counts met weeks; an open current week neither counts nor breaks', () => {
    // Week 1: 3 done (met). Week 2: 2 done + 1 skip (excused). Week 3: 3 done. Week 4 (today's): 2 done.
    const status = statusOf([
      ...['done', 'done', null, 'done', null, null, null],
      ...[null, 'done', 'skipped', null, 'done', null, null],
      ...['done', null, 'done', null, null, 'done', null],
      ...['done', 'done'],
    ] as (DayStatus | null)[]);
    const today = addDays(START, 23);
    expect(currentStreak(status, today, three)).toBe(2);
    expect(bestStreak(status, three)).toBe(2);
    status.set(today, 'done');
    expect(currentStreak(status, today, three)).toBe(3);
    expect(scheduleRates(status, today, START, three)[0]).toMatchObject({ unit: 'week', done: 3, of: 4 });
  });
  it('where in the week the done days fall does not matter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        (weeks, times) => {
          const schedule: Schedule = { kind: 'perWeek', times };
          const cells = weeks.flatMap((w) => w.map((b) => (b ? 'done' : null)));
          const sorted = weeks.flatMap((w) => [...w].sort((a, b) => +b - +a).map((b) => (b ? 'done' : null)));
          const today = addDays(START, cells.length);
          const a = statusOf(cells as (DayStatus | null)[]);
          const b = statusOf(sorted as (DayStatus | null)[]);
          expect(currentStreak(a, today, schedule)).toBe(currentStreak(b, today, schedule));
          expect(bestStreak(a, schedule)).toBe(bestStreak(b, schedule));
        },
      ),
    );
  });
});

describe('strength follows the frequency', () => {
  it('has the half-lives of Loop: 13 days daily, about 20 for 3 a week, 34 for weekly', () => {
    const halfLife = (s: Schedule) => Math.log(0.5) / Math.log(strengthMultiplier(frequencyOf(s)));
    expect(halfLife({ kind: 'daily' })).toBeCloseTo(13, 9);
    expect(halfLife({ kind: 'perWeek', times: 3 })).toBeCloseTo(19.86, 2);
    expect(halfLife({ kind: 'perWeek', times: 1 })).toBeCloseTo(34.39, 2);
  });
  it('stays in [0, 1] and never drops when a day is marked done', () => {
    fc.assert(
      fc.property(anySchedule, history, fc.nat(59), (schedule, cells, i) => {
        const status = statusOf(cells);
        const today = addDays(START, cells.length);
        const s = strengthScore(status, START, today, schedule);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (i < cells.length && status.get(addDays(START, i)) !== 'skipped') {
          const more = new Map(status).set(addDays(START, i), 'done');
          expect(strengthScore(more, START, today, schedule)).toBeGreaterThanOrEqual(s - 1e-12);
        }
      }),
    );
  });
  it('a habit done on every due day of a weekly rhythm reaches the strength of a daily habit done daily', () => {
    const tueThu: Schedule = { kind: 'weekdays', days: [2, 4] };
    const cells = Array.from({ length: 140 }, (_, i) => (isDue(tueThu, addDays(START, i)) ? 'done' : null));
    const today = addDays(START, 140);
    const s = strengthScore(statusOf(cells as (DayStatus | null)[]), START, today, tueThu);
    expect(s).toBeGreaterThan(0.9);
  });
});
