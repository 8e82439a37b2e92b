/**
 * An integrity check of every table of the app's database, the same in Node (fake-indexeddb) and in
 * the browser. Reading is raw IndexedDB (not the app's code, which could hide a fault) in ONE
 * self-contained function, so a spec can run it in a page: `page.evaluate(readAllStores, 'nudge')`.
 * The checks and the comparison run in Node on the JSON-safe snapshot it returns; typed arrays
 * (checkpoint weights) become hex of their bytes, so "intact" means byte-for-byte.
 */

/** A store's rows (JSON-safe), or why it could not be read. */
export type StoreRead = { rows: unknown[] } | { error: string };

/** Every object store of the database, by name. */
export interface DbSnapshot {
  stores: Record<string, StoreRead>;
}

/** The stores the app's current schema has: each must exist and be readable. */
export const APP_STORES = ['habits', 'events', 'checkpoints', 'trainingRuns', 'predictions', 'meta'] as const;

/**
 * Reads every store of database `dbName` with raw IndexedDB in one read-only transaction.
 * Self-contained (no imports, no outer variables): Playwright serialises it into the page.
 */
export async function readAllStores(dbName: string): Promise<DbSnapshot> {
  const hex = (v: ArrayBufferView): string =>
    Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), (b) => b.toString(16).padStart(2, '0')).join('');
  const safe = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return { $typed: (v as object).constructor.name, hex: hex(v) };
    if (Array.isArray(v)) return v.map(safe);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = safe((v as Record<string, unknown>)[k]);
      return out;
    }
    // NaN and infinities survive as text (JSON and the page bridge would blur them).
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    return v;
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(`cannot open ${dbName}: ${open.error?.message}`));
    open.onblocked = () => reject(new Error(`opening ${dbName} is blocked`));
  });
  try {
    const names = Array.from(db.objectStoreNames);
    const stores: Record<string, StoreRead> = {};
    if (!names.length) return { stores };
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve) => {
            try {
              const req = tx.objectStore(name).getAll();
              req.onsuccess = () => {
                stores[name] = { rows: (req.result as unknown[]).map(safe) };
                resolve();
              };
              req.onerror = (ev) => {
                ev.preventDefault();
                stores[name] = { error: String(req.error?.message ?? req.error) };
                resolve();
              };
            } catch (err) {
              stores[name] = { error: String((err as Error)?.message ?? err) };
              resolve();
            }
          }),
      ),
    );
    return { stores };
  } finally {
    db.close();
  }
}

type Row = Record<string, unknown>;

function rowsOf(s: DbSnapshot, name: string): Row[] {
  const r = s.stores[name];
  return r && 'rows' in r ? (r.rows as Row[]) : [];
}

/** Decodes a typed array the snapshot stored as hex (Float32Array for weights). */
export function decodeF32(v: unknown): Float32Array | null {
  const t = v as { $typed?: string; hex?: string };
  if (t?.$typed !== 'Float32Array' || typeof t.hex !== 'string') return null;
  const bytes = Uint8Array.from(t.hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  return new Float32Array(bytes.buffer, 0, bytes.byteLength / 4);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EVENT_TYPES = new Set(['appOpened', 'reminderTapped', 'habitCompleted', 'habitSkipped', 'reminderShown']);

/**
 * Every problem found in a snapshot, as "table[index]: what is wrong" (empty when sound):
 * every store present and readable; habits well-formed; events with a known type, a unique merge
 * key and an existing habit; checkpoints of existing habits, one row per (habit, version), at most
 * ONE active per habit, whole weight arrays (one bias array per weight array, each decodable);
 * runs and predictions of existing habits; predictions a probability.
 */
export function checkIntegrity(s: DbSnapshot): string[] {
  const problems: string[] = [];
  for (const name of APP_STORES) {
    const r = s.stores[name];
    if (!r) problems.push(`${name}: store missing`);
    else if ('error' in r) problems.push(`${name}: unreadable (${r.error})`);
  }
  const habits = rowsOf(s, 'habits');
  const ids = new Set<string>();
  habits.forEach((h, i) => {
    if (typeof h.id !== 'string' || !h.id) problems.push(`habits[${i}]: no id`);
    else if (ids.has(h.id)) problems.push(`habits[${i}]: duplicate id ${h.id}`);
    else ids.add(h.id);
    if (typeof h.name !== 'string') problems.push(`habits[${i}]: name is not text`);
    if (typeof h.createdDay !== 'string' || !DAY.test(h.createdDay))
      problems.push(`habits[${i}]: createdDay ${String(h.createdDay)} is not a day`);
    if (typeof h.order !== 'number') problems.push(`habits[${i}]: order is not a number`);
  });
  const keys = new Set<string>();
  rowsOf(s, 'events').forEach((e, i) => {
    if (!EVENT_TYPES.has(e.type as string)) problems.push(`events[${i}]: unknown type ${String(e.type)}`);
    if (typeof e.key !== 'string' || keys.has(e.key))
      problems.push(`events[${i}]: missing or duplicate key ${String(e.key)}`);
    else keys.add(e.key);
    if (typeof e.t !== 'number' || typeof e.day !== 'string' || !DAY.test(e.day))
      problems.push(`events[${i}]: bad t/day`);
    if (e.habitKey !== ((e.habitId as string | undefined) ?? ''))
      problems.push(`events[${i}]: habitKey ${String(e.habitKey)} does not match habitId`);
    if (e.habitId && !ids.has(e.habitId as string))
      problems.push(`events[${i}]: habit ${String(e.habitId)} does not exist`);
  });
  const versions = new Set<string>();
  const activeOf = new Map<string, number>();
  rowsOf(s, 'checkpoints').forEach((c, i) => {
    const where = `checkpoints[${i}] (${String(c.habitId)} v${String(c.version)})`;
    if (!ids.has(c.habitId as string)) problems.push(`${where}: habit does not exist`);
    const v = `${String(c.habitId)}#${String(c.version)}`;
    if (versions.has(v)) problems.push(`${where}: duplicate version`);
    versions.add(v);
    if (c.active !== 0 && c.active !== 1) problems.push(`${where}: active is ${String(c.active)}`);
    if (c.active === 1) activeOf.set(c.habitId as string, (activeOf.get(c.habitId as string) ?? 0) + 1);
    const w = Array.isArray(c.weights) ? c.weights.map(decodeF32) : null;
    const b = Array.isArray(c.biases) ? c.biases.map(decodeF32) : null;
    if (!w || !b || w.length === 0 || w.length !== b.length || [...w, ...b].some((x) => x === null)) {
      problems.push(`${where}: weights/biases are not whole Float32Array layers`);
    }
  });
  for (const [habit, n] of activeOf) if (n > 1) problems.push(`checkpoints: ${n} active versions for ${habit}`);
  rowsOf(s, 'trainingRuns').forEach((r, i) => {
    if (!ids.has(r.habitId as string)) problems.push(`trainingRuns[${i}]: habit ${String(r.habitId)} does not exist`);
  });
  rowsOf(s, 'predictions').forEach((p, i) => {
    if (!ids.has(p.habitId as string)) problems.push(`predictions[${i}]: habit ${String(p.habitId)} does not exist`);
    if (typeof p.p !== 'number' || !(p.p >= 0 && p.p <= 1))
      problems.push(`predictions[${i}]: p ${JSON.stringify(p.p)} is not a probability`);
  });
  return problems;
}

/** The active checkpoint of each habit, as `habitId -> "v<version>:<weight bytes>"` (for "intact" checks). */
export function activeModels(s: DbSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of rowsOf(s, 'checkpoints')) {
    if (c.active === 1)
      out[c.habitId as string] = `v${String(c.version)}:${JSON.stringify(c.weights)}${JSON.stringify(c.biases)}`;
  }
  return out;
}

/** A snapshot without the meta rows of these keys (bookkeeping a page writes on its own, e.g. when it is hidden). */
export function withoutMeta(s: DbSnapshot, keys: string[]): DbSnapshot {
  const meta = s.stores.meta;
  if (!meta || !('rows' in meta)) return s;
  return {
    stores: { ...s.stores, meta: { rows: (meta.rows as Row[]).filter((r) => !keys.includes(r.key as string)) } },
  };
}

/** Per store, how the two snapshots differ (empty when equal): row counts and the first differing row. */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(before.stores), ...Object.keys(after.stores)]);
  for (const name of names) {
    const a = JSON.stringify(before.stores[name] ?? null);
    const b = JSON.stringify(after.stores[name] ?? null);
    if (a === b) continue;
    const ra = rowsOf(before, name);
    const rb = rowsOf(after, name);
    const i = ra.findIndex((r, k) => JSON.stringify(r) !== JSON.stringify(rb[k]));
    const at = i === -1 ? ra.length : i;
    out.push(
      `${name}: ${ra.length} rows before, ${rb.length} after; ` +
        `first difference at row ${at}: ${JSON.stringify(rb[at] ?? null).slice(0, 200)}`,
    );
  }
  return out;
}
