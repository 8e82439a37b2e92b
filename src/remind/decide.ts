// Which habits to remind, from today's probabilities. PURE: no DOM, no storage, no clock.
import type { Habit } from '../data/entities.ts';
import { type ReminderDecision, reminderDecision } from '../learn/predict/remind.ts';
import type { Prediction } from '../learn/types.ts';
import type { WeekNeed } from './week.ts';

/**
 * Why a habit needs no reminder today: done or skipped today, not due today ('rest'), or an
 * N-per-week habit whose week's target is already met ('met'). Habits absent from the map are open.
 */
export type TodayState = 'done' | 'skipped' | 'rest' | 'met';

/**
 * Without a reminder time of its own, an at-risk habit is notified only between these local times
 * (minutes after midnight): background sync may run at 03:00, and nobody asked to be woken for it.
 */
export const DEFAULT_NOTIFY_WINDOW = { from: 9 * 60, until: 21 * 60 } as const;

/** Minutes after local midnight for 'HH:MM', or null when absent or malformed. */
export function parseReminderTime(s: string | null | undefined): number | null {
  if (typeof s !== 'string') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? +m[1] * 60 + +m[2] : null;
}

/** One reminder to give now, and why. */
export interface DueReminder {
  habitId: string;
  name: string;
  p: number | null;
  decision: ReminderDecision;
  /** 'at-risk': the model expects a miss; 'reminder-time': the person's own reminder time has come. */
  why: 'at-risk' | 'reminder-time';
  /** For an N-per-week habit: what the week still needs (then `p` is the chance of meeting its target). */
  week?: WeekNeed;
}

/**
 * The probability fields reminders need. For an N-per-week habit `p` is the chance of still meeting
 * the week's target (remind/week.ts) and `week` says what it needs.
 */
export type PredictionLike = Pick<Prediction, 'p' | 'source'> & { week?: WeekNeed };

type HabitLike = Pick<Habit, 'id' | 'name' | 'archivedAt'> & { reminderTime?: string | null };

/**
 * Habits to remind now: active, open today (not done, skipped, not due or with the week's target
 * met: see TodayState), and either at risk or (when neutral)
 * past the person's reminder time. At-risk habits wait for their reminder time when they have
 * one, and for DEFAULT_NOTIFY_WINDOW when they have none, unless `atRiskAnyTime` (the in-app
 * banner: the person is looking anyway, so telling them early is useful, while a notification
 * should not interrupt before the time they chose, or at night). Suppressed habits are never
 * reminded. Sorted most at risk first.
 */
export function dueReminders(
  habits: readonly HabitLike[],
  predictions: ReadonlyMap<string, PredictionLike>,
  todayStatus: ReadonlyMap<string, TodayState>,
  nowLocalMinutes: number,
  opts: { atRiskAnyTime?: boolean } = {},
): DueReminder[] {
  const due: DueReminder[] = [];
  for (const h of habits) {
    if (h.archivedAt || todayStatus.has(h.id)) continue;
    const pred = predictions.get(h.id);
    const p = pred && Number.isFinite(pred.p) ? pred.p : null;
    const decision = reminderDecision(p, pred ? pred.source : null);
    if (decision === 'suppressed') continue;
    const at = parseReminderTime(h.reminderTime);
    const timeCome = at !== null && nowLocalMinutes >= at;
    const waking = nowLocalMinutes >= DEFAULT_NOTIFY_WINDOW.from && nowLocalMinutes < DEFAULT_NOTIFY_WINDOW.until;
    const week = pred?.week ? { week: pred.week } : {};
    if (decision === 'at-risk' && ((at === null && waking) || timeCome || opts.atRiskAnyTime))
      due.push({ habitId: h.id, name: h.name, p, decision, why: 'at-risk', ...week });
    else if (decision === 'neutral' && timeCome)
      due.push({ habitId: h.id, name: h.name, p, decision, why: 'reminder-time', ...week });
  }
  return due.sort((a, b) => (a.p ?? 1) - (b.p ?? 1) || a.name.localeCompare(b.name));
}

/** How many active habits are at risk and still open today: the number the app badge shows. */
export function atRiskCount(
  habits: readonly HabitLike[],
  predictions: ReadonlyMap<string, PredictionLike>,
  todayStatus: ReadonlyMap<string, TodayState>,
): number {
  let n = 0;
  for (const h of habits) {
    if (h.archivedAt || todayStatus.has(h.id)) continue;
    const pred = predictions.get(h.id);
    if (pred && reminderDecision(pred.p, pred.source) === 'at-risk') n++;
  }
  return n;
}

/** Keeps only predictions computed for `today`: yesterday's probability is not today's. */
export function todaysPredictions<P extends Pick<Prediction, 'habitId' | 'day'>>(
  rows: readonly P[],
  today: string,
): Map<string, P> {
  const map = new Map<string, P>();
  for (const r of rows) if (r.day === today) map.set(r.habitId, r);
  return map;
}
