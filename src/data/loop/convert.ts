// Turns what a Loop export holds into Nudge's normalised data: a backup file (habits with schedule,
// colour, archived flag and reminder time; events with `day`), so the Loop import goes through the
// same validation and the same all-or-nothing write as a backup, plus a summary for the preview.
import { checkName, MAX_NAME_LENGTH } from '../fields.ts';
import { formatInstant, localDayOf } from '../../learn/time.ts';
import { MAX_EVERY_N, scheduleLabel, type Schedule } from '../../habits/schedule.ts';
import { BACKUP_VERSION, type BackupEvent, type BackupFile, type BackupHabit } from '../backup/backup-file.ts';
import { LOOP_VALUE, type LoopData, type LoopEntry, type LoopHabit } from './model.ts';

/** What the preview tells before anything is written. */
export interface LoopSummary {
  format: 'csv' | 'db';
  habits: number;
  archived: number;
  /** Distinct days with a completion or a skip, over all habits. */
  days: number;
  completions: number;
  skips: number;
  firstDay: string | null;
  lastDay: string | null;
  /** What was converted or left out, in words, one line each. */
  notes: string[];
}

/** A Loop export read and converted: the backup to import and its summary. */
export interface LoopImport {
  backup: BackupFile;
  summary: LoopSummary;
}

const CONTROL_RE = /\p{Cc}/gu;

/** The id a Loop habit gets: the same from both exports, so importing either twice adds nothing. */
export function loopHabitId(h: Pick<LoopHabit, 'position' | 'name'>): string {
  return `loop:${String(h.position).padStart(3, '0')}:${[...h.name.trim()].slice(0, 60).join('')}`;
}

/** Loop's "X times in Y days" as a schedule, and a note when it had to be approximated. */
export function scheduleFromFrequency(
  num: number,
  den: number,
  lastDone: string,
): { schedule: Schedule; note: string | null } {
  const said = `${num} time${num === 1 ? '' : 's'} in ${den} days`;
  if (num <= 0 || den <= 0 || num >= den) {
    const note = num === den ? null : `${said} is not a frequency Loop allows: imported as every day`;
    return { schedule: { kind: 'daily' }, note };
  }
  if (den === 7) return { schedule: { kind: 'perWeek', times: num }, note: null };
  if (num === 1) {
    const days = Math.min(den, MAX_EVERY_N);
    const note = den > MAX_EVERY_N ? `every ${den} days is longer than Nudge allows: every ${days} days` : null;
    return { schedule: { kind: 'everyN', days, from: lastDone }, note };
  }
  const times = Math.min(7, Math.max(1, Math.round((7 * num) / den)));
  const schedule: Schedule = times === 7 ? { kind: 'daily' } : { kind: 'perWeek', times };
  return { schedule, note: `${said} became ${scheduleLabel(schedule).toLowerCase()} (the nearest Nudge has)` };
}

/** A name Nudge accepts: control characters out, at most MAX_NAME_LENGTH characters, never empty. */
function cleanName(h: LoopHabit): string {
  const name = [...h.name.replace(CONTROL_RE, ' ').trim()].slice(0, MAX_NAME_LENGTH).join('').trim();
  return checkName(name).ok ? name : `Loop habit ${h.position}`;
}

/** How one entry counts: a completion, a skip, nothing, or a value Loop never writes. */
type Mark = 'done' | 'skip' | 'none' | 'unknown';

function yesNoMark(v: number): Mark {
  if (v === LOOP_VALUE.YES_MANUAL) return 'done';
  if (v === LOOP_VALUE.NO || v === LOOP_VALUE.SKIP) return 'skip';
  if (v === LOOP_VALUE.YES_AUTO || v === LOOP_VALUE.UNKNOWN) return 'none';
  return 'unknown';
}

/** A numerical habit's day against its share of the target: Loop stores amounts x 1000, and 3 as a skip. */
function numericalMark(h: LoopHabit, v: number): Mark {
  if (v === LOOP_VALUE.SKIP) return 'skip';
  if (v < 0) return 'none';
  const share = h.targetValue / Math.max(1, h.freqDen);
  const amount = v / 1000;
  const met = h.targetType === 'atMost' ? amount <= share : amount >= share;
  return met ? 'done' : 'skip';
}

function amountText(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Converts one Loop export; `now` and `offset` (minutes east) stamp the import. */
export function convertLoop(data: LoopData, now: Date, offset: number): LoopImport {
  const t = now.getTime();
  const today = localDayOf(t, offset);
  const nowAt = formatInstant(t, offset);
  const notes: string[] = [];
  const habits: BackupHabit[] = [];
  const events: BackupEvent[] = [];
  const markedDays = new Set<string>();
  let [completions, skips, future, unknown] = [0, 0, 0, 0];
  const sorted = [...data.habits].sort((a, b) => a.position - b.position);
  for (const h of sorted) {
    const id = loopHabitId(h);
    const name = cleanName(h);
    if (name !== h.name.trim())
      notes.push(`“${h.name.trim()}” is named “${name}” (at most ${MAX_NAME_LENGTH} characters)`);
    // One mark per day; Loop writes at most one entry a day, a repeated day keeps the last.
    const byDay = new Map<string, LoopEntry>();
    for (const e of data.entries.get(h.position) ?? []) byDay.set(e.day, e);
    const marks: { day: string; mark: Mark }[] = [];
    for (const e of [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1))) {
      const mark = h.numerical ? numericalMark(h, e.value) : yesNoMark(e.value);
      if (mark === 'unknown') unknown++;
      else if (mark !== 'none' && e.day > today) future++;
      else if (mark !== 'none') marks.push({ day: e.day, mark });
    }
    const done = marks.filter((m) => m.mark === 'done');
    const firstDay = marks[0]?.day ?? today;
    const { schedule, note } = scheduleFromFrequency(h.freqNum, h.freqDen, done[done.length - 1]?.day ?? firstDay);
    if (note) notes.push(`${name}: ${note}`);
    if (h.numerical) {
      const share = amountText(h.targetValue / Math.max(1, h.freqDen));
      const unit = h.unit.trim() ? ` ${h.unit.trim()}` : '';
      const rule = h.targetType === 'atMost' ? `at most ${share}${unit}` : `at least ${share}${unit}`;
      notes.push(`${name} is a numerical habit: a day with ${rule} counts as done, any other amount as skipped`);
    }
    const habit: BackupHabit = {
      id,
      name,
      createdAt: formatInstant(Date.parse(`${firstDay}T00:00:00.000Z`), 0),
      archivedAt: h.archived ? nowAt : null,
      reminderTime: h.reminderTime,
      color: h.color,
      order: habits.length,
      schedule,
    };
    // Created at the first day it has, so creation can never come after an event.
    if (firstDay === today) habit.createdAt = formatInstant(Math.min(Date.parse(`${today}T00:00:00Z`), t), 0);
    habits.push(habit);
    for (const m of marks) {
      // A past day marked for that day: at its last second (UTC), or now for today.
      const end = Date.parse(`${m.day}T23:59:59.000Z`);
      const at = end <= t ? formatInstant(end, 0) : nowAt;
      events.push({ type: m.mark === 'done' ? 'habitCompleted' : 'habitSkipped', habitId: id, at, day: m.day });
      markedDays.add(m.day);
      if (m.mark === 'done') completions++;
      else skips++;
    }
  }
  if (future) notes.push(`${future} entries dated after today were left out`);
  if (unknown) notes.push(`${unknown} entries with values Loop does not write were left out`);
  const days = [...markedDays].sort();
  const backup: BackupFile = {
    app: 'nudge',
    kind: 'backup',
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    habits,
    events,
  };
  return {
    backup,
    summary: {
      format: data.format,
      habits: habits.length,
      archived: habits.filter((h) => h.archivedAt).length,
      days: days.length,
      completions,
      skips,
      firstDay: days[0] ?? null,
      lastDay: days[days.length - 1] ?? null,
      notes,
    },
  };
}
