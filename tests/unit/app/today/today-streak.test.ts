// Today reads a short window of days and finishes long streaks with a second read; the number it
// shows must match History's, which reads everything.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/habits/schedule.ts';
import { createHabit, recordEvent } from '../../../../src/data/repo.ts';
import { addDays } from '../../../../src/learn/time.ts';
import { loadToday, type TodayHabit } from '../../../../src/app/today/todayData.ts';
import { loadOlderStreak } from '../../../../src/app/today/olderStreak.ts';
import { loadHistory } from '../../../../src/app/history/historyData.ts';
import { at, freshDb } from '../../data/helpers.ts';

const TODAY = '2026-03-30';
const RECORDED = at('2026-03-30T09:00:00Z');

/** The streak Today's row ends up showing: the window's part plus the older part when it reaches back. */
async function shownStreak(row: TodayHabit): Promise<number> {
  if (!row.streakContinuesBefore) return row.streak;
  const older = await loadOlderStreak(row.habit.id, row.streakContinuesBefore, row.habit.createdDay, row.schedule);
  return row.streak + older;
}

/** Marks one day per character, oldest first, ending `daysBeforeToday` days ago: d=done s=skipped .=nothing. */
async function marks(habitId: string, pattern: string, daysBeforeToday: number): Promise<void> {
  const n = pattern.length;
  for (let i = 0; i < n; i++) {
    const day = addDays(TODAY, -(daysBeforeToday + n - 1 - i));
    const c = pattern[i];
    if (c === '.') continue;
    await recordEvent(
      { type: c === 'd' ? 'habitCompleted' : 'habitSkipped', habitId, day: day === TODAY ? undefined : day },
      RECORDED,
      0,
    );
  }
}

async function todayAndHistory(): Promise<{ today: number; history: number }> {
  const row = (await loadToday(TODAY)).habits[0];
  return { today: await shownStreak(row), history: (await loadHistory(row.habit, TODAY)).current };
}

describe('Today streak agrees with History', () => {
  beforeEach(freshDb);

  it('carries a long streak through a window holding only skips, today skipped', async () => {
    const h = await createHabit({ name: 'Run' }, at('2026-01-01T08:00:00Z'), 0);
    await marks(h.id, 'd'.repeat(20) + 's'.repeat(14), 0);
    expect(await todayAndHistory()).toEqual({ today: 20, history: 20 });
  });

  it('carries a long streak through thirteen skipped days while today is still open', async () => {
    const h = await createHabit({ name: 'Run' }, at('2026-01-01T08:00:00Z'), 0);
    await marks(h.id, 'd'.repeat(17) + 's'.repeat(13), 1);
    expect(await todayAndHistory()).toEqual({ today: 17, history: 17 });
  });
});

describe('Today streak agrees with History on every schedule', () => {
  const schedules: fc.Arbitrary<Schedule> = fc.oneof(
    fc.constant<Schedule>({ kind: 'daily' }),
    fc
      .uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 })
      .map((days): Schedule => ({ kind: 'weekdays', days: days.sort() })),
    fc.integer({ min: 1, max: 4 }).map((times): Schedule => ({ kind: 'perWeek', times })),
    fc.integer({ min: 2, max: 5 }).map((days): Schedule => ({ kind: 'everyN', days, from: '2026-01-03' })),
  );
  // Mostly done, so long streaks reach past Today's window; some skips and gaps break or bridge them.
  const patterns = fc
    .array(fc.constantFrom('d', 'd', 'd', 'd', 's', '.'), { minLength: 20, maxLength: 80 })
    .map((a) => a.join(''));

  it('for random histories of weekday, per-week and every-N-days habits', async () => {
    await fc.assert(
      fc.asyncProperty(schedules, patterns, fc.boolean(), async (schedule, pattern, todayOpen) => {
        await freshDb();
        const h = await createHabit({ name: 'Gym', schedule }, at('2026-01-01T08:00:00Z'), 0);
        await marks(h.id, pattern, todayOpen ? 1 : 0);
        const got = await todayAndHistory();
        expect(got.today).toBe(got.history);
      }),
      { numRuns: 40 },
    );
  });
});
