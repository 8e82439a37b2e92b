// Insights' history must be what the app showed each morning, from a learner that had not seen that day:
// the record kept with the checkpoint, which later trainings extend and never rewrite.
import { describe, expect, it } from 'vitest';
import { learnerFromCheckpoint } from '../../../src/learn/checkpoint.ts';
import { DEFAULT_CONFIG } from '../../../src/learn/config.ts';
import { foldDays } from '../../../src/learn/night.ts';
import { predictNext } from '../../../src/learn/learner.ts';
import { fastDayNumber, indexEvents } from '../../../src/learn/predict/days.ts';
import { addDays, localToday } from '../../../src/learn/time.ts';
import { toLearningEvent } from '../../../src/data/eventRow.ts';
import { insights } from '../../../src/trainer/insights.ts';
import { checkRow } from '../../../src/trainer/learning-data.ts';
import { trainAndStore } from '../../../src/trainer/train-service.ts';
import { freshDb, seedHabit } from './helpers.ts';

// Days from the instants, as the app derives them, so the test holds in every time zone.
const NOW = Date.UTC(2026, 8, 17, 8, 0);
const MONTH_AGO = NOW - 30 * 86_400_000;
const TODAY = localToday(NOW);
const EARLIER = localToday(MONTH_AGO);
const CREATED = addDays(TODAY, -200);

describe('insights history', () => {
  it('gives each past day the probability shown that morning, from the model trained before it', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    // Two trainings: one a month ago (it sees only the events before then), one today.
    await trainAndStore(db, { habitIds: 'all', trigger: 'manual', today: EARLIER, now: MONTH_AGO }, { locks: null });
    const early = await insights(db, 'read', 90, { today: EARLIER, now: MONTH_AGO });
    await trainAndStore(db, { habitIds: 'all', trigger: 'manual', today: TODAY, now: NOW }, { locks: null });
    const first = (await db.checkpoints.where('habitId').equals('read').toArray())
      .map(checkRow)
      .flatMap((c) => (c.ok ? [c.checkpoint] : []))
      .find((c) => c.createdAt === MONTH_AGO);
    expect(first, 'the month-old training saved a model').toBeDefined();

    const res = await insights(db, 'read', 90, { today: TODAY, now: NOW });
    // Days before the first training: unchanged by the later one (the record is only ever extended).
    const shared = early.series.slice(0, -1).filter((pt) => pt.day >= res.series[0].day);
    expect(shared.length).toBeGreaterThan(30);
    for (const pt of shared) expect(res.series.find((x) => x.day === pt.day)).toEqual(pt);
    // Days after it: what the month-old model predicted each morning, folding the days one at a time.
    const s = learnerFromCheckpoint(first!);
    const index = indexEvents((await db.events.toArray()).map(toLearningEvent));
    for (let day = EARLIER; day < TODAY; day = addDays(day, 1)) {
      foldDays(s, index, fastDayNumber(day), DEFAULT_CONFIG);
      const want = predictNext(s, DEFAULT_CONFIG);
      const got = res.series.find((pt) => pt.day === day);
      expect(got, day).toBeDefined();
      expect(got!.p, day).toBeCloseTo(want.p, 6);
    }
    expect(res.series.at(-1)).toMatchObject({ day: TODAY, outcome: null });
  });
});
