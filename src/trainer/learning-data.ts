// Reads what the learner needs from the database. A habit whose active checkpoint still matches the history
// it was saved from (nothing changed on its earlier days) needs only the events of the days since: the run
// reads those through the day index and folds them. Otherwise every event is read once and shared: the
// learner is repaired (kept network, rebuilt stages) or rebuilt from scratch.
import type { AppDB } from '../data/db.ts';
import type { CheckpointRow, Habit, LearnerSync, StoredEvent } from '../data/entities.ts';
import { toLearningEvent } from '../data/eventRow.ts';
import {
  partitionEvents,
  type SetAsideEvent,
  type SetAsideRecord,
  SET_ASIDE_KEY,
  sameSetAside,
  setAsideRecord,
} from '../data/event-check.ts';
import { validateCheckpoint } from '../learn/checkpoint.ts';
import { DEFAULT_CONFIG, type LearnConfig } from '../learn/config.ts';
import type { LearnerState } from '../learn/learner.ts';
import { learnerFromCheckpoint } from '../learn/checkpoint.ts';
import { freshLearner, foldDays, rebuildLearner, repairLearner } from '../learn/night.ts';
import { type EventIndex, fastDayNumber, indexEvents } from '../learn/predict/days.ts';
import { FEATURE_VERSION } from '../learn/predict/features.ts';
import { FIRST_DAY, numberToDay } from '../learn/time.ts';
import type { Checkpoint } from '../learn/types.ts';
import { type Schedule, scheduleOf } from '../habits/schedule.ts';

/** What a checkpoint must match: today's architecture, features and stages. */
export const EXPECTED = {
  layers: DEFAULT_CONFIG.network.layers,
  featureVersion: FEATURE_VERSION,
  config: DEFAULT_CONFIG,
};

/** A stored checkpoint checked for use: the parsed checkpoint, or why it must be set aside. */
export type CheckedCheckpoint =
  | { row: CheckpointRow; ok: true; checkpoint: Checkpoint }
  | { row: CheckpointRow; ok: false; reason: string };

/** Validates a stored row against the current architecture, feature version and stages (never throws). */
export function checkRow(row: CheckpointRow): CheckedCheckpoint {
  const v = validateCheckpoint(row, EXPECTED);
  if (!v.ok) return { row, ok: false, reason: v.reason };
  // The stored version number is the source of truth (it also orders rollbacks).
  return { row, ok: true, checkpoint: { ...v.checkpoint, version: row.version } };
}

/** How a habit's learner is brought up to today. */
export type LearnerMode = 'incremental' | 'repair' | 'rebuild';

/** One habit's inputs for a run. */
export interface HabitInputs {
  habit: Habit;
  /** Its active rows, checked; `usable` is the one the run starts from. */
  checked: CheckedCheckpoint[];
  usable: Extract<CheckedCheckpoint, { ok: true }> | null;
  mode: LearnerMode;
  /** The events the learner needs: the days since its checkpoint (incremental), else the whole history. */
  index: EventIndex;
  /** What the history holds before today: stored with the checkpoint this run writes. */
  sync: LearnerSync;
}

/** The habits, each requested habit's inputs, and the events set aside from learning (on a full read). */
export interface LearningInputs {
  habits: Map<string, Habit>;
  inputs: HabitInputs[];
  setAside: SetAsideEvent[] | null;
}

/** The active checkpoint rows of a habit, newest version first (normally exactly one). */
export async function activeRows(db: AppDB, habitId: string): Promise<CheckpointRow[]> {
  const rows = await db.checkpoints.where('[habitId+active]').equals([habitId, 1]).toArray();
  return rows.sort((a, b) => b.version - a.version);
}

/** Events of one habit (or app launches, habitKey '') on days [from, to), through the day index. */
function byDays(db: AppDB, habitKey: string, from: string, to: string) {
  return db.events.where('[habitKey+day]').between([habitKey, from], [habitKey, to], true, false);
}

/** Counts of events before a day: the habit's, and app launches (shared by every habit with the same day). */
interface CountsBefore {
  habit(habitId: string, day: string): Promise<number>;
  opens(day: string): Promise<number>;
}

function countsBefore(db: AppDB): CountsBefore {
  const opens = new Map<string, Promise<number>>();
  return {
    habit: (habitId, day) => byDays(db, habitId, FIRST_DAY, day).count(),
    opens(day) {
      const known = opens.get(day);
      if (known) return known;
      const n = byDays(db, '', FIRST_DAY, day).count();
      opens.set(day, n);
      return n;
    },
  };
}

/** True when a checkpoint can be continued: nothing changed before its learner's next day since it was saved. */
async function continuable(
  c: Extract<CheckedCheckpoint, { ok: true }>,
  counts: CountsBefore,
  newer: Promise<StoredEvent[]>,
): Promise<boolean> {
  const sync = c.row.sync;
  if (!sync) return false;
  const next = numberToDay(c.checkpoint.learner.context.next);
  const id = c.checkpoint.habitId;
  const [late, habitEvents, opens] = await Promise.all([
    newer.then((rows) => rows.some((e) => e.day < next && (e.habitKey === id || e.habitKey === ''))),
    counts.habit(id, next),
    counts.opens(next),
  ]);
  return !late && habitEvents === sync.habitEvents && opens === sync.opens;
}

/**
 * Reads habits and, for each requested habit, its active checkpoint and the events its learner needs, in one
 * read transaction (so they are consistent with each other). Events whose time cannot be real are skipped and,
 * on a full read, listed in the meta row 'setAsideEvents'.
 */
export async function readLearningInputs(db: AppDB, ids: string[] | 'all', today: string): Promise<LearningInputs> {
  // Every request that does not need an earlier one's answer goes out with it: each awaited request costs a
  // round trip to the browser's storage process, and the nightly run's reads are small.
  const read = await db.transaction('r', [db.habits, db.events, db.checkpoints, db.meta], async () => {
    const [habitRows, lastEvent] = await Promise.all([db.habits.toArray(), db.events.orderBy(':id').last()]);
    const habits = new Map(habitRows.map((h) => [h.id, h]));
    const targets = (ids === 'all' ? [...habits.values()].filter((h) => !h.archivedAt).map((h) => h.id) : ids)
      .map((id) => habits.get(id))
      .filter((h): h is Habit => h !== undefined);
    const maxEventId = (lastEvent?.id as number | undefined) ?? 0;
    const checked = await Promise.all(targets.map(async (h) => (await activeRows(db, h.id)).map(checkRow)));
    const usable = checked.map((cs) => cs.find((c): c is Extract<CheckedCheckpoint, { ok: true }> => c.ok) ?? null);
    const since = Math.min(...usable.map((u) => u?.row.sync?.maxEventId ?? 0), maxEventId);
    const newer = usable.some((u) => u?.row.sync) ? db.events.where(':id').above(since).toArray() : null;
    const counts = countsBefore(db);
    // The days since each checkpoint are read alongside the checks, for when every habit can be continued.
    const nexts =
      targets.length && usable.every((u) => u?.row.sync) ? usable.map((u) => u!.checkpoint.learner.context.next) : null;
    const recent = nexts
      ? Promise.all([
          Promise.all(targets.map((h, k) => byDays(db, h.id, numberToDay(nexts[k]), '\uffff').toArray())),
          byDays(db, '', numberToDay(Math.min(...nexts)), '\uffff').toArray(),
        ])
      : null;
    // Either may go unused (a full read follows); a failure still surfaces through the transaction.
    for (const p of [newer, recent]) p?.catch(() => undefined);
    const modes: LearnerMode[] = await Promise.all(
      usable.map(async (u) =>
        !u ? 'rebuild' : (await continuable(u, counts, newer ?? Promise.resolve([]))) ? 'incremental' : 'repair',
      ),
    );
    const full = modes.some((m) => m !== 'incremental') ? await db.events.toArray() : null;
    const stored = full ? await db.meta.get(SET_ASIDE_KEY) : undefined;
    const [partial, opens] = full || !recent ? [null, null] : await recent;
    return { habits, targets, checked, usable, modes, full, stored, partial, opens, maxEventId };
  });
  const { habits, targets, checked, usable, modes, full, partial, opens, maxEventId } = read;
  let setAside: SetAsideEvent[] | null = null;
  let shared: EventIndex | null = null;
  if (full) {
    const parts = partitionEvents(full);
    setAside = parts.setAside;
    const record = setAsideRecord(parts.setAside, Date.now());
    if (!sameSetAside(read.stored, record)) await recordSetAside(db, record);
    shared = indexEvents(parts.ok.map(toLearningEvent));
  }
  const inputs = targets.map((habit, k): HabitInputs => {
    const rows = full ?? [...partial![k], ...opens!];
    const index = shared ?? indexEvents(partitionEvents(rows).ok.map(toLearningEvent));
    const u = usable[k];
    const sync =
      modes[k] === 'incremental' && u?.row.sync
        ? syncOf(
            rows,
            habit.id,
            { from: numberToDay(u.checkpoint.learner.context.next), today },
            { ...u.row.sync, maxEventId },
          )
        : syncOf(rows, habit.id, { from: FIRST_DAY, today }, { maxEventId, habitEvents: 0, opens: 0 });
    return { habit, checked: checked[k], usable: u, mode: modes[k], index, sync };
  });
  return { habits, inputs, setAside };
}

/**
 * What the history holds before `today` for a habit: counted from a full read, or the checkpoint's counts plus
 * the rows read for the days since it (`from`: its next day).
 */
function syncOf(
  rows: readonly StoredEvent[],
  habitId: string,
  span: { from: string; today: string },
  base: { maxEventId: number; habitEvents: number; opens: number },
): LearnerSync {
  let { habitEvents, opens } = base;
  for (const e of rows) {
    if (e.day < span.from || e.day >= span.today) continue;
    if (e.habitKey === habitId) habitEvents++;
    else if (e.habitKey === '') opens++;
  }
  return { maxEventId: base.maxEventId, habitEvents, opens };
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

/**
 * The habit's learner brought up to (not including) `today`: continued from its checkpoint, repaired, or rebuilt.
 * `train` false (a prediction only): a habit with no checkpoint gets the stages without a network, which is all
 * a prediction before its first training has.
 */
export function learnerFor(inp: HabitInputs, today: string, opts: { train: boolean; cfg?: LearnConfig }): LearnerState {
  const cfg = opts.cfg ?? DEFAULT_CONFIG;
  const day = fastDayNumber(today);
  const h = { id: inp.habit.id, createdDay: inp.habit.createdDay, schedule: scheduleOf(inp.habit) };
  const stored = inp.usable ? learnerFromCheckpoint(inp.usable.checkpoint) : null;
  // A checkpoint saved on a later day (the clock or time zone moved back) cannot be unfolded: rebuild.
  if (stored && stored.context.next <= day) {
    if (effectiveMode(inp) === 'incremental') {
      foldDays(stored, inp.index, day, cfg);
      return stored;
    }
    return repairLearner(stored, h, inp.index, day, cfg);
  }
  return opts.train ? rebuildLearner(h, inp.index, day, cfg) : freshLearner(h, inp.index, day, cfg);
}

/** True when two schedules give the same labels. */
function sameSchedule(a: Schedule, b: Schedule): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How the habit's learner will be brought up to today: a checkpoint whose schedule is no longer the habit's is
 * repaired (another schedule gives other labels), else as the read decided.
 */
export function effectiveMode(inp: HabitInputs): LearnerMode {
  if (inp.mode !== 'incremental' || !inp.usable) return inp.mode;
  return sameSchedule(inp.usable.checkpoint.learner.schedule, scheduleOf(inp.habit)) ? 'incremental' : 'repair';
}
