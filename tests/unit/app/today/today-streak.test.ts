// Today reads a short window of days and finishes long streaks with a second read; the number it
// shows must match History's, which reads everything.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
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
  return row.streak + (await loadOlderStreak(row.habit.id, row.streakContinuesBefore, row.habit.createdDay));
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
