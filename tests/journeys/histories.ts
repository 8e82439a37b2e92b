/** Backup files made for journeys, relative to today on this machine (the browsers share its clock and zone). */
import { addDays, deviceOffset, formatInstant, localDayOf } from '../../src/learn/time.ts';
import type { UploadFile } from './driver.ts';

/**
 * One habit, `id` named `name`, over `days` days up to yesterday, done on the days where `done(i, weekday)` holds
 * (weekday 0 is Sunday); the app is opened every morning.
 */
export function oneHabitBackup(
  days: number,
  done: (i: number, weekday: number) => boolean,
  habit = { id: 'stretch', name: 'Stretch' },
): UploadFile {
  const now = Date.now();
  const off = deviceOffset(new Date(now));
  const start = addDays(localDayOf(now, off), -days);
  const at = (day: string, hhmm: string) => formatInstant(Date.parse(`${day}T${hhmm}:00.000Z`) - off * 60_000, off);
  const events: object[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(start, i);
    events.push({ type: 'appOpened', at: at(day, '08:00') });
    if (done(i, new Date(`${day}T00:00:00Z`).getUTCDay()))
      events.push({ type: 'habitCompleted', habitId: habit.id, at: at(day, '20:30') });
  }
  const backup = {
    app: 'nudge',
    kind: 'backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    timeZone: 'UTC',
    habits: [{ id: habit.id, name: habit.name, createdAt: at(start, '07:00'), archivedAt: null }],
    events,
  };
  return { name: `${habit.id}-${days}-days.json`, text: JSON.stringify(backup) };
}

/** Mostly weekdays with a few lapses over 100 days: enough to train (cold start needs 21 labelled days). */
export const weekdayHabit = (): UploadFile => oneHabitBackup(100, (i, wd) => wd !== 0 && wd !== 6 && i % 9 !== 4);

/** Done on about one day in eight over 60 days: whatever predicts it (prior, baseline or model) says "at risk". */
export const slippingHabit = (): UploadFile => oneHabitBackup(60, (i) => i % 8 === 3);
