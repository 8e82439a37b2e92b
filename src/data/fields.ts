// Rules for the fields a person types (habit names, reminder times, colours), shared by the
// repository and the backup validator so both say the same thing about the same input.

/** Longest habit name, in characters (code points). */
export const MAX_NAME_LENGTH = 60;
/** Longest habit id accepted from a backup file. */
export const MAX_ID_LENGTH = 100;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
// Control characters would break layouts and exports; printable text (any script, emoji) is fine.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/** A habit name's length as the limit counts it: characters (code points) after trimming, so an emoji is one. */
export function nameLength(name: string): number {
  return [...name.trim()].length;
}

/** Trims a habit name; returns it, or a message saying what is wrong with it. */
export function checkName(name: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof name !== 'string') return { ok: false, message: `Habit name must be text, got ${describeValue(name)}` };
  const v = name.trim();
  if (v.length === 0) return { ok: false, message: 'Habit name is empty' };
  const len = nameLength(v);
  if (len > MAX_NAME_LENGTH)
    return { ok: false, message: `Habit name is too long: ${len} characters, the limit is ${MAX_NAME_LENGTH}` };
  if (CONTROL_RE.test(v))
    return { ok: false, message: 'Habit name contains control characters (line breaks, tabs...)' };
  return { ok: true, value: v };
}

/** Null when the reminder time is valid ('HH:MM', 24-hour, or null/absent), else a message. */
export function checkReminderTime(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !TIME_RE.test(v))
    return `Reminder time must be HH:MM (24-hour, e.g. "20:30"), got ${describeValue(v)}`;
  return null;
}

/** Null when the colour is valid ('#rrggbb', or null/absent), else a message. */
export function checkColor(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !COLOR_RE.test(v))
    return `Colour must be written #rrggbb (e.g. "#3a7bd5"), got ${describeValue(v)}`;
  return null;
}

/** A short, safe description of a value for error messages (never the whole of a huge string). */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
