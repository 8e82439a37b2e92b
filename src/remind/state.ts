// Everything reminders need for one local day, read in one go (also inside a liveQuery).
import type { Habit, PredictionRow, StoredEvent } from '../data/entities.ts';
import { withDb } from '../data/connection.ts';
import { scheduleOf, weekStart } from '../habits/schedule.ts';
import { addDays } from '../learn/time.ts';
import { todaysPredictions, type PredictionLike, type TodayState } from './decide.ts';
import { scheduleToday, weekTargetChance, type WeekNeed } from './week.ts';

/** A stored prediction as reminders weigh it (an N-per-week habit's is its week's chance). */
export type ReminderPrediction = PredictionRow & PredictionLike;

/** Today's habits, probabilities, done/skipped state and which reminders already went out. */
export interface ReminderState {
  today: string;
  /** Active habits in Today's order. */
  habits: Habit[];
  /** Predictions computed for today only; for an N-per-week habit, the chance of meeting its week's target. */
  predictions: Map<string, ReminderPrediction>;
  /** Habits that need nothing today: done, skipped, not due, or their week's target met. */
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

/**
 * Adds what each habit's schedule says about today: 'rest' when not due, 'met' for a week's target
 * reached, and for an N-per-week habit still short of it, its prediction turned into the chance of
 * meeting the target (`weekDone`: done days this week per habit).
 */
export function applySchedules(
  state: Pick<ReminderState, 'today' | 'habits' | 'predictions' | 'todayStatus'>,
  weekDone: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  for (const h of state.habits) {
    if (state.todayStatus.has(h.id)) continue;
    const s = scheduleToday(scheduleOf(h), weekDone.get(h.id) ?? new Set(), state.today);
    if (s === 'rest' || s === 'met') state.todayStatus.set(h.id, s);
    else if (s !== 'due') {
      const pred = state.predictions.get(h.id);
      if (pred) state.predictions.set(h.id, { ...pred, p: weekTargetChance(pred.p, s), week: s as WeekNeed });
    }
  }
}

/** Reads the reminder state of `today` (a local day 'YYYY-MM-DD'). */
export function loadReminderState(today: string): Promise<ReminderState> {
  return withDb(async (db) => {
    const [all, preds] = await Promise.all([db.habits.toArray(), db.predictions.toArray()]);
    const habits = all.filter((h) => !h.archivedAt).sort((a, b) => a.order - b.order);
    const monday = weekStart(today);
    const week: string[] = [];
    for (let d = monday; d <= today; d = addDays(d, 1)) week.push(d);
    // Today's events for every habit, and the rest of the week for N-per-week habits.
    const keys = habits.flatMap((h) => (scheduleOf(h).kind === 'perWeek' ? week : [today]).map((d) => [h.id, d]));
    const events = keys.length ? await db.events.where('[habitKey+day]').anyOf(keys).toArray() : [];
    const { status, shown } = statusOf(events.filter((e) => e.day === today));
    const weekDone = new Map<string, Set<string>>();
    for (const e of events) {
      if (e.type !== 'habitCompleted' || !e.habitId) continue;
      weekDone.set(e.habitId, (weekDone.get(e.habitId) ?? new Set()).add(e.day));
    }
    const state: ReminderState = {
      today,
      habits,
      predictions: todaysPredictions(preds, today),
      todayStatus: status,
      shownToday: shown,
    };
    applySchedules(state, weekDone);
    return state;
  });
}
