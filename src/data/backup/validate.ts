// Validates a backup file completely before anything is written. Pure: no Dexie, no DOM.
// Every problem is collected with its path ("events[12].at"), not just the first.
import type { BackupError } from '../errors.ts';
import { describeValue } from '../fields.ts';
import { validateCheckpoints } from './validate-checkpoint.ts';
import { instantProblem } from './instants.ts';
import { checkEvent, checkHabit, createdOf, isHabitId, type HabitIndex } from './validate-rows.ts';
import { jsonErrorPosition } from './json-position.ts';
import {
  BACKUP_VERSION,
  MAX_EVENTS,
  MAX_FILE_BYTES,
  MAX_HABITS,
  type BackupEvent,
  type BackupHabit,
  type BackupFile,
} from './backup-file.ts';

export type { BackupError };

/** At most this many problems are listed; the rest are counted in a last entry. */
export const MAX_LISTED_ERRORS = 200;

/** Collects problems; past the listing cap it only counts them. */
export class Problems {
  readonly list: BackupError[] = [];
  extra = 0;
  private readonly max: number;
  constructor(max: number = MAX_LISTED_ERRORS) {
    this.max = max;
  }
  add(path: string, message: string): void {
    if (this.list.length < this.max) this.list.push({ path, message });
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
export function parseBackup(text: string): { ok: true; backup: BackupFile } | { ok: false; errors: BackupError[] } {
  if (typeof text !== 'string')
    return { ok: false, errors: [{ path: '', message: 'The backup must be text (a .json file)' }] };
  if (text.length > MAX_FILE_BYTES)
    return {
      ok: false,
      errors: [{ path: '', message: `The file is too big: ${mb(text.length)}, the limit is ${mb(MAX_FILE_BYTES)}` }],
    };
  // Editors on Windows often save a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (text.trim() === '')
      return { ok: false, errors: [{ path: '', message: 'This file is not valid JSON: the file is empty' }] };
    const pos = jsonErrorPosition(text);
    const where = pos >= 0 ? ` at ${lineCol(text, pos)}` : '';
    const what =
      pos >= text.length
        ? 'the file ends too early (cut off?)'
        : pos >= 0
          ? `unexpected ${JSON.stringify(text.slice(pos, pos + 12))}`
          : String(err instanceof Error ? err.message : err);
    return { ok: false, errors: [{ path: '', message: `This file is not valid JSON${where}: ${what}` }] };
  }
  return validateBackup(json);
}

/** Validates an already-parsed backup object. Never throws. `listAll` lifts the cap on listed problems. */
export function validateBackup(
  json: unknown,
  opts: { listAll?: boolean } = {},
): { ok: true; backup: BackupFile } | { ok: false; errors: BackupError[] } {
  const p = new Problems(opts.listAll ? Infinity : MAX_LISTED_ERRORS);
  if (!isObject(json)) {
    return {
      ok: false,
      errors: [{ path: '', message: `This is not a Nudge backup: expected a JSON object, got ${describeValue(json)}` }],
    };
  }
  if (json.app !== 'nudge')
    p.add('app', `This is not a Nudge backup: "app" is ${describeValue(json.app)}, expected "nudge"`);
  if (json.kind !== 'backup')
    p.add('kind', `This is not a Nudge backup: "kind" is ${describeValue(json.kind)}, expected "backup"`);
  if (p.count) return { ok: false, errors: p.result() };
  const v = json.version;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return {
      ok: false,
      errors: [{ path: 'version', message: `Backup version must be a whole number, got ${describeValue(v)}` }],
    };
  }
  if (v > BACKUP_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message:
            `This backup was made by a newer Nudge: version ${v}, this app reads versions 1 to ${BACKUP_VERSION}. ` +
            'Update the app and try again.',
        },
      ],
    };
  }
  if (v < 1)
    return {
      ok: false,
      errors: [
        { path: 'version', message: `Unknown backup version ${v}: this app reads versions 1 to ${BACKUP_VERSION}` },
      ],
    };

  const exportedAtProblem = instantProblem(json.exportedAt);
  if (exportedAtProblem) p.add('exportedAt', exportedAtProblem);
  if (json.timeZone !== undefined && json.timeZone !== null && typeof json.timeZone !== 'string')
    p.add('timeZone', `must be text such as "Europe/Paris", got ${describeValue(json.timeZone)}`);

  const ids = new Set<string>();
  const habits = validateHabits(json.habits, ids, p);
  // Events are judged against the file's own creation times (a merge keeps the earlier of the two).
  const events = validateEvents(json.events, { ids, created: new Map(habits.map((h) => [h.id, createdOf(h)])) }, p);
  const checkpoints =
    json.checkpoints === undefined || json.checkpoints === null
      ? undefined
      : validateCheckpoints(json.checkpoints, ids, p);
  if (p.count) return { ok: false, errors: p.result() };
  const backup: BackupFile = {
    app: 'nudge',
    kind: 'backup',
    version: v as 1 | 2,
    exportedAt: json.exportedAt as string,
    habits,
    events,
  };
  if (typeof json.timeZone === 'string') backup.timeZone = json.timeZone;
  if (checkpoints) backup.checkpoints = checkpoints;
  return { ok: true, backup };
}

/** Valid habits; `ids` receives every well-formed id, so one bad habit field does not also flag its events. */
function validateHabits(list: unknown, ids: Set<string>, p: Problems): BackupHabit[] {
  if (!Array.isArray(list)) {
    p.add('habits', `must be a list, got ${describeValue(list)}`);
    return [];
  }
  if (list.length > MAX_HABITS) {
    p.add('habits', `Too many habits: ${list.length}, the limit is ${MAX_HABITS}`);
    return [];
  }
  const out: BackupHabit[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((h: unknown, i) => {
    const at = `habits[${i}]`;
    const { habit, problems } = checkHabit(h);
    let duplicate = false;
    const id = isObject(h) ? h.id : undefined;
    if (isHabitId(id)) {
      duplicate = firstIndex.has(id);
      if (duplicate)
        problems.unshift({
          field: 'id',
          message: `Duplicate habit id "${id}" (already used by habits[${firstIndex.get(id)}])`,
        });
      else {
        firstIndex.set(id, i);
        ids.add(id);
      }
    }
    for (const f of problems) p.add(f.field ? `${at}.${f.field}` : at, f.message);
    if (habit && !duplicate) out.push(habit);
  });
  return out;
}

function validateEvents(list: unknown, habits: HabitIndex, p: Problems): BackupEvent[] {
  if (!Array.isArray(list)) {
    p.add('events', `must be a list, got ${describeValue(list)}`);
    return [];
  }
  if (list.length > MAX_EVENTS) {
    p.add('events', `Too many events: ${list.length}, the limit is ${MAX_EVENTS}`);
    return [];
  }
  const out: BackupEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const { event, problems } = checkEvent(list[i], habits);
    for (const f of problems) p.add(f.field ? `events[${i}].${f.field}` : `events[${i}]`, f.message);
    if (event) out.push(event);
  }
  return out;
}
