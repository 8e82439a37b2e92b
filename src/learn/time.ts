// Local calendar days from UTC instants and their offsets. Pure: days are 'YYYY-MM-DD' strings,
// offsets are minutes east of UTC (+01:00 -> 60), instants are epoch milliseconds.

const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;
// ISO 8601 / RFC 3339 with an explicit offset, in the spellings other tools write for the same instant too:
// a space or lower-case t between date and time, lower-case z, an offset without its colon (+0100) or hours only.
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2})?)$/;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The first local day Nudge data can have: anything earlier is a corrupted row or a typo in the year. */
export const FIRST_DAY = '1970-01-01';
/** Offsets beyond +-18:00 do not exist anywhere (ISO 8601 / ECMAScript limit). */
export const MAX_OFFSET_MIN = 18 * 60;

/** An instant with the local UTC offset that was in force when it was recorded. */
export interface Instant {
  t: number;
  offset: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any year; month 1-12), by the civil-from-days method. */
export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parses ISO-8601 with an explicit offset ('Z', +hh:mm, +hhmm, +hh); null when malformed or out of range. */
export function parseInstant(at: string): Instant | null {
  const m = ISO_RE.exec(at);
  if (!m) return null;
  const [y, mo, d, h, mi] = [+m[1], +m[2], +m[3], +m[4], +m[5]];
  const s = m[6] ? +m[6] : 0;
  const ms = m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  let offset = 0;
  if (!m[8]) {
    const sign = m[9] === '-' ? -1 : 1;
    const oh = +m[10];
    const om = m[11] ? +m[11] : 0;
    if (om > 59) return null;
    offset = sign * (oh * 60 + om);
    if (Math.abs(offset) > MAX_OFFSET_MIN) return null;
  }
  const t = daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset * MS_PER_MIN;
  return Number.isFinite(t) ? { t, offset } : null;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Formats an instant as local ISO-8601 with its offset, e.g. 2026-01-01T21:40:00.000+01:00. */
export function formatInstant(t: number, offset: number): string {
  const local = new Date(t + offset * MS_PER_MIN);
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

/** The local calendar day of an instant under the given offset. */
export function localDayOf(t: number, offset: number): string {
  return numberToDay(Math.floor((t + offset * MS_PER_MIN) / MS_PER_DAY));
}

/** Minutes since local midnight (0..1439) of an instant under the given offset. */
export function localMinuteOfDay(t: number, offset: number): number {
  const m = Math.floor((t + offset * MS_PER_MIN) / MS_PER_MIN) % 1440;
  return m < 0 ? m + 1440 : m;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' day (no validation: call isDay first on input). */
export function dayToNumber(day: string): number {
  return daysFromCivil(+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10));
}

/** The 'YYYY-MM-DD' day for a count of days since 1970-01-01. */
export function numberToDay(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The day n days after (or before, for negative n) the given day. */
export function addDays(day: string, n: number): string {
  return numberToDay(dayToNumber(day) + n);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayToNumber(b) - dayToNumber(a);
}

/** Day of week of a calendar day: 0 = Sunday ... 6 = Saturday (as Date#getUTCDay). */
export function weekdayOf(day: string): number {
  return (((dayToNumber(day) + 4) % 7) + 7) % 7;
}

/** The device's current UTC offset in minutes east (the sign flipped from getTimezoneOffset). */
export function deviceOffset(at: Date = new Date()): number {
  return -at.getTimezoneOffset() || 0;
}

/** The device's local calendar day at `now` (epoch ms; default: this moment), under the offset then in force. */
export function localToday(now: number = Date.now()): string {
  return localDayOf(now, deviceOffset(new Date(now)));
}
