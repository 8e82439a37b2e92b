// Dates, sizes, counts and percentages as people read them. Days are 'YYYY-MM-DD' local days,
// formatted in UTC so the device's own time zone cannot shift a calendar day by one.
import { addDays } from '../learn/time.ts';

const dayFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDayFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** 'Mon 23 Nov' style label of a local day. */
export function shortDay(day: string): string {
  return dayFmt.format(utcDate(day));
}

/** 'Monday 23 November 2026' style label, for screen readers and titles. */
export function longDay(day: string): string {
  return longDayFmt.format(utcDate(day));
}

/** Abbreviated month name of a day ('Nov'). */
export function monthName(day: string): string {
  return monthFmt.format(utcDate(day));
}

/** 'Today', 'Yesterday', else the short label, relative to `today`. */
export function relativeDay(day: string, today: string): string {
  if (day === today) return 'Today';
  if (day === addDays(today, -1)) return 'Yesterday';
  return shortDay(day);
}

/** The local time 'HH:MM' of an ISO-8601 string with offset (as recorded, not re-zoned). */
export function clockOf(at: string): string {
  const m = /T(\d{2}:\d{2})/.exec(at);
  return m ? m[1] : '';
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'];

/** Bytes as '1 byte', '512 bytes', '9.5 KB', '12 MB'. */
export function formatBytes(n: number): string {
  const bytes = Math.round(n);
  if (bytes < 1000) return plural(bytes, 'byte');
  let i = 0;
  let v = bytes / 1000;
  // Decide the unit on the rounded figure: 999.6 KB shows as 1000 KB, so it must become 1.0 MB.
  while (Number(v.toFixed(v < 10 ? 1 : 0)) >= 1000 && i < BYTE_UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  // 9.96 rounds to "10.0": from 10 up the figure has no decimal.
  const shown = Number(v.toFixed(1));
  return `${shown < 10 ? shown.toFixed(1) : v.toFixed(0)} ${BYTE_UNITS[i]}`;
}

/** '1 day' / '3 days'. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A percentage 0..100 from a 0..1 rate, rounded. */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
