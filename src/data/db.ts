// The app's IndexedDB database: one Dexie class, its versioned schema and the migrations between.
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { CheckpointRow, Habit, MetaRow, PredictionRow, StoredEvent, TrainingRunRow } from './entities.ts';
import { migrateV1toV2, migrateV2toV3 } from './migrations.ts';

/** IndexedDB name of the app database. */
export const DB_NAME = 'nudge';
/** Current schema version (Dexie version; the native IndexedDB version is 10x this). */
export const DB_VERSION = 3;

/**
 * Schema history. Never edit a shipped entry: add a new version with an upgrade step.
 * v1: habits, events (backup-shaped rows: type, habitId, at, day), meta.
 * v2: events gain t/offset/day/habitKey/key with indexes for screens and learner, habits gain
 *     createdDay/order; the v1 indexes habitId and at are dropped ([habitKey+day] and t serve);
 *     new tables checkpoints, trainingRuns, predictions.
 * v3: habits gain `schedule` (the upgrade makes every existing habit daily); events drop the indexes
 *     [type+t] (never queried) and t (the two readers in time order sort in memory): every event
 *     written costs two index entries fewer, which an import of years of history pays 60,000 times.
 */
export const SCHEMA = {
  1: {
    habits: 'id',
    events: '++id, habitId, at',
    meta: 'key',
  },
  2: {
    habits: 'id, order',
    events: '++id, &key, [habitKey+day], [type+t], t',
    checkpoints: '++id, habitId, [habitId+version], [habitId+active]',
    trainingRuns: '++id, habitId, startedAt',
    predictions: 'habitId',
    meta: 'key',
  },
  3: {
    habits: 'id, order',
    events: '++id, &key, [habitKey+day]',
    checkpoints: '++id, habitId, [habitId+version], [habitId+active]',
    trainingRuns: '++id, habitId, startedAt',
    predictions: 'habitId',
    meta: 'key',
  },
} as const;

/** The Nudge database with typed tables of entities.ts. */
export class AppDB extends Dexie {
  declare habits: EntityTable<Habit, 'id'>;
  declare events: EntityTable<StoredEvent, 'id'>;
  declare checkpoints: EntityTable<CheckpointRow, 'id'>;
  declare trainingRuns: EntityTable<TrainingRunRow, 'id'>;
  declare predictions: Table<PredictionRow, string>;
  declare meta: Table<MetaRow, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Dexie 4.4's optimistic live-query cache keeps an entry (and its aborted signal's listeners)
    // when a query closes mid-read: one leak per screen visit, measured by bench/browser-scale.ts.
    // The screens keep their own optimistic state, so the cache buys nothing here.
    super(name, { cache: 'disabled', ...options });
    this.version(1).stores(SCHEMA[1]);
    this.version(2)
      .stores(SCHEMA[2])
      .upgrade((tx: Transaction) => migrateV1toV2(tx));
    this.version(3)
      .stores(SCHEMA[3])
      .upgrade((tx: Transaction) => migrateV2toV3(tx));
  }
}

/** The stores holding a person's data and what was learned from it; meta (the install marker) is not one. */
export function userTables(db: AppDB) {
  return [db.habits, db.events, db.checkpoints, db.trainingRuns, db.predictions];
}

/** Empties every store of userTables(db); call it inside a transaction over them. */
export async function clearUserData(db: AppDB): Promise<void> {
  await Promise.all(userTables(db).map((t) => t.clear()));
}
