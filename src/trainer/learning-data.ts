// Reads what the learner needs from the database: habits, the event log indexed once for all
// habits, and the active checkpoint of a habit checked against the current architecture.
import type { AppDB } from '../data/db.ts';
import type { CheckpointRow, Habit } from '../data/entities.ts';
import { toLearningEvent } from '../data/eventRow.ts';
import {
  partitionEvents,
  sameSetAside,
  SET_ASIDE_KEY,
  setAsideRecord,
  type SetAsideEvent,
  type SetAsideRecord,
} from '../data/event-check.ts';
import { indexEvents, type EventIndex } from '../learn/dataset.ts';
import { validateCheckpoint } from '../learn/checkpoint.ts';
import { DEFAULT_LAYERS } from '../learn/engine.ts';
import { FEATURE_VERSION } from '../learn/features.ts';
import type { LogEvent } from '../learn/events.ts';
import type { Checkpoint } from '../learn/types.ts';

/**
 * Habits and the event log of one read, indexed once and shared by every habit's samples.
 * `setAside`: stored events with impossible timestamps, left out of `events` (and kept in the database).
 */
export interface LearningData {
  habits: Map<string, Habit>;
  events: LogEvent[];
  index: EventIndex;
  setAside: SetAsideEvent[];
}

/**
 * Reads habits and events (one read transaction, so they are consistent with each other). Events
 * whose time cannot be real are skipped, and listed with their reasons in the meta row
 * 'setAsideEvents' (written only when that list changes).
 */
export async function loadLearningData(db: AppDB): Promise<LearningData> {
  const [habits, rows, stored] = await db.transaction('r', [db.habits, db.events, db.meta], () =>
    Promise.all([db.habits.toArray(), db.events.toArray(), db.meta.get(SET_ASIDE_KEY)]),
  );
  const { ok, setAside } = partitionEvents(rows);
  const record = setAsideRecord(setAside, Date.now());
  if (!sameSetAside(stored, record)) await recordSetAside(db, record);
  const events = ok.map(toLearningEvent);
  return { habits: new Map(habits.map((h) => [h.id, h])), events, index: indexEvents(events), setAside };
}

/** Records (or clears) the list of set-aside events; a failed write (e.g. quota) must not stop learning. */
async function recordSetAside(db: AppDB, record: SetAsideRecord | null): Promise<void> {
  try {
    await db.transaction('rw', db.meta, async () => {
      // Another reader may have recorded the same list meanwhile: keep its first-seen time.
      if (sameSetAside(await db.meta.get(SET_ASIDE_KEY), record)) return;
      if (record) await db.meta.put({ key: SET_ASIDE_KEY, value: record });
      else await db.meta.delete(SET_ASIDE_KEY);
    });
    if (record) console.warn(`[nudge] ${record.summary}`);
  } catch (err) {
    console.warn('[nudge] could not record the events set aside from learning:', err);
  }
}

/** The active checkpoint rows of a habit, newest version first (normally exactly one). */
export async function activeRows(db: AppDB, habitId: string): Promise<CheckpointRow[]> {
  const rows = await db.checkpoints.where('[habitId+active]').equals([habitId, 1]).toArray();
  return rows.sort((a, b) => b.version - a.version);
}

/** The architecture and feature version the app computes now; checkpoints must match both. */
export const EXPECTED = { layers: DEFAULT_LAYERS, featureVersion: FEATURE_VERSION };

/** A stored checkpoint checked for use: the parsed checkpoint, or why it must be set aside. */
export type CheckedCheckpoint =
  | { row: CheckpointRow; ok: true; checkpoint: Checkpoint }
  | { row: CheckpointRow; ok: false; reason: string };

/** Validates a stored row against the current architecture and feature version (never throws). */
export function checkRow(row: CheckpointRow): CheckedCheckpoint {
  const v = validateCheckpoint(row, EXPECTED);
  if (!v.ok) return { row, ok: false, reason: v.reason };
  // The stored version number is the source of truth (it also orders rollbacks).
  return { row, ok: true, checkpoint: { ...v.checkpoint, version: row.version } };
}
