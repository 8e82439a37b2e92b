// "Try with a sample history": a realistic, reproducible 15 weeks of three habits, removable in one tap.
import type { EventType } from '../learn/events.ts';
import { addDays, deviceOffset, formatInstant, localDayOf, weekdayOf } from '../learn/time.ts';
import { withDb } from './connection.ts';
import type { Habit, StoredEvent } from './entities.ts';
import { ValidationError } from './errors.ts';
import { toStoredEvent } from './eventRow.ts';
import { mulberry32 } from '../learn/rng.ts';

/** Days of sample history before today. */
export const DEMO_DAYS = 105;
const SEED = 20_261_124;

interface DemoHabit {
  id: string;
  name: string;
  color: string;
  reminderTime: string;
}
const HABITS: DemoHabit[] = [
  { id: 'read-demo', name: 'Read 10 pages', color: '#3a7bd5', reminderTime: '21:30' },
  { id: 'run-demo', name: 'Morning run', color: '#e4572e', reminderTime: '07:00' },
  { id: 'meditate-demo', name: 'Meditate', color: '#4caf50', reminderTime: '07:45' },
];

/** Probability and time (local minutes) of a completion, per habit, from weekday and recent history. */
type Plan = (
  day: string,
  dayIndex: number,
  doneYesterday: boolean,
  r: () => number,
) => { p: number; minute: number; skipP: number };
const PLANS: Record<string, Plan> = {
  // Evenings; weekdays solid, Friday and Saturday nights weak; gets steadier as the habit forms.
  'read-demo': (day, i, _y, r) => {
    const byWeekday = [0.8, 0.88, 0.88, 0.85, 0.82, 0.45, 0.4][weekdayOf(day)];
    return {
      p: byWeekday * (0.8 + 0.2 * Math.min(1, i / 60)),
      minute: 21 * 60 + 30 + Math.round((r() - 0.5) * 90),
      skipP: 0.25,
    };
  },
  // Monday, Wednesday, Friday mornings and a late Saturday run; rest days are sometimes skipped on purpose.
  'run-demo': (day, _i, _y, r) => {
    const wd = weekdayOf(day);
    if (wd === 6) return { p: 0.65, minute: 9 * 60 + 30 + Math.round((r() - 0.5) * 60), skipP: 0.2 };
    if (wd === 1 || wd === 3 || wd === 5)
      return { p: 0.82, minute: 6 * 60 + 50 + Math.round((r() - 0.5) * 40), skipP: 0.4 };
    return { p: 0.04, minute: 7 * 60, skipP: 0.3 };
  },
  // Daily, streaky: easier to keep going than to restart.
  'meditate-demo': (_day, _i, y, r) => ({
    p: y ? 0.9 : 0.55,
    minute: 7 * 60 + 40 + Math.round((r() - 0.5) * 30),
    skipP: 0.15,
  }),
};

/** Builds the sample events for the days before `today` (and today's, up to `now`). */
function buildEvents(now: Date, offsetFixed: number | undefined): StoredEvent[] {
  const r = mulberry32(SEED);
  const nowT = now.getTime();
  const today = localDayOf(nowT, offsetFixed ?? deviceOffset(now));
  const first = addDays(today, -DEMO_DAYS);
  const out: StoredEvent[] = [];
  const push = (type: EventType, day: string, minute: number, habitId?: string, markedDay?: string): void => {
    // Local wall time -> instant, with the offset in force then (DST-correct when not fixed).
    const wall = Date.parse(`${day}T00:00:00Z`) + Math.min(minute, 1439) * 60_000;
    let off = offsetFixed ?? deviceOffset(new Date(wall - deviceOffset(now) * 60_000));
    if (offsetFixed === undefined) off = deviceOffset(new Date(wall - off * 60_000));
    const t = wall - off * 60_000;
    if (t > nowT) return;
    const row = toStoredEvent({ type, habitId, at: formatInstant(t, off), day: markedDay, demo: true });
    if (row) out.push(row);
  };
  const doneYesterday = new Map<string, boolean>();
  const sickFrom = 52 + Math.floor(r() * 10); // one bad week: a real broken streak
  for (let i = 0; i <= DEMO_DAYS; i++) {
    const day = addDays(first, i);
    const sick = i >= sickFrom && i < sickFrom + 5;
    if (r() < 0.85) push('appOpened', day, 6 * 60 + 45 + Math.round(r() * 60));
    if (r() < 0.35) push('appOpened', day, 12 * 60 + Math.round(r() * 90));
    if (r() < 0.75) push('appOpened', day, 20 * 60 + 45 + Math.round(r() * 90));
    for (const h of HABITS) {
      const plan = PLANS[h.id](day, i, doneYesterday.get(h.id) ?? false, r);
      const tapped = h.id === 'read-demo' && r() < 0.3;
      if (tapped) push('reminderTapped', day, 21 * 60 + 30, h.id);
      const done = !sick && r() < Math.min(0.97, plan.p + (tapped ? 0.1 : 0));
      doneYesterday.set(h.id, done);
      if (done) {
        // Now and then the person forgets to tap and marks the day the next morning.
        if (r() < 0.06 && i < DEMO_DAYS)
          push('habitCompleted', addDays(day, 1), 8 * 60 + Math.round(r() * 60), h.id, day);
        else push('habitCompleted', day, tapped ? Math.max(plan.minute, 21 * 60 + 33) : plan.minute, h.id);
      } else if (!sick && r() < plan.skipP) push('habitSkipped', day, plan.minute + 20, h.id);
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

/**
 * Fills an empty app (no habits) with 105 days of sample history for three habits: weekly rhythms,
 * streaks and a broken week, app launches and reminder taps. Everything is marked demo. Same
 * `now` (and offset) -> same history. Throws ValidationError when there are habits already.
 */
export async function addDemoHistory(now: Date = new Date(), offset?: number): Promise<void> {
  const events = buildEvents(now, offset);
  const off = offset ?? deviceOffset(now);
  const createdT = Date.parse(`${addDays(localDayOf(now.getTime(), off), -DEMO_DAYS)}T06:00:00Z`) - off * 60_000;
  const habits: Habit[] = HABITS.map((h, order) => ({
    ...h,
    createdAt: formatInstant(createdT, off),
    createdDay: localDayOf(createdT, off),
    archivedAt: null,
    order,
    demo: true,
  }));
  await withDb((db) =>
    db.transaction('rw', [db.habits, db.events], async () => {
      if ((await db.habits.count()) > 0)
        throw new ValidationError('The sample history can only be added to an empty app: you already have habits');
      const existing = new Set((await db.events.orderBy('key').keys()) as string[]);
      await db.habits.bulkAdd(habits);
      await db.events.bulkAdd(events.filter((e) => !existing.has(e.key)));
    }),
  );
}

/** True when sample history is present (the UI offers to remove it). */
export async function hasDemoHistory(): Promise<boolean> {
  return withDb(async (db) => (await db.habits.filter((h) => h.demo === true).count()) > 0);
}

/** Removes every habit and event marked demo, with the models, runs and predictions of those habits. */
export async function removeDemoHistory(): Promise<void> {
  await withDb((db) =>
    db.transaction('rw', [db.habits, db.events, db.checkpoints, db.trainingRuns, db.predictions], async () => {
      const ids = (await db.habits.filter((h) => h.demo === true).toArray()).map((h) => h.id);
      for (const id of ids) {
        await db.events.where('[habitKey+day]').between([id, ''], [id, '\uffff']).delete();
        await db.checkpoints.where('habitId').equals(id).delete();
        await db.trainingRuns.where('habitId').equals(id).delete();
      }
      await db.predictions.bulkDelete(ids);
      await db.habits.bulkDelete(ids);
      await db.events.filter((e) => e.demo === true).delete();
    }),
  );
}
