// Test helpers for the trainer service: a fresh database per test with a seeded, learnable history,
// a full dump for before/after comparisons, and an in-memory Web Locks stand-in.
import 'fake-indexeddb/auto';
import { AppDB } from '../../../src/data/db.ts';
import type { Habit, StoredEvent } from '../../../src/data/entities.ts';
import { toStoredEvent } from '../../../src/data/eventRow.ts';
import { addDays } from '../../../src/learn/time.ts';
import { mulberry32 } from '../../../src/learn/rng.ts';

let counter = 0;

/** A new, empty database with its own name (tests never share state). */
export function freshDb(): AppDB {
  counter++;
  return new AppDB(`nudge-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/**
 * Adds a habit whose days follow a sticky chain (done today mostly when done yesterday): the
 * network's "yesterday" and streak inputs predict it, the count baselines cannot, so it promotes.
 */
export async function seedHabit(
  db: AppDB,
  opts: { id: string; createdDay: string; days: number; seed: number; stay?: number },
): Promise<{ habit: Habit; doneDays: string[] }> {
  const r = mulberry32(opts.seed);
  const stay = opts.stay ?? 0.9;
  const habit: Habit = {
    id: opts.id,
    name: `Habit ${opts.id}`,
    createdAt: `${opts.createdDay}T08:00:00.000+01:00`,
    createdDay: opts.createdDay,
    archivedAt: null,
    order: 0,
  };
  const rows: StoredEvent[] = [];
  const doneDays: string[] = [];
  let done = r() < 0.5;
  for (let i = 0; i < opts.days; i++) {
    const day = addDays(opts.createdDay, i);
    if (r() > stay) done = !done;
    const open = toStoredEvent({
      type: 'appOpened',
      at: `${day}T07:${String(10 + (i % 40)).padStart(2, '0')}:00.000+01:00`,
    });
    if (open && i % 3 === 0) rows.push(open);
    if (done) {
      doneDays.push(day);
      rows.push(
        toStoredEvent({
          type: 'habitCompleted',
          habitId: opts.id,
          at: `${day}T21:${String(i % 60).padStart(2, '0')}:00.000+01:00`,
        })!,
      );
    } else if (r() < 0.3) {
      rows.push(toStoredEvent({ type: 'habitSkipped', habitId: opts.id, at: `${day}T22:00:00.000+01:00` })!);
    }
  }
  await db.transaction('rw', [db.habits, db.events], async () => {
    await db.habits.put(habit);
    // Keys of appOpened rows may repeat across habits seeded on the same days: skip duplicates.
    for (const e of rows) if (!(await db.events.where('key').equals(e.key).count())) await db.events.add(e);
  });
  return { habit, doneDays };
}

/** Every row of every table, for before/after comparisons. */
export async function dump(db: AppDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** An in-memory LockManager with exclusive/shared modes and ifAvailable, like navigator.locks. */
export function fakeLocks(): LockManager {
  const held = new Map<string, { mode: string; count: number }>();
  const waiters: (() => void)[] = [];
  const free = (): void => {
    for (const w of waiters.splice(0)) w();
  };
  const canTake = (name: string, mode: string): boolean => {
    const h = held.get(name);
    return !h || (h.mode === 'shared' && mode === 'shared');
  };
  const lm = {
    async request(name: string, optsOrCb: unknown, maybeCb?: unknown): Promise<unknown> {
      const opts = (typeof optsOrCb === 'function' ? {} : optsOrCb) as { mode?: string; ifAvailable?: boolean };
      const cb = (typeof optsOrCb === 'function' ? optsOrCb : maybeCb) as (l: unknown) => Promise<unknown>;
      const mode = opts.mode ?? 'exclusive';
      if (!canTake(name, mode)) {
        if (opts.ifAvailable) return cb(null);
        while (!canTake(name, mode)) await new Promise<void>((res) => waiters.push(res));
      }
      const h = held.get(name);
      if (h) h.count++;
      else held.set(name, { mode, count: 1 });
      try {
        return await cb({ name, mode });
      } finally {
        const x = held.get(name)!;
        if (--x.count === 0) held.delete(name);
        free();
      }
    },
    async query() {
      return { held: [...held.entries()].map(([name, h]) => ({ name, mode: h.mode })), pending: [] };
    },
  };
  return lm as unknown as LockManager;
}
