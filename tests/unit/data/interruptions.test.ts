// Randomised interruptions of every multi-row write: import (merge and replace), training, deleting a
// habit, adding and removing the sample history. Each case starts from the same stored state, is cut
// either at a named fault point (throw) or by aborting the IndexedDB transaction at a random request
// (a DBCore middleware counts every request and aborts the n-th, as a killed page would), and is
// followed by the integrity check of every table: an interrupted operation leaves every table
// byte-for-byte as it was, and the database is sound whether or not the cut landed.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DBCoreTable, Middleware, DBCore } from 'dexie';
import { importBackup } from '../../../src/data/backup/import.ts';
import type { BackupFile } from '../../../src/data/backup/backup-file.ts';
import { getDb } from '../../../src/data/connection.ts';
import { DB_NAME } from '../../../src/data/db.ts';
import { addDemoHistory, removeDemoHistory } from '../../../src/data/demo.ts';
import type { FaultPointName } from '../../../src/data/fault-points.ts';
import { deleteHabit } from '../../../src/data/repo.ts';
import { localDayOf } from '../../../src/learn/time.ts';
import { trainAndStore } from '../../../src/trainer/train-service.ts';
import { checkIntegrity, diffSnapshots, readAllStores, type DbSnapshot } from '../../support/integrity.ts';
import { freshDb } from './helpers.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const TODAY = localDayOf(NOW.getTime(), 0);
const CASES = 66;

/** The request counter every case's database runs through; it counts and cuts only when armed. */
const cut: { armed: boolean; count: number; at: number; trans?: unknown } = { armed: false, count: 0, at: Infinity };

const interrupting: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'interrupt-at-request',
  create: (down) => ({
    ...down,
    table(name: string): DBCoreTable {
      const t = down.table(name);
      const gate = <R extends { trans: unknown }, T>(req: R, go: (r: R) => Promise<T>): Promise<T> => {
        // Requests made together with the cut one fail because of it: they report the cut, not its echo.
        if (cut.armed && cut.trans === req.trans)
          return Promise.reject(new Error(`injected: transaction aborted at request ${cut.at} (${name})`));
        if (cut.armed && ++cut.count === cut.at) {
          cut.trans = req.trans;
          // What a kill does to an open transaction: abort it, so nothing of it is committed.
          try {
            (req.trans as IDBTransaction).abort();
          } catch {
            // Already finished or aborted.
          }
          return Promise.reject(new Error(`injected: transaction aborted at request ${cut.count} (${name})`));
        }
        return go(req);
      };
      return {
        ...t,
        get: (r) => gate(r, t.get),
        getMany: (r) => gate(r, t.getMany),
        query: (r) => gate(r, t.query),
        openCursor: (r) => gate(r, t.openCursor),
        count: (r) => gate(r, t.count),
        mutate: (r) => gate(r, t.mutate),
      };
    },
  }),
};

type Rows = Record<string, unknown[]>;

/** A fresh database holding `rows`, with the counter installed (disarmed). */
async function restore(rows: Rows): Promise<void> {
  await freshDb();
  const db = getDb();
  db.use(interrupting);
  await db.open(); // so the raw snapshot never creates the database itself
  for (const [name, list] of Object.entries(rows)) if (list.length) await db.table(name).bulkAdd(structuredClone(list));
}

async function dumpRows(): Promise<Rows> {
  const out: Rows = {};
  for (const t of getDb().tables) out[t.name] = await t.toArray();
  return out;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid backup of 1-3 new habits with up to 60 events, renaming one existing habit (a merge updates it). */
function randomBackup(r: () => number, existingId: string): BackupFile {
  const n = 1 + Math.floor(r() * 3);
  const habits: BackupFile['habits'] = Array.from({ length: n }, (_, i) => ({
    id: `file-${i}`,
    name: `From file ${i}`,
    createdAt: '2026-06-01T08:00:00.000+02:00',
    archivedAt: null,
  }));
  habits.push({
    id: existingId,
    name: `Renamed ${Math.floor(r() * 1000)}`,
    createdAt: '2026-06-01T08:00:00.000+02:00',
    archivedAt: null,
  });
  const seen = new Set<string>();
  const events: BackupFile['events'] = [];
  const count = Math.floor(r() * 60);
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(r() * 28);
    const month = 6 + Math.floor(r() * 3);
    const two = (n: number) => String(n).padStart(2, '0');
    const at = `2026-${two(month)}-${two(day)}T${two(8 + Math.floor(r() * 14))}:15:00.000+02:00`;
    const ev =
      r() < 0.15
        ? { type: 'appOpened' as const, at }
        : {
            type: r() < 0.8 ? ('habitCompleted' as const) : ('habitSkipped' as const),
            habitId: `file-${Math.floor(r() * n)}`,
            at,
          };
    const key = JSON.stringify(ev);
    if (seen.has(key)) continue;
    seen.add(key);
    events.push(ev);
  }
  return { app: 'nudge', kind: 'backup', version: 1, exportedAt: NOW.toISOString(), habits, events };
}

interface Op {
  name: string;
  start: 'base' | 'empty';
  points: FaultPointName[];
  run: () => Promise<unknown>;
}

let base: Rows;
let demoIds: string[];

function pickOp(r: () => number, i: number): Op {
  const habit = demoIds[Math.floor(r() * demoIds.length)];
  switch (i % 6) {
    case 0:
    case 1: {
      const mode = i % 6 === 0 ? 'merge' : 'replace';
      const text = JSON.stringify(randomBackup(r, habit));
      return { name: `import ${mode}`, start: 'base', points: ['import:mid'], run: () => importBackup(text, mode) };
    }
    case 2:
      return {
        name: `train ${habit}`,
        start: 'base',
        points: ['train:after-read', 'train:before-commit'],
        run: () =>
          trainAndStore(
            getDb(),
            { habitIds: [habit], trigger: 'manual', now: NOW.getTime() + 86_400_000, today: TODAY },
            { locks: null },
          ),
      };
    case 3:
      return { name: `deleteHabit ${habit}`, start: 'base', points: [], run: () => deleteHabit(habit) };
    case 4:
      return { name: 'removeDemoHistory', start: 'base', points: [], run: () => removeDemoHistory() };
    default:
      return { name: 'addDemoHistory', start: 'empty', points: [], run: () => addDemoHistory(NOW, 0) };
  }
}

async function snapshot(): Promise<DbSnapshot> {
  return readAllStores(DB_NAME);
}

beforeAll(async () => {
  // Armed fault points announce themselves on the console (for browser tests); keep this run quiet.
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  // The starting state: the sample history, trained once (so every habit has an active checkpoint to protect).
  await freshDb();
  await addDemoHistory(NOW, 0);
  const r = await trainAndStore(
    getDb(),
    { habitIds: 'all', trigger: 'manual', now: NOW.getTime(), today: TODAY },
    { locks: null },
  );
  expect(
    r.outcomes.some((o) => o.activeVersion !== null),
    'the base state has at least one trained model',
  ).toBe(true);
  base = await dumpRows();
  demoIds = (base.habits as { id: string }[]).map((h) => h.id);
  const problems = checkIntegrity(await snapshot());
  expect(problems, 'the base state itself is sound').toEqual([]);
}, 20_000);

afterAll(() => {
  vi.restoreAllMocks();
});

afterEach(() => {
  cut.armed = false;
  delete (globalThis as { __nudgeFaults?: unknown }).__nudgeFaults;
});

describe('randomised interruptions', () => {
  it(`${CASES} interrupted writes each leave every table as it was, and the database sound`, async () => {
    const r = rng(20261125);
    const tally: Record<string, number> = {};
    let interrupted = 0;
    for (let i = 0; i < CASES; i++) {
      const op = pickOp(r, i);
      const startRows = op.start === 'base' ? base : {};
      const usePoint = op.points.length > 0 && r() < 0.3;
      let how: string;
      if (usePoint) {
        const point = op.points[Math.floor(r() * op.points.length)];
        how = `throw at ${point}`;
        await restore(startRows);
        (globalThis as { __nudgeFaults?: object }).__nudgeFaults = { [point]: 'throw' };
      } else {
        // Count the operation's requests on an identical database, then cut at a random one of them.
        await restore(startRows);
        const untouched = await snapshot();
        Object.assign(cut, { armed: true, count: 0, at: Infinity, trans: undefined });
        await op.run();
        const total = cut.count;
        cut.armed = false;
        expect(total, `${op.name} makes requests`).toBeGreaterThan(0);
        // The comparison below is only worth something if the whole operation visibly changes the tables.
        expect(diffSnapshots(untouched, await snapshot()), `${op.name} uninterrupted changes the database`).not.toEqual(
          [],
        );
        const at = 1 + Math.floor(r() * total);
        how = `abort at request ${at}/${total}`;
        await restore(startRows);
        Object.assign(cut, { armed: true, count: 0, at, trans: undefined });
      }
      const before = await snapshot();
      const outcome = await op.run().then(
        () => null,
        (e: unknown) => e as Error,
      );
      cut.armed = false;
      delete (globalThis as { __nudgeFaults?: unknown }).__nudgeFaults;
      const after = await snapshot();
      const label = `case ${i}: ${op.name}, ${how}`;
      expect(checkIntegrity(after), `${label}: integrity`).toEqual([]);
      if (outcome) {
        expect(String(outcome.message), `${label}: failed for the injected reason`).toMatch(/injected/);
        expect(diffSnapshots(before, after), `${label}: an interrupted operation changed the database`).toEqual([]);
        interrupted++;
        tally[op.name.split(' ')[0]] = (tally[op.name.split(' ')[0]] ?? 0) + 1;
      }
    }
    // A cut after the last write (e.g. in the bookkeeping read after an import) lets the operation
    // finish: those do not count.
    expect(interrupted, `interrupted operations by kind: ${JSON.stringify(tally)}`).toBeGreaterThanOrEqual(50);
    for (const kind of ['import', 'train', 'deleteHabit', 'removeDemoHistory', 'addDemoHistory'])
      expect(tally[kind] ?? 0, kind).toBeGreaterThan(0);
  }, 60_000);
});
