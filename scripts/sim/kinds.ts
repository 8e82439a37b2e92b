// Kinds of simulated people: how the true probability of doing a habit on day D depends on the past.
// Every kind is a pure function of what happened before D (and of D's weekday), so a model that sees
// the event log can in principle learn it; none looks at D's own events.
import { weekdayOf } from '../../src/learn/time.ts';

/** How a habit's true probability of day D depends on the past. Weekday arrays are indexed 0 = Sunday. */
export type HabitKind =
  | { kind: 'weekly'; p: number[] }
  | { kind: 'decline'; from: number; to: number }
  | { kind: 'streak'; low: number; high: number; tau: number }
  | { kind: 'reminder'; low: number; high: number }
  | { kind: 'appDriven'; low: number; high: number }
  | { kind: 'mildDrivers'; base: number; app: number; reminder: number }
  | { kind: 'flip'; a: number[]; b: number[]; every: number }
  | { kind: 'moving'; patterns: number[][]; every: number }
  | { kind: 'lapses'; high: number; restart: number; after: number; holidays: [number, number][]; holidayP: number }
  | { kind: 'coin'; p: number }
  | { kind: 'perWeek'; times: number; base: number; push: number; met: number };

/** What the truth may read about the days before D. */
export interface PastContext {
  /** Day index from the habit's first day, its calendar day and the history's length. */
  d: number;
  day: string;
  total: number;
  /** Consecutive done days ending D-1, and consecutive missed days ending D-1. */
  streak: number;
  missRun: number;
  /** App launches on D-1. */
  opensYesterday: number;
  /** This habit's reminders on D-1 and D-2: 0 none, 1 shown, 2 shown and tapped. */
  reminder1: number;
  reminder2: number;
  /** Completions so far this week (Monday to Sunday) before D, and the days left in it counting D. */
  weekDone?: number;
  daysLeft?: number;
}

/** The weight of recent reminders: a tap yesterday counts fully, a tap two days ago or a shown one half. */
function reminderPull(c: PastContext): number {
  const r1 = c.reminder1 === 2 ? 1 : c.reminder1 === 1 ? 0.5 : 0;
  const r2 = c.reminder2 === 2 ? 0.5 : c.reminder2 === 1 ? 0.25 : 0;
  return Math.min(1, r1 + r2);
}

/** The true probability of doing the habit on day c.d. */
export function truthP(spec: HabitKind, c: PastContext): number {
  switch (spec.kind) {
    case 'weekly':
      return spec.p[weekdayOf(c.day)];
    case 'decline':
      return spec.from + (spec.to - spec.from) * (c.d / Math.max(1, c.total - 1));
    case 'streak':
      return spec.low + (spec.high - spec.low) * (1 - Math.exp(-c.streak / spec.tau));
    case 'reminder':
      return spec.low + (spec.high - spec.low) * reminderPull(c);
    case 'appDriven':
      return spec.low + (spec.high - spec.low) * Math.min(1, c.opensYesterday / 3);
    case 'mildDrivers':
      return spec.base + spec.app * (Math.min(1, c.opensYesterday / 3) - 0.5) + spec.reminder * (reminderPull(c) - 0.3);
    case 'flip':
      return (Math.floor(c.d / spec.every) % 2 === 0 ? spec.a : spec.b)[weekdayOf(c.day)];
    case 'moving':
      return spec.patterns[Math.min(spec.patterns.length - 1, Math.floor(c.d / spec.every))][weekdayOf(c.day)];
    case 'lapses': {
      if (spec.holidays.some(([from, to]) => c.d >= from && c.d < to)) return spec.holidayP;
      return c.missRun >= spec.after ? spec.restart : spec.high;
    }
    case 'coin':
      return spec.p;
    case 'perWeek': {
      // Behind on the week's target: more likely the fewer days are left; target met: rarely again.
      const remaining = Math.max(0, spec.times - (c.weekDone ?? 0));
      if (remaining === 0) return spec.met;
      return Math.min(0.95, spec.base + spec.push * Math.min(1, remaining / (c.daysLeft ?? 7)));
    }
  }
}

/** Day indexes where the truth changes abruptly (a flip, a move of training days), for the adaptation metric. */
export function changePoints(spec: HabitKind, total: number): number[] {
  const out: number[] = [];
  if (spec.kind === 'flip') for (let d = spec.every; d < total; d += spec.every) out.push(d);
  if (spec.kind === 'moving')
    for (let k = 1; k < spec.patterns.length && k * spec.every < total; k++) out.push(k * spec.every);
  return out;
}

/** The truth of day c.d as it would be without the change (the old regime continued), for the adaptation metric. */
export function truthBefore(spec: HabitKind, c: PastContext, change: number): number {
  return truthP(spec, { ...c, d: change - 1 });
}
