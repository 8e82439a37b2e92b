// Everything reminders need for one local day, read in one go (also inside a liveQuery).
import type { Habit, PredictionRow, StoredEvent } from '../data/entities.ts';
import { withDb } from '../data/connection.ts';
import { todaysPredictions, type TodayState } from './decide.ts';

/** Today's habits, probabilities, done/skipped state and which reminders already went out. */
export interface ReminderState {
  today: string;
  /** Active habits in Today's order. */
  habits: Habit[];
  /** Predictions computed for today only. */
  predictions: Map<string, PredictionRow>;
  todayStatus: Map<string, TodayState>;
  /** Habits with a `reminderShown` event today (a notification went out). */
  shownToday: Set<string>;
}

/** Folds today's events into done/skipped per habit (a completion wins over a skip). */
export function statusOf(events: readonly Pick<StoredEvent, 'type' | 'habitId'>[]): {
  status: Map<string, TodayState>;
  shown: Set<string>;
} {
  const status = new Map<string, TodayState>();
  const shown = new Set<string>();
  for (const e of events) {
    if (!e.habitId) continue;
    if (e.type === 'habitCompleted') status.set(e.habitId, 'done');
    else if (e.type === 'habitSkipped' && !status.has(e.habitId)) status.set(e.habitId, 'skipped');
    else if (e.type === 'reminderShown') shown.add(e.habitId);
  }
  return { status, shown };
}

/** Reads the reminder state of `today` (a local day 'YYYY-MM-DD'). */
export function loadReminderState(today: string): Promise<ReminderState> {
  return withDb(async (db) => {
    const [all, preds] = await Promise.all([db.habits.toArray(), db.predictions.toArray()]);
    const habits = all.filter((h) => !h.archivedAt).sort((a, b) => a.order - b.order);
    const events = habits.length
      ? await db.events
          .where('[habitKey+day]')
          .anyOf(habits.map((h) => [h.id, today]))
          .toArray()
      : [];
    const { status, shown } = statusOf(events);
    return { today, habits, predictions: todaysPredictions(preds, today), todayStatus: status, shownToday: shown };
  });
}
