// Today's data, read as the app's code starts when the app opens on Today. The screen's own live
// query starts only once it has rendered; reading here first overlaps the database work with the
// first render, so the habits appear sooner on launch. The live query takes over when it delivers.
import { loadToday, type TodayData } from './todayData.ts';

let pending: { day: string; data: Promise<TodayData> } | null = null;

/** Starts reading Today for `day` now (once, at start-up, when Today is the first screen). */
export function prefetchToday(day: string): void {
  const data = loadToday(day);
  // The live query reports any failure; this early read only ever helps.
  data.catch(() => {});
  pending = { day, data };
}

/** The early read for `day`, handed out once (later mounts rely on the live query alone). */
export function takePrefetchedToday(day: string): Promise<TodayData> | null {
  const p = pending && pending.day === day ? pending.data : null;
  pending = null;
  return p;
}
