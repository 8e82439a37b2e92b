// What the policy needs to know from storage, read with cheap indexed queries. Used by the page's
// scheduler and by the service worker's periodic sync, so it relies on Dexie and day helpers only.
import type { AppDB } from '../data/db.ts';
import { localToday } from '../learn/time.ts';
import type { HabitTrainingFacts } from './policy.ts';

/** When the habit's latest training run started, or null when it never trained. */
export async function latestRunAt(db: AppDB, habitId: string): Promise<number | null> {
  // Runs are appended in time order, so the last by primary key within the index is the latest.
  const last = await db.trainingRuns.where('habitId').equals(habitId).last();
  return last ? last.startedAt : null;
}

/** Per active habit: creation day and the start (and local day) of its last training run. */
export async function readTrainingFacts(db: AppDB): Promise<HabitTrainingFacts[]> {
  const habits = (await db.habits.toArray()).filter((h) => !h.archivedAt);
  return Promise.all(
    habits.map(async (h) => {
      const lastRunAt = await latestRunAt(db, h.id);
      const lastRunDay = lastRunAt === null ? null : localToday(lastRunAt);
      return { habitId: h.id, createdDay: h.createdDay, lastRunAt, lastRunDay };
    }),
  );
}

/** True when some active habit has no stored prediction for `today`. */
export async function predictionsStale(db: AppDB, today: string): Promise<boolean> {
  const habits = (await db.habits.toArray()).filter((h) => !h.archivedAt);
  const preds = await db.predictions.bulkGet(habits.map((h) => h.id));
  return preds.some((p) => !p || p.day !== today);
}
