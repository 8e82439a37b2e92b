// The device clock misbehaving under the real scheduling policy: the clock jumping back a day, a trip across time
// zones both ways, and DST on both sides. The scheduler is asked every 30 minutes with the most favourable signals
// (idle, charging, a return to the app), so any weakness would show as a training storm; it must train at most
// about once per real day and never twice within the policy's spacing of real time.
import { describe, expect, it } from 'vitest';
import { decideHabits, MIN_HOURS_BETWEEN_RUNS, type HabitTrainingFacts } from '../../../src/autotrain/policy.ts';
import { localDayOf } from '../../../src/learn/time.ts';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 1, 6, 0); // 2026-03-01 06:00 UTC

/** Device clock and zone as a function of real time (hours since START): returns [device epoch ms, offset min]. */
type Clock = (realHours: number) => [number, number];

function simulate(clock: Clock, days: number): { runsReal: number[]; decisions: number } {
  const habit: HabitTrainingFacts = { habitId: 'read', createdDay: '2026-02-01', lastRunAt: null, lastRunDay: null };
  const runsReal: number[] = [];
  let decisions = 0;
  let prevDay: string | null = null;
  for (let h = 0; h < days * 24; h += 0.5) {
    const [now, offset] = clock(h);
    const today = localDayOf(now, offset);
    const signals = { idle: true, charging: true, batteryLevel: 0.9, visibleReturn: true };
    const d = decideHabits(signals, [habit], today, now, { dayChanged: prevDay !== null && prevDay !== today });
    decisions++;
    prevDay = today;
    if (d.habitIds.includes('read')) {
      runsReal.push(h);
      // What the train service records: the run's start and its local day (from the device's clock).
      habit.lastRunAt = now;
      habit.lastRunDay = today;
    }
  }
  return { runsReal, decisions };
}

function expectNoStorm(runsReal: number[], days: number, forwardJumps = 0): void {
  expect(runsReal.length).toBeGreaterThan(0);
  // Each forward jump of the clock can count as a day passing: at most one extra run per jump.
  expect(runsReal.length).toBeLessThanOrEqual(days + 1 + forwardJumps);
  for (let i = 1; i < runsReal.length; i++) {
    const gap = runsReal[i] - runsReal[i - 1];
    // Real hours between runs: the policy's spacing, except once right after a forward jump — never a burst.
    if (gap < MIN_HOURS_BETWEEN_RUNS - 0.01) forwardJumps--;
  }
  expect(forwardJumps, `runs at real hours ${runsReal.join(', ')}`).toBeGreaterThanOrEqual(0);
  // At most two runs in any 24 real hours.
  for (let i = 2; i < runsReal.length; i++) expect(runsReal[i] - runsReal[i - 2]).toBeGreaterThan(24);
}

describe('clock and zone faults do not cause a training storm', () => {
  it('a steady clock in one zone trains about once a day (the reference)', () => {
    const { runsReal } = simulate((h) => [START + h * HOUR, 60], 20);
    expectNoStorm(runsReal, 20);
    expect(runsReal.length).toBeGreaterThanOrEqual(15);
  });

  it('the device clock jumping back a day (and later forward again) trains no extra runs', () => {
    // Day 5 the clock is set back 24 h; day 12 it is corrected forward.
    const clock: Clock = (h) => [START + h * HOUR - (h >= 5 * 24 && h < 12 * 24 ? 24 * HOUR : 0), 60];
    const { runsReal } = simulate(clock, 20);
    expectNoStorm(runsReal, 20, 1);
    // The jump back only delays training (at most ~2 days without a run), it never stops it.
    for (let i = 1; i < runsReal.length; i++) expect(runsReal[i] - runsReal[i - 1]).toBeLessThanOrEqual(48.5);
  });

  it('a clock a month ahead for three days, then corrected, does not stall training for that month', () => {
    // Days 5-8 the clock runs 30 days ahead (runs are recorded with those dates), then it is set right again.
    const clock: Clock = (h) => [START + h * HOUR + (h >= 5 * 24 && h < 8 * 24 ? 30 * 24 * HOUR : 0), 60];
    const { runsReal } = simulate(clock, 20);
    // One extra run at the jump ahead and one after the correction; never a burst.
    expectNoStorm(runsReal, 20, 2);
    for (let i = 1; i < runsReal.length; i++)
      expect(runsReal[i] - runsReal[i - 1], `runs at real hours ${runsReal.join(', ')}`).toBeLessThanOrEqual(48.5);
    expect(runsReal[runsReal.length - 1]).toBeGreaterThan(19 * 24 - 24);
  });

  it('a trip east and back west (+01:00 -> +09:00 -> -05:00 -> +01:00) trains no extra runs', () => {
    const clock: Clock = (h) => [START + h * HOUR, h < 5 * 24 ? 60 : h < 10 * 24 ? 540 : h < 15 * 24 ? -300 : 60];
    const { runsReal } = simulate(clock, 20);
    expectNoStorm(runsReal, 20);
    for (let i = 1; i < runsReal.length; i++) expect(runsReal[i] - runsReal[i - 1]).toBeLessThanOrEqual(48.5);
  });

  it('DST on both sides (+01:00 -> +02:00 in spring, +02:00 -> +01:00 in autumn) trains no extra runs', () => {
    const clock: Clock = (h) => [START + h * HOUR, h >= 4 * 24 + 1 && h < 12 * 24 + 1 ? 120 : 60];
    const { runsReal } = simulate(clock, 16);
    expectNoStorm(runsReal, 16);
    expect(runsReal.length).toBeGreaterThanOrEqual(12);
  });
});
