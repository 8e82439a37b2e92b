// Validates a backup file completely before anything is written. Pure: no Dexie, no DOM.
// Every problem is collected with its path ("events[12].at"), not just the first.
import { EVENT_TYPES, HABIT_EVENT_TYPES, type EventType } from '../../learn/events.ts';
import { localDayOf, parseInstant } from '../../learn/time.ts';
import type { BackupError } from '../errors.ts';
import { checkColor, checkName, checkReminderTime, describe, MAX_ID_LENGTH } from '../fields.ts';
import { validateCheckpoints } from './validate-checkpoint.ts';
import { dayProblem, instantProblem } from './instants.ts';
import { jsonErrorPosition } from './json-position.ts';
import {
  BACKUP_VERSION, MAX_EVENTS, MAX_FILE_BYTES, MAX_HABITS,
  type BackupEventV1, type BackupHabitV1, type BackupV1,
} from './format.ts';

export type { BackupError };

/** At most this many problems are listed; the rest are counted in a last entry. */
export const MAX_LISTED_ERRORS = 200;

/** Collects problems; past the listing cap it only counts them. */
export class Problems {
  readonly list: BackupError[] = [];
  extra = 0;
  add(path: string, message: string): void {
    if (this.list.length < MAX_LISTED_ERRORS) this.list.push({ path, message });
    else this.extra++;
  }
  get count(): number {
    return this.list.length + this.extra;
  }
  result(): BackupError[] {
    return this.extra ? [...this.list, { path: '', message: `…and ${this.extra} more problems` }] : this.list;
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Line and column (1-based) of a character position in text. */
function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

/** Parses and validates a backup file's text. Never throws. */
export function parseBackup(text: string): { ok: true; backup: BackupV1 } | { ok: false; errors: BackupError[] } {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: '', message: 'The backup must be text (a .json file)' }] };
  if (text.length > MAX_FILE_BYTES)
    return { ok: false, errors: [{ path: '', message: `The file is too big: ${mb(text.length)}, the limit is ${mb(MAX_FILE_BYTES)}` }] };
  // Editors on Windows often save a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (text.trim() === '') return { ok: false, errors: [{ path: '', message: 'This file is not valid JSON: the file is empty' }] };
    const pos = jsonErrorPosition(text);
    const where = pos >= 0 ? ` at ${lineCol(text, pos)}` : '';
    const what = pos >= text.length ? 'the file ends too early (cut off?)'
      : pos >= 0 ? `unexpected ${JSON.stringify(text.slice(pos, pos + 12))}` : String(err instanceof Error ? err.message : err);
    return { ok: false, errors: [{ path: '', message: `This file is not valid JSON${where}: ${what}` }] };
  }
  return validateBackup(json);
}

/** Validates an already-parsed backup object. Never throws. */
export function validateBackup(json: unknown): { ok: true; backup: BackupV1 } | { ok: false; errors: BackupError[] } {
  const p = new Problems();
  if (!isObject(json)) {
    return { ok: false, errors: [{ path: '', message: `This is not a Nudge backup: expected a JSON object, got ${describe(json)}` }] };
  }
  if (json.app !== 'nudge') p.add('app', `This is not a Nudge backup: "app" is ${describe(json.app)}, expected "nudge"`);
  if (json.kind !== 'backup') p.add('kind', `This is not a Nudge backup: "kind" is ${describe(json.kind)}, expected "backup"`);
  if (p.count) return { ok: false, errors: p.result() };
  const v = json.version;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return { ok: false, errors: [{ path: 'version', message: `Backup version must be a whole number, got ${describe(v)}` }] };
  }
  if (v > BACKUP_VERSION) {
    return { ok: false, errors: [{ path: 'version', message: `This backup was made by a newer Nudge: version ${v}, this app reads ${BACKUP_VERSION}. Update the app and try again.` }] };
  }
  if (v < 1) return { ok: false, errors: [{ path: 'version', message: `Unknown backup version ${v}: this app reads ${BACKUP_VERSION}` }] };

  const exportedAtProblem = instantProblem(json.exportedAt);
  if (exportedAtProblem) p.add('exportedAt', `exportedAt: ${exportedAtProblem}`);
  if (json.timeZone !== undefined && json.timeZone !== null && typeof json.timeZone !== 'string')
    p.add('timeZone', `timeZone must be text such as "Europe/Paris", got ${describe(json.timeZone)}`);

  const ids = new Set<string>();
  const habits = validateHabits(json.habits, ids, p);
  const events = validateEvents(json.events, ids, p);
  const checkpoints = json.checkpoints === undefined || json.checkpoints === null ? undefined : validateCheckpoints(json.checkpoints, ids, p);
  if (p.count) return { ok: false, errors: p.result() };
  const backup: BackupV1 = { app: 'nudge', kind: 'backup', version: 1, exportedAt: json.exportedAt as string, habits, events };
  if (typeof json.timeZone === 'string') backup.timeZone = json.timeZone;
  if (checkpoints) backup.checkpoints = checkpoints;
  return { ok: true, backup };
}

/** Valid habits; `ids` receives every well-formed id, so one bad habit field does not also flag its events. */
function validateHabits(list: unknown, ids: Set<string>, p: Problems): BackupHabitV1[] {
  if (!Array.isArray(list)) {
    p.add('habits', `habits must be a list, got ${describe(list)}`);
    return [];
  }
  if (list.length > MAX_HABITS) {
    p.add('habits', `Too many habits: ${list.length}, the limit is ${MAX_HABITS}`);
    return [];
  }
  const out: BackupHabitV1[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((h: unknown, i) => {
    const at = `habits[${i}]`;
    if (!isObject(h)) return p.add(at, `Habit must be an object, got ${describe(h)}`);
    const before = p.count;
    if (typeof h.id !== 'string' || h.id.length === 0 || h.id.length > MAX_ID_LENGTH) {
      p.add(`${at}.id`, `Habit id must be text of 1 to ${MAX_ID_LENGTH} characters, got ${describe(h.id)}`);
    } else if (firstIndex.has(h.id)) {
      p.add(`${at}.id`, `Duplicate habit id "${h.id}" (already used by habits[${firstIndex.get(h.id)}])`);
    } else {
      firstIndex.set(h.id, i);
      ids.add(h.id);
    }
    const name = checkName(h.name);
    if (!name.ok) p.add(`${at}.name`, name.message);
    const created = instantProblem(h.createdAt);
    if (created) p.add(`${at}.createdAt`, `createdAt: ${created}`);
    if (h.archivedAt !== undefined && h.archivedAt !== null) {
      const archived = instantProblem(h.archivedAt);
      if (archived) p.add(`${at}.archivedAt`, `archivedAt must be null or a timestamp: ${archived}`);
    }
    const time = checkReminderTime(h.reminderTime);
    if (time) p.add(`${at}.reminderTime`, time);
    const color = checkColor(h.color);
    if (color) p.add(`${at}.color`, color);
    if (h.order !== undefined && (typeof h.order !== 'number' || !Number.isFinite(h.order)))
      p.add(`${at}.order`, `order must be a number, got ${describe(h.order)}`);
    if (h.demo !== undefined && typeof h.demo !== 'boolean') p.add(`${at}.demo`, `demo must be true or false, got ${describe(h.demo)}`);
    if (p.count !== before || !name.ok) return;
    const habit: BackupHabitV1 = {
      id: h.id as string, name: name.value, createdAt: h.createdAt as string, archivedAt: (h.archivedAt as string | null | undefined) ?? null,
      reminderTime: (h.reminderTime as string | null | undefined) ?? null, color: (h.color as string | null | undefined) ?? null,
    };
    if (typeof h.order === 'number') habit.order = h.order;
    if (h.demo === true) habit.demo = true;
    out.push(habit);
  });
  return out;
}

function validateEvents(list: unknown, habitIds: ReadonlySet<string>, p: Problems): BackupEventV1[] {
  if (!Array.isArray(list)) {
    p.add('events', `events must be a list, got ${describe(list)}`);
    return [];
  }
  if (list.length > MAX_EVENTS) {
    p.add('events', `Too many events: ${list.length}, the limit is ${MAX_EVENTS}`);
    return [];
  }
  const out: BackupEventV1[] = [];
  for (let i = 0; i < list.length; i++) {
    const e: unknown = list[i];
    const at = `events[${i}]`;
    if (!isObject(e)) {
      p.add(at, `Event must be an object, got ${describe(e)}`);
      continue;
    }
    const before = p.count;
    const type = e.type as EventType;
    const known = typeof e.type === 'string' && (EVENT_TYPES as readonly string[]).includes(e.type);
    if (!known) p.add(`${at}.type`, `Unknown event type ${describe(e.type)}: expected one of ${EVENT_TYPES.join(', ')}`);
    const forHabit = known && HABIT_EVENT_TYPES.includes(type);
    const hasHabit = e.habitId !== undefined && e.habitId !== null;
    if (forHabit && !hasHabit) p.add(`${at}.habitId`, `A ${type} event needs a habitId`);
    else if (known && !forHabit && hasHabit) p.add(`${at}.habitId`, `An ${type} event belongs to no habit, but has habitId ${describe(e.habitId)}`);
    else if (hasHabit && typeof e.habitId !== 'string') p.add(`${at}.habitId`, `habitId must be text, got ${describe(e.habitId)}`);
    else if (forHabit && !habitIds.has(e.habitId as string)) p.add(`${at}.habitId`, `No habit with id ${describe(e.habitId)} in this file`);
    const when = instantProblem(e.at);
    if (when) p.add(`${at}.at`, when);
    const hasDay = e.day !== undefined && e.day !== null;
    if (hasDay) {
      const d = dayProblem(e.day);
      if (d) p.add(`${at}.day`, d);
      else if (!when) {
        // A past day is marked later, never in advance.
        const inst = parseInstant(e.at as string)!;
        const recorded = localDayOf(inst.t, inst.offset);
        if ((e.day as string) > recorded) p.add(`${at}.day`, `day ${e.day} is after the day the event was recorded (${recorded}): a day can only be marked afterwards`);
      }
    }
    if (e.demo !== undefined && typeof e.demo !== 'boolean') p.add(`${at}.demo`, `demo must be true or false, got ${describe(e.demo)}`);
    if (p.count !== before) continue;
    const ev: BackupEventV1 = { type, at: e.at as string };
    if (forHabit) ev.habitId = e.habitId as string;
    if (hasDay) ev.day = e.day as string;
    if (e.demo === true) ev.demo = true;
    out.push(ev);
  }
  return out;
}
