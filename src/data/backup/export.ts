// Writes the database out as a backup file, version 2.
import { faultPoint } from '../fault-points.ts';
import { withDb } from '../connection.ts';
import type { CheckpointRow, Habit, StoredEvent } from '../entities.ts';
import { withoutUnreadableRows, type LeftOutRow } from './export-check.ts';
import {
  BACKUP_VERSION,
  type BackupCheckpoint,
  type BackupEvent,
  type BackupHabit,
  type BackupFile,
} from './backup-file.ts';
import { checkpointToJson } from '../../learn/checkpoint.ts';
import { scheduleOf } from '../../habits/schedule.ts';
import { byTime } from '../eventRow.ts';

function habitOut(h: Habit): BackupHabit {
  const out: BackupHabit = {
    id: h.id,
    name: h.name,
    createdAt: h.createdAt,
    archivedAt: h.archivedAt,
    reminderTime: h.reminderTime ?? null,
    color: h.color ?? null,
    order: h.order,
    schedule: scheduleOf(h),
  };
  if (h.demo) out.demo = true;
  return out;
}

function eventOut(e: StoredEvent): BackupEvent {
  // Key order as in DESIGN.md's example: type, habitId, at, day.
  const out: BackupEvent = e.habitId ? { type: e.type, habitId: e.habitId, at: e.at } : { type: e.type, at: e.at };
  if (e.marked) out.day = e.day;
  if (e.demo) out.demo = true;
  return out;
}

function checkpointOut(c: CheckpointRow): BackupCheckpoint {
  // The learning core's own JSON form; the row's id, 0/1 flag and sync counts (which name this database's
  // event ids) stay behind.
  const { id: _id, active, sync: _sync, ...ckpt } = c;
  return { ...(checkpointToJson(ckpt) as BackupCheckpoint), active: active === 1 };
}

/** The device's IANA time zone, when the platform tells. */
function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** What an export wrote, and the rows it left out because its own import would refuse them. */
export interface CheckedExport {
  backup: BackupFile;
  leftOut: LeftOutRow[];
}

/**
 * The whole log as a backup: habits in display order, events in time order with `at` as
 * originally recorded and `day` only for marked past days. Checkpoints only when asked
 * (models retrain from the events; they make the file larger). The file is checked with the
 * import's validator: rows it would refuse are left out and listed (the database is unchanged).
 */
export async function exportBackupChecked(
  now: Date = new Date(),
  opts: { includeCheckpoints?: boolean } = {},
): Promise<CheckedExport> {
  // One read transaction: a consistent snapshot even if a tap lands mid-export.
  const { habits, events, checkpoints } = await withDb((db) =>
    db.transaction('r', [db.habits, db.events, db.checkpoints], async () => ({
      habits: await db.habits.orderBy('order').toArray(),
      events: byTime(await db.events.toArray()),
      checkpoints: opts.includeCheckpoints ? await db.checkpoints.toArray() : null,
    })),
  );
  await faultPoint('export:mid');
  const backup: BackupFile = {
    app: 'nudge',
    kind: 'backup',
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    habits: habits.map(habitOut),
    events: events.map(eventOut),
  };
  const tz = timeZone();
  if (tz) backup.timeZone = tz;
  if (checkpoints) backup.checkpoints = checkpoints.map(checkpointOut);
  return withoutUnreadableRows(backup);
}

/** The checked backup alone, for callers with no one to tell what was left out (exportBackupChecked says). */
export async function exportBackup(
  now: Date = new Date(),
  opts: { includeCheckpoints?: boolean } = {},
): Promise<BackupFile> {
  return (await exportBackupChecked(now, opts)).backup;
}

/** The backup as the text of a .json file (indented by one space: readable, not much larger). */
export function backupToText(b: BackupFile): string {
  return JSON.stringify(b, null, 1);
}
