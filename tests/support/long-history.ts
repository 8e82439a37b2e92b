/**
 * A realistic long backup for scale runs (issue 5: "5 habits x 5 years"): `scaleBackup(5, 1826)`
 * gives about 60,000 events up to yesterday in the device's time zone, like the node bench's
 * 5x5 workload and the Today speed test. Deterministic (seeded), so runs compare.
 */
import { addDays, deviceOffset, formatInstant, localDayOf, weekdayOf } from '../../src/learn/time.ts';

/** A backup (version 1) as the import screen takes it. */
export interface ScaleBackup {
  app: 'nudge';
  kind: 'backup';
  version: 1;
  exportedAt: string;
  timeZone: string;
  habits: { id: string; name: string; createdAt: string; archivedAt: null }[];
  events: { type: string; at: string; habitId?: string; day?: string }[];
}

/** Park–Miller style LCG: fast, seedable, good enough for a workload. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * `habits` habits over `days` days ending yesterday (local). Per day: 14-22 launches; per habit
 * two reminders shown, a reminder tap on some days, then done (weekly rhythm, sticky after a done
 * day), skipped, or nothing; 3% of completions are marked the next morning for the day before.
 * `streakDays`: the first habit is done on each of the last that many days and not the day before
 * (a streak longer than Today's read window).
 */
export function scaleBackup(habits: number, days: number, seed = 2026, streakDays = 0): ScaleBackup {
  const rand = lcg(seed);
  const now = Date.now();
  const off = deviceOffset(new Date(now));
  const today = localDayOf(now, off);
  const start = addDays(today, -days);
  const at = (day: string, minute: number): string =>
    formatInstant(Date.parse(`${day}T00:00:00.000Z`) + (minute - off) * 60_000, off);
  const list = Array.from({ length: habits }, (_, h) => ({
    id: `habit-${h + 1}`,
    name: `Habit ${h + 1}`,
    createdAt: at(start, 7 * 60 + h),
    archivedAt: null as null,
  }));
  const events: ScaleBackup['events'] = [];
  const prevDone = new Array<boolean>(habits).fill(false);
  for (let i = 0; i < days; i++) {
    const day = addDays(start, i);
    const wd = weekdayOf(day);
    const weekend = wd === 0 || wd === 6;
    const opens = 14 + Math.floor(rand() * 9);
    for (let k = 0; k < opens; k++)
      events.push({ type: 'appOpened', at: at(day, 7 * 60 + Math.floor((k * 900) / opens)) });
    list.forEach((h, k) => {
      events.push({ type: 'reminderShown', habitId: h.id, at: at(day, 18 * 60 + k) });
      events.push({ type: 'reminderShown', habitId: h.id, at: at(day, 20 * 60 + k) });
      if (rand() < 0.3) events.push({ type: 'reminderTapped', habitId: h.id, at: at(day, 20 * 60 + 5 + k) });
      // The day before the streak has no mark at all: a skip would bridge it.
      if (k === 0 && streakDays > 0 && i === days - streakDays - 1) return;
      const streak = k === 0 && streakDays > 0 && i > days - streakDays - 1;
      const p = streak ? 1 : weekend ? 0.35 + (0.1 * k) / habits : prevDone[k] ? 0.88 : 0.6;
      const r = rand();
      prevDone[k] = r < p;
      if (prevDone[k]) {
        if (rand() < 0.03 && i + 1 < days)
          events.push({ type: 'habitCompleted', habitId: h.id, at: at(addDays(day, 1), 8 * 60 + k), day });
        else
          events.push({
            type: 'habitCompleted',
            habitId: h.id,
            at: at(day, 19 * 60 + k * 17 + Math.floor(rand() * 90)),
          });
      } else if (r < p + 0.15) {
        events.push({ type: 'habitSkipped', habitId: h.id, at: at(day, 22 * 60 + k) });
      }
    });
  }
  return {
    app: 'nudge',
    kind: 'backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    timeZone: 'UTC',
    habits: list,
    events,
  };
}
