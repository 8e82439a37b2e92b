// Converting schema-v1 rows to v2 under the backup file's own rules (validate-rows.ts), so a migrated
// database always exports a file its import accepts. Pure: the Dexie step is in migrations.ts.
import { deviceOffset, formatInstant, localDayOf, parseInstant, type Instant } from '../learn/time.ts';
import type { EventType } from '../learn/events.ts';
import { beforeCreation, checkEvent, checkHabit, isHabitId, type FieldProblem } from './backup/validate-rows.ts';
import type { BackupEvent } from './backup/backup-file.ts';
import type { Habit, StoredEvent } from './entities.ts';
import { toStoredEvent } from './eventRow.ts';
import { checkName, MAX_NAME_LENGTH } from './fields.ts';

/** A v1 row the upgrade could not convert faithfully: kept aside with the reason, never dropped. */
export interface QuarantinedRow {
  table: 'habits' | 'events';
  row: unknown;
  reason: string;
}
/** A habit field the upgrade had to fill in or clear: what it was, what it is now, and why. */
export interface Repair {
  table: 'habits';
  id: string;
  field: string;
  was: unknown;
  now: unknown;
  reason: string;
}

/** What the v2 tables get, and what was set aside or repaired on the way. */
export interface ConvertedV1 {
  habits: Habit[];
  events: StoredEvent[];
  dropHabitIds: unknown[];
  dropEventIds: number[];
  quarantine: QuarantinedRow[];
  repairs: Repair[];
}

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
const CONTROL_RE = /[\u0000-\u001f\u007f]/g;
const MS_PER_MIN = 60_000;

function reasonOf(problems: FieldProblem[]): string {
  return problems.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ');
}

/** The earliest moment an event speaks for: its instant, or the start of an earlier day it marks. */
function earliestMoment(e: BackupEvent): Instant {
  const inst = parseInstant(e.at)!;
  if (!e.day || e.day >= localDayOf(inst.t, inst.offset)) return inst;
  return { t: Date.parse(`${e.day}T00:00:00.000Z`) - inst.offset * MS_PER_MIN, offset: inst.offset };
}

/** A usable name from whatever v1 held: cleaned and cut to length, else the id, else "Habit". */
function repairedName(h: Row & { id: string }): string {
  const clean = (v: unknown): string =>
    [
      ...String(v ?? '')
        .replace(CONTROL_RE, ' ')
        .trim(),
    ]
      .slice(0, MAX_NAME_LENGTH)
      .join('')
      .trim();
  for (const candidate of [
    typeof h.name === 'string' || typeof h.name === 'number' ? clean(h.name) : '',
    clean(h.id),
  ]) {
    if (checkName(candidate).ok) return candidate;
  }
  return 'Habit';
}

/**
 * Converts v1 habits and events. Events the backup rules refuse (unknown type, no offset, a habit
 * that does not exist, a day marked in advance or before the habit's creation, a malformed day)
 * and exact duplicates are quarantined; an appOpened loses a stray habitId (it means nothing
 * there). A habit keeps every field the rules accept; a field they refuse is filled in (createdAt:
 * its earliest event, else `now`; archivedAt: `now`, it stays archived) or cleared, and recorded.
 */
export function convertV1(v1Habits: Row[], v1Events: (Row & { id: number })[], now: Date): ConvertedV1 {
  const out: ConvertedV1 = { habits: [], events: [], dropHabitIds: [], dropEventIds: [], quarantine: [], repairs: [] };
  const kept: (Row & { id: string })[] = [];
  for (const h of v1Habits) {
    if (isHabitId(h.id)) kept.push(h as Row & { id: string });
    else {
      out.quarantine.push({
        table: 'habits',
        row: h,
        reason: reasonOf(checkHabit(h).problems.filter((f) => f.field === 'id')),
      });
      out.dropHabitIds.push(h.id);
    }
  }
  const ids = new Set(kept.map((h) => h.id));

  const candidates: { old: Row & { id: number }; e: BackupEvent }[] = [];
  const refuse = (old: Row & { id: number }, reason: string): void => {
    out.quarantine.push({ table: 'events', row: old, reason });
    out.dropEventIds.push(old.id);
  };
  for (const old of v1Events) {
    const input: Row = { type: old.type, habitId: old.habitId, at: old.at, day: old.day ?? undefined };
    if (old.type === 'appOpened') delete input.habitId;
    if (old.demo === true) input.demo = true;
    // Creation days are not known yet (a habit without one takes its earliest event's): checked below.
    const { event, problems } = checkEvent(input, { ids, created: new Map() });
    if (event) candidates.push({ old, e: event });
    else refuse(old, reasonOf(problems));
  }

  const earliest = new Map<string, Instant>();
  for (const { e } of candidates) {
    if (!e.habitId) continue;
    const m = earliestMoment(e);
    if (m.t < (earliest.get(e.habitId)?.t ?? Infinity)) earliest.set(e.habitId, m);
  }
  const nowAt = formatInstant(now.getTime(), deviceOffset(now));
  const habits = kept.map((h) => {
    const bad = new Map(checkHabit(h).problems.map((f) => [f.field, f.message]));
    const repaired: Row = {};
    const repair = (field: string, value: unknown, how: string): void => {
      repaired[field] = value;
      out.repairs.push({
        table: 'habits',
        id: h.id,
        field,
        was: h[field],
        now: value,
        reason: `${bad.get(field)}: ${how}`,
      });
    };
    if (bad.has('name')) repair('name', repairedName(h), 'cleaned up');
    if (bad.has('createdAt')) {
      const first = earliest.get(h.id);
      if (first) repair('createdAt', formatInstant(first.t, first.offset), 'set to its earliest event');
      else repair('createdAt', nowAt, 'set to the time of the upgrade (it has no events)');
    }
    if (h.archivedAt === false) repair('archivedAt', null, 'not archived');
    else if (bad.has('archivedAt')) repair('archivedAt', nowAt, 'still archived, as of the upgrade');
    if (bad.has('reminderTime')) repair('reminderTime', null, 'cleared');
    if (bad.has('color')) repair('color', null, 'cleared');
    const fixed = { ...h, ...repaired };
    const inst = parseInstant(fixed.createdAt as string)!;
    return { h: fixed, inst };
  });
  // Old habits had no order: keep the order they were created in.
  habits.sort((a, b) => a.inst.t - b.inst.t || a.h.id.localeCompare(b.h.id));
  const created = new Map<string, Instant>();
  out.habits = habits.map(({ h, inst }, i) => {
    const row: Habit = {
      ...(h as object),
      id: h.id,
      name: h.name as string,
      createdAt: h.createdAt as string,
      createdDay: localDayOf(inst.t, inst.offset),
      archivedAt: typeof h.archivedAt === 'string' ? h.archivedAt : null,
      order: i,
      reminderTime: typeof h.reminderTime === 'string' ? h.reminderTime : null,
      color: typeof h.color === 'string' ? h.color : null,
    };
    if (h.demo !== true) delete row.demo;
    created.set(row.id, inst);
    return row;
  });

  const seen = new Set<string>();
  for (const { old, e } of candidates) {
    const row = toStoredEvent({ type: e.type as EventType, habitId: e.habitId, at: e.at, day: e.day, demo: e.demo })!;
    const before = e.habitId
      ? beforeCreation({ at: e.at, day: e.day, habitId: e.habitId }, row.day, created.get(e.habitId)!)
      : null;
    if (before) refuse(old, reasonOf([before]));
    else if (seen.has(row.key)) refuse(old, 'duplicate of an earlier event');
    else {
      seen.add(row.key);
      out.events.push({ ...row, id: old.id });
    }
  }
  return out;
}
