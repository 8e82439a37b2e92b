// Reads a backup file into the database: validate everything first, then one rw transaction.
import { faultPoint } from '../fault-points.ts';
import { localDayOf, parseInstant } from '../../learn/time.ts';
import { withDb } from '../connection.ts';
import { type AppDB, clearUserData, userTables } from '../db.ts';
import type { CheckpointRow, Habit, StoredEvent } from '../entities.ts';
import { ImportError } from '../errors.ts';
import { toStoredEvent } from '../eventRow.ts';
import type { BackupCheckpoint, BackupFile, BackupHabit } from './backup-file.ts';
import type { AdamState } from '../../learn/nn/adam.ts';
import { parseBackup } from './validate.ts';
import { refreshDataMarker } from '../storage.ts';
import { DAILY } from '../../habits/schedule.ts';

/** What an import did; `habitsUpdated` counts habits here whose creation time moved earlier. */
export interface ImportResult {
  habitsAdded: number;
  habitsUpdated: number;
  eventsAdded: number;
  eventsSkipped: number;
}

function habitRow(h: BackupHabit, order: number): Habit {
  const inst = parseInstant(h.createdAt)!; // validated
  const row: Habit = {
    id: h.id,
    name: h.name,
    createdAt: h.createdAt,
    createdDay: localDayOf(inst.t, inst.offset),
    archivedAt: h.archivedAt,
    order,
    reminderTime: h.reminderTime ?? null,
    color: h.color ?? null,
    schedule: h.schedule ?? DAILY,
  };
  if (h.demo) row.demo = true;
  return row;
}

/** The network's parameters and optimizer state as Float32Arrays. */
function networkIn(n: Pick<BackupCheckpoint, 'weights' | 'biases' | 'optimizer'>): {
  weights: Float32Array[];
  biases: Float32Array[];
  optimizer: AdamState;
} {
  const f = (xs: number[][]): Float32Array[] => xs.map((x) => Float32Array.from(x));
  const o = n.optimizer;
  return {
    weights: f(n.weights),
    biases: f(n.biases),
    optimizer: { step: o.step, mW: f(o.mW), vW: f(o.vW), mB: f(o.mB), vB: f(o.vB) },
  };
}

function checkpointRow(c: BackupCheckpoint, active: 0 | 1): CheckpointRow {
  // Without sync counts the trainer repairs the learner from the imported history before it uses it.
  const { active: _a, ...rest } = c;
  return { ...rest, ...networkIn(c), active } as CheckpointRow;
}

/**
 * Merge rule for a habit already here: merge only adds, so its name, archive state, reminder,
 * colour and order stay as they are here (Replace is the way to take the file's). Only an earlier
 * creation in the file is adopted, because the file's events may predate the creation here.
 */
function mergedHabit(old: Habit, incoming: Habit): Habit {
  // By local day first: the day is what gates marks, and an earlier instant in another offset can fall on a later day.
  const oldT = parseInstant(old.createdAt)?.t ?? Infinity;
  const earlier =
    incoming.createdDay < old.createdDay ||
    (incoming.createdDay === old.createdDay && parseInstant(incoming.createdAt)!.t < oldT);
  return earlier ? { ...old, createdAt: incoming.createdAt, createdDay: incoming.createdDay } : old;
}

function sameHabit(a: Habit, b: Habit): boolean {
  return (Object.keys({ ...a, ...b }) as (keyof Habit)[]).every((k) => a[k] === b[k]);
}

async function writeCheckpoints(db: AppDB, list: BackupCheckpoint[]): Promise<void> {
  const byHabit = new Map<string, BackupCheckpoint[]>();
  for (const c of list) byHabit.set(c.habitId, [...(byHabit.get(c.habitId) ?? []), c]);
  for (const [habitId, cs] of byHabit) {
    const have = await db.checkpoints.where('habitId').equals(habitId).toArray();
    const versions = new Set(have.map((c) => c.version));
    const fresh = cs.filter((c) => !versions.has(c.version));
    if (!fresh.length) continue;
    // Only a habit without an active model gets one from the file: never override a newer local one.
    const needsActive = !have.some((c) => c.active === 1);
    const chosen = fresh.find((c) => c.active) ?? fresh.reduce((a, b) => (b.version > a.version ? b : a));
    await db.checkpoints.bulkAdd(fresh.map((c) => checkpointRow(c, needsActive && c === chosen ? 1 : 0)));
  }
}

/** Reports how far the write is: events written so far, of all to write. */
export type ImportProgress = (done: number, total: number) => void;

/** Events written per step of the one transaction, so the progress bar moves. */
const EVENTS_PER_STEP = 10_000;

/**
 * Imports a backup file's text. 'replace' swaps all habits, events and models for the file's;
 * 'merge' only adds what is new (habits by id, events by type/habit/time/day): a habit already here
 * keeps its settings and takes only an earlier creation time, so importing twice adds nothing.
 * Throws ImportError listing every problem, before writing anything; the write is one transaction.
 */
export async function importBackup(
  text: string,
  mode: 'merge' | 'replace',
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  checkMode(mode);
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new ImportError(parsed.errors);
  return importBackupData(parsed.backup, mode, onProgress);
}

function checkMode(mode: string): void {
  if (mode !== 'merge' && mode !== 'replace')
    throw new ImportError([{ path: '', message: `Unknown import mode "${String(mode)}": use merge or replace` }]);
}

/**
 * Writes an already validated backup (parseBackup / validateBackup: a Loop import comes this way)
 * with the rules of importBackup, all or nothing.
 */
export async function importBackupData(
  b: BackupFile,
  mode: 'merge' | 'replace',
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  checkMode(mode);
  const incomingHabits = b.habits.map((h, i) => habitRow(h, h.order ?? i));
  const incomingEvents: StoredEvent[] = b.events.map((e) => toStoredEvent(e)!); // validated

  let result: ImportResult;
  try {
    result = await withDb((db) =>
      db.transaction('rw', userTables(db), async () => {
        const result: ImportResult = { habitsAdded: 0, habitsUpdated: 0, eventsAdded: 0, eventsSkipped: 0 };
        if (mode === 'replace') await clearUserData(db);
        const existing = new Map((await db.habits.toArray()).map((h) => [h.id, h]));
        let nextOrder = Math.max(-1, ...[...existing.values()].map((h) => h.order)) + 1;
        const puts: Habit[] = [];
        for (const h of [...incomingHabits].sort((a, c) => a.order - c.order)) {
          const old = existing.get(h.id);
          if (!old) {
            puts.push(mode === 'replace' ? h : { ...h, order: nextOrder++ });
            result.habitsAdded++;
          } else {
            const merged = mergedHabit(old, h);
            if (!sameHabit(old, merged)) {
              puts.push(merged);
              result.habitsUpdated++;
            }
          }
        }
        await db.habits.bulkPut(puts);
        await faultPoint('import:mid', () => db.habits.count());

        const keys = new Set<string>(mode === 'replace' ? [] : ((await db.events.orderBy('key').keys()) as string[]));
        const adds: StoredEvent[] = [];
        for (const e of incomingEvents) {
          if (keys.has(e.key)) {
            result.eventsSkipped++;
            continue;
          }
          keys.add(e.key);
          adds.push(e);
        }
        for (let i = 0; i < adds.length; i += EVENTS_PER_STEP) {
          await db.events.bulkAdd(adds.slice(i, i + EVENTS_PER_STEP));
          onProgress?.(Math.min(adds.length, i + EVENTS_PER_STEP), adds.length);
        }
        result.eventsAdded = adds.length;
        if (b.checkpoints?.length) await writeCheckpoints(db, b.checkpoints);
        return result;
      }),
    );
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const name = (err as { name?: string })?.name ?? '';
    const why =
      name === 'QuotaExceededError' || /quota/i.test(String((err as Error)?.message))
        ? 'the device has no storage space left'
        : String((err as Error)?.message ?? err);
    throw new ImportError([{ path: '', message: `Could not save the backup (${why}). Nothing was changed.` }]);
  }
  await refreshDataMarker();
  return result;
}
