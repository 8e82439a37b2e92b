// Insights' history must be what the app would have shown each morning: the engine's own decision
// from that day's past-only samples, with the newest model made on or before that day.
import { describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../../src/learn/time.ts';
import { buildHabitSamples } from '../../../src/learn/dataset.ts';
import { decide, DEFAULT_ENGINE_OPTIONS } from '../../../src/learn/engine.ts';
import { modelFromCheckpoint } from '../../../src/learn/checkpoint.ts';
import { insights } from '../../../src/trainer/insights.ts';
import { checkRow, loadLearningData } from '../../../src/trainer/learning-data.ts';
import { trainAndStore } from '../../../src/trainer/train-service.ts';
import { freshDb, seedHabit } from './helpers.ts';

// Days from the instants, as the app derives them, so the test holds in every time zone.
const NOW = Date.UTC(2026, 8, 17, 8, 0);
const MONTH_AGO = NOW - 30 * 86_400_000;
const TODAY = localToday(NOW);
const EARLIER = localToday(MONTH_AGO);
const CREATED = addDays(TODAY, -200);

describe('insights history', () => {
  it("gives each past day the engine's decision from that morning, with the model made by then", async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    // Two trainings: one a month ago (it sees only the events before then), one today.
    await trainAndStore(db, { habitIds: 'all', trigger: 'manual', today: EARLIER, now: MONTH_AGO }, { locks: null });
    await trainAndStore(db, { habitIds: 'all', trigger: 'manual', today: TODAY, now: NOW }, { locks: null });
    const rows = (await db.checkpoints.where('habitId').equals('read').toArray())
      .map(checkRow)
      .flatMap((c) => (c.ok ? [c.checkpoint] : []));
    const first = rows.find((c) => c.createdAt < NOW);
    expect(first, 'the month-old training promoted a model').toBeDefined();

    const res = await insights(db, 'read', 60, { today: TODAY, now: NOW });
    const data = await loadLearningData(db);
    const habit = { id: 'read', createdDay: CREATED };
    for (const day of [addDays(TODAY, -45), addDays(EARLIER, -1), EARLIER, addDays(TODAY, -10), addDays(TODAY, -1)]) {
      const model = day >= EARLIER ? first! : null;
      const want = decide(
        'read',
        buildHabitSamples(habit, data.index, day),
        day,
        model ? modelFromCheckpoint(model) : null,
        model?.version ?? null,
        NOW,
        DEFAULT_ENGINE_OPTIONS,
      );
      const got = res.series.find((pt) => pt.day === day);
      expect(got, day).toBeDefined();
      expect(got!.p, day).toBeCloseTo(want.p, 12);
      expect(got!.source, day).toBe(want.source);
    }
  });

  it('never gives a past day a model that trained on its outcome (a run whose clock read the day before)', async () => {
    const db = freshDb();
    await seedHabit(db, { id: 'read', createdDay: CREATED, days: 200, seed: 7 });
    // Trained for EARLIER (labels through the day before) at an instant whose local day is that day before,
    // as after a move west: the model's creation day reads earlier than its last trained day + 1.
    const dayBefore = addDays(EARLIER, -1);
    await trainAndStore(
      db,
      { habitIds: 'all', trigger: 'manual', today: EARLIER, now: MONTH_AGO - 86_400_000 },
      { locks: null },
    );
    const model = (await db.checkpoints.where('habitId').equals('read').toArray())
      .map(checkRow)
      .flatMap((c) => (c.ok ? [c.checkpoint] : []))[0];
    expect(model, 'the training promoted a model').toBeDefined();
    expect(localToday(model.createdAt)).toBe(dayBefore);
    expect(model.refit?.evidenceThrough).toBe(dayBefore);
    const res = await insights(db, 'read', 60, { today: TODAY, now: NOW });
    const data = await loadLearningData(db);
    const habit = { id: 'read', createdDay: CREATED };
    for (const [day, m] of [
      [dayBefore, null],
      [EARLIER, model],
    ] as const) {
      const want = decide(
        'read',
        buildHabitSamples(habit, data.index, day),
        day,
        m ? modelFromCheckpoint(m) : null,
        m?.version ?? null,
        NOW,
        DEFAULT_ENGINE_OPTIONS,
      );
      expect(res.series.find((pt) => pt.day === day)!.p, day).toBeCloseTo(want.p, 12);
    }
  });
});
