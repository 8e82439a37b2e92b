// Strict readers for stored records (checkpoints, learner states): every refusal names the field's path
// and what was wrong, so a damaged row or a hand-edited backup is set aside with a reason, never loaded.

/** A stored record that cannot be read; the message starts with the field's path. */
export class RecordError extends Error {}

/** Throws a RecordError for the field at `where`. */
export function fail(where: string, problem: string): never {
  throw new RecordError(where ? `${where}: ${problem}` : problem);
}

/** A value in words for a message: JSON where possible. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** True for a plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** The object at `where`, or a refusal. */
export function record(v: unknown, where: string): Record<string, unknown> {
  if (!isRecord(v)) fail(where, `must be an object, got ${Array.isArray(v) ? 'an array' : shown(v)}`);
  return v;
}

/** A finite number. */
export function finite(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, `must be a finite number, got ${shown(v)}`);
  return v;
}

/** A whole number within [min, max]. */
export function integer(v: unknown, where: string, min: number, max: number): number {
  const n = finite(v, where);
  if (!Number.isInteger(n) || n < min || n > max) fail(where, `must be a whole number from ${min} to ${max}, got ${n}`);
  return n;
}

/** A string. */
export function text(v: unknown, where: string): string {
  if (typeof v !== 'string') fail(where, `must be a string, got ${shown(v)}`);
  return v;
}

/**
 * The numbers of a plain array or typed array (JSON gives arrays, IndexedDB typed arrays), checked finite;
 * `length` when fixed.
 */
export function numbers(v: unknown, where: string, opts: { length?: number } = {}): number[] {
  if (!Array.isArray(v) && !(ArrayBuffer.isView(v) && !(v instanceof DataView)))
    fail(where, `must be an array of numbers, got ${shown(v)}`);
  const a = v as ArrayLike<unknown>;
  if (opts.length !== undefined && a.length !== opts.length)
    fail(where, `must hold ${opts.length} numbers, got ${a.length}`);
  const out = new Array<number>(a.length);
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    if (typeof x !== 'number' || !Number.isFinite(x))
      fail(`${where}[${k}]`, `must be a finite number, got ${shown(x)}`);
    else out[k] = x;
  }
  return out;
}
