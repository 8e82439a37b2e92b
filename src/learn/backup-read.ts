// Reads a backup v1 object (already JSON-parsed) into what the learning core needs: habits with
// their creation day and LogEvents. Small and strict, for the replay CLI; the app's import uses the
// full validator in src/data/backup. Every error names the field and index that is wrong. Like the
// app's import, an event repeated in the file (same type, habit, instant and day) counts once.
import { EVENT_TYPES, HABIT_EVENT_TYPES, toLogEvent, type EventType, type HabitInfo, type LogEvent } from './events.ts';
import { FIRST_DAY, isDay, localDayOf, parseInstant } from './time.ts';

/** A backup that cannot be read; `where` is a JSON path like `events[12].at`. */
export class BackupReadError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'BackupReadError';
  }
}

/** The part of a backup the learner uses. */
export interface BackupData {
  timeZone: string | null;
  habits: HabitInfo[];
  events: LogEvent[];
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(where: string, problem: string): never {
  throw new BackupReadError(where, problem);
}

// RFC 3339 / ISO 8601 spellings other tools write for the same instant: a space or lower-case t
// between date and time, lower-case z, an offset without its colon (+0100, Python's %z) or hours only.
const VARIANT_RE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(?:([Zz])|([+-]\d{2}):?(\d{2})?)$/;

/** `at` in the canonical form parseInstant reads (date T time, Z or ±hh:mm); unchanged when not a variant. */
function canonicalInstant(at: string): string {
  const m = VARIANT_RE.exec(at);
  if (!m) return at;
  return `${m[1]}T${m[2]}${m[3] ? 'Z' : `${m[4]}:${m[5] ?? '00'}`}`;
}

function tooEarly(at: string): string {
  return `${JSON.stringify(at)} is before 1970: no Nudge data is that old (a typo in the year?)`;
}

/** Validates and converts a parsed backup; throws BackupReadError naming what is wrong and where. */
export function readBackup(json: unknown): BackupData {
  if (!isObj(json)) fail('(root)', 'expected a JSON object');
  if (json.app !== 'nudge') fail('app', `expected "nudge", got ${JSON.stringify(json.app)}`);
  if (json.kind !== 'backup') fail('kind', `expected "backup", got ${JSON.stringify(json.kind)}`);
  if (typeof json.version !== 'number') fail('version', `expected a number, got ${JSON.stringify(json.version)}`);
  if (json.version > 1) fail('version', `backup version ${json.version} is newer than this app understands (1)`);
  if (json.version !== 1) fail('version', `unsupported backup version ${json.version}`);
  if (!Array.isArray(json.habits)) fail('habits', 'expected an array');
  if (!Array.isArray(json.events)) fail('events', 'expected an array');
  const habits: HabitInfo[] = [];
  const ids = new Set<string>();
  json.habits.forEach((h: unknown, i: number) => {
    const w = `habits[${i}]`;
    if (!isObj(h)) fail(w, 'expected an object');
    if (typeof h.id !== 'string' || h.id === '') fail(`${w}.id`, 'expected a non-empty string');
    if (ids.has(h.id)) fail(`${w}.id`, `duplicate habit id ${JSON.stringify(h.id)}`);
    if (typeof h.createdAt !== 'string') fail(`${w}.createdAt`, 'expected an ISO-8601 string with offset');
    const inst = parseInstant(canonicalInstant(h.createdAt));
    if (!inst) fail(`${w}.createdAt`, `not an ISO-8601 instant with offset: ${JSON.stringify(h.createdAt)}`);
    if (inst.t < 0) fail(`${w}.createdAt`, tooEarly(h.createdAt));
    ids.add(h.id);
    habits.push({ id: h.id, createdDay: localDayOf(inst.t, inst.offset) });
  });
  const events: LogEvent[] = [];
  const seen = new Set<string>();
  json.events.forEach((e: unknown, i: number) => {
    const w = `events[${i}]`;
    if (!isObj(e)) fail(w, 'expected an object');
    if (typeof e.type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(e.type))
      fail(`${w}.type`, `unknown event type ${JSON.stringify(e.type)} (expected one of ${EVENT_TYPES.join(', ')})`);
    const type = e.type as EventType;
    const needsHabit = HABIT_EVENT_TYPES.includes(type);
    if (needsHabit) {
      if (typeof e.habitId !== 'string' || e.habitId === '') fail(`${w}.habitId`, `a ${type} event needs a habitId`);
      if (!ids.has(e.habitId)) fail(`${w}.habitId`, `no habit with id ${JSON.stringify(e.habitId)}`);
    }
    if (typeof e.at !== 'string') fail(`${w}.at`, 'expected an ISO-8601 string with offset');
    if (e.day !== undefined && e.day !== null && !isDay(e.day))
      fail(`${w}.day`, `expected a calendar day YYYY-MM-DD, got ${JSON.stringify(e.day)}`);
    const ev = toLogEvent({
      type,
      habitId: needsHabit ? (e.habitId as string) : null,
      at: canonicalInstant(e.at),
      day: (e.day as string | null | undefined) ?? null,
    });
    if (!ev) fail(`${w}.at`, `not an ISO-8601 instant with offset: ${JSON.stringify(e.at)}`);
    if (ev.t < 0) fail(`${w}.at`, tooEarly(e.at));
    // A past day can be marked later, never earlier: a later day would stretch the replay into the future.
    const recorded = localDayOf(ev.t, ev.offset);
    if (ev.marked && ev.day > recorded)
      fail(`${w}.day`, `day ${ev.day} is after the day the event was recorded (${recorded})`);
    if (ev.day < FIRST_DAY) fail(`${w}.day`, `day ${ev.day} is before 1970: no Nudge data is that old`);
    const key = `${ev.type}|${ev.habitId ?? ''}|${ev.t}|${ev.offset}|${ev.marked ? ev.day : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    events.push(ev);
  });
  return { timeZone: typeof json.timeZone === 'string' ? json.timeZone : null, habits, events };
}
