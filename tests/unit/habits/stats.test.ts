// Streaks, completion rates and the strength score of a daily habit on hand-checked examples.
import { describe, expect, it } from 'vitest';
import { completionRate } from '../../../src/habits/rates.ts';
import { dayStatus, type DayStatus } from '../../../src/habits/status.ts';
import { bestStreak, currentStreak } from '../../../src/habits/streaks.ts';
import { STRENGTH_MULTIPLIER, strengthScore } from '../../../src/habits/strength.ts';
import type { LogEvent } from '../../../src/learn/events.ts';

/** Builds a status map from a compact string: one char per day from `from`: d=done s=skipped .=nothing */
function pattern(from: string, s: string): Map<string, DayStatus> {
  const m = new Map<string, DayStatus>();
  const start = Date.parse(`${from}T00:00:00Z`);
  [...s].forEach((c, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    if (c === 'd') m.set(day, 'done');
    if (c === 's') m.set(day, 'skipped');
  });
  return m;
}

describe('dayStatus', () => {
  it('lets a completion win over a skip on the same day, in any order, and ignores other habits', () => {
    const ev = (type: LogEvent['type'], habitId: string, day: string): LogEvent => ({
      type,
      habitId,
      day,
      t: 0,
      offset: 0,
    });
    const st = dayStatus(
      [
        ev('habitCompleted', 'a', '2026-01-01'),
        ev('habitSkipped', 'a', '2026-01-01'),
        ev('habitSkipped', 'a', '2026-01-02'),
        ev('habitCompleted', 'a', '2026-01-02'),
        ev('habitSkipped', 'a', '2026-01-03'),
        ev('reminderTapped', 'a', '2026-01-04'),
        ev('habitCompleted', 'b', '2026-01-05'),
      ],
      'a',
    );
    expect([...st.entries()]).toEqual([
      ['2026-01-01', 'done'],
      ['2026-01-02', 'done'],
      ['2026-01-03', 'skipped'],
    ]);
  });
});

describe('streaks', () => {
  // Jan 1..10: d d . d d s d d . .   (today = Jan 10)
  const st = pattern('2026-01-01', 'dd.ddsdd');
  it('counts back from yesterday while today is open, with skips bridging', () => {
    expect(currentStreak(st, '2026-01-09')).toBe(4); // Jan 4,5,(6 skip),7,8
    expect(currentStreak(st, '2026-01-10')).toBe(0); // Jan 9 has nothing: broken
  });
  it('counts today once it is done', () => {
    const s2 = new Map(st).set('2026-01-09', 'done');
    expect(currentStreak(s2, '2026-01-09')).toBe(5);
    expect(currentStreak(new Map(), '2026-01-09')).toBe(0);
  });
  it("a skip today keeps yesterday's streak", () => {
    const s3 = new Map(st).set('2026-01-09', 'skipped');
    expect(currentStreak(s3, '2026-01-09')).toBe(4);
  });
  it('best streak is the longest run, skips bridging and gaps breaking', () => {
    expect(bestStreak(st)).toBe(4);
    expect(bestStreak(pattern('2026-01-01', 'ddd.d'))).toBe(3);
    expect(bestStreak(pattern('2026-01-01', 'sss'))).toBe(0);
    expect(bestStreak(new Map())).toBe(0);
    // Across a month and year boundary.
    expect(bestStreak(pattern('2025-12-30', 'dddd'))).toBe(4);
  });
});

describe('completionRate', () => {
  const st = pattern('2026-01-01', 'dd.ddsdd'); // 6 done in Jan 1..8
  it('uses the window ending yesterday while today is open', () => {
    // Jan 2..8
    expect(completionRate(st, '2026-01-09', 7, '2026-01-01')).toMatchObject({ done: 5, of: 7, rate: 5 / 7 });
  });
  it('includes today once it has a status', () => {
    const s2 = new Map(st).set('2026-01-09', 'done');
    // Jan 3..9 (Jan 1-2 out)
    expect(completionRate(s2, '2026-01-09', 7, '2026-01-01')).toMatchObject({ done: 5, of: 7, rate: 5 / 7 });
    // Jan 2..9
    expect(completionRate(s2, '2026-01-09', 8, '2026-01-01')).toMatchObject({ done: 6, of: 8, rate: 6 / 8 });
  });
  it('clips the window to the creation day', () => {
    expect(completionRate(st, '2026-01-09', 30, '2026-01-01')).toMatchObject({ done: 6, of: 8, rate: 6 / 8 });
    // Jan 5..8
    expect(completionRate(st, '2026-01-09', 90, '2026-01-05')).toMatchObject({ done: 3, of: 4, rate: 3 / 4 });
    // created today
    expect(completionRate(new Map(), '2026-01-09', 7, '2026-01-09')).toMatchObject({ done: 0, of: 0, rate: 0 });
  });
});

describe('strengthScore', () => {
  it('uses m = 0.5^(1/13)', () => {
    expect(STRENGTH_MULTIPLIER).toBeCloseTo(0.948078, 6);
  });
  it('matches hand computation', () => {
    const m = STRENGTH_MULTIPLIER;
    // One done day then one empty: (1-m) then (1-m)*m.
    expect(strengthScore(pattern('2026-01-01', 'd.'), '2026-01-01', '2026-01-03')).toBeCloseTo((1 - m) * m, 12);
    // 13 done days from zero: 1 - m^13 = 0.5 exactly.
    expect(strengthScore(pattern('2026-01-01', 'd'.repeat(13)), '2026-01-01', '2026-01-14')).toBeCloseTo(0.5, 12);
    // 26 done days: 0.75; then 13 empty days halve it: 0.375.
    expect(strengthScore(pattern('2026-01-01', 'd'.repeat(26)), '2026-01-01', '2026-01-27')).toBeCloseTo(0.75, 12);
    expect(
      strengthScore(pattern('2026-01-01', 'd'.repeat(26) + '.'.repeat(13)), '2026-01-01', '2026-02-09'),
    ).toBeCloseTo(0.375, 12);
    // A skip leaves the score as it is; an open today is not counted yet.
    expect(strengthScore(pattern('2026-01-01', 's'), '2026-01-01', '2026-01-02')).toBe(0);
    expect(strengthScore(pattern('2026-01-01', 'd'), '2026-01-01', '2026-01-01')).toBeCloseTo(1 - m, 12);
    expect(strengthScore(new Map(), '2026-01-01', '2026-01-01')).toBe(0);
  });
});
