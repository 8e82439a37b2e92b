// The learner's state as a stored record (inside each checkpoint) and back. Reading checks the record
// against the shape a fresh learner has under the current settings, field by field, so a record from
// another version of the stages, or a damaged one, is refused with the path of what is wrong.
import type { LearnConfig } from './config.ts';
import type { LearnerState, NetworkState } from './learner.ts';
import { newLearner } from './learner.ts';
import { checkSchedule } from '../habits/schedule.ts';
import { fail, finite, isRecord, numbers, record, shown } from './parse.ts';

/** Everything of a learner but its habit id and network (the checkpoint holds those). */
export type LearnerRecord = Omit<LearnerState, 'habitId' | 'network'>;

/** Arrays whose length grows and shrinks with the data (the rhythm's hypotheses). */
const VARIABLE = new Set(['learner.rhythm.start', 'learner.rhythm.weight', 'learner.rhythm.counts']);

/** The record of a learner (shares its arrays: copy first if the learner goes on changing). */
export function toRecord(s: LearnerState): LearnerRecord {
  const { habitId: _id, network: _net, ...rest } = s;
  return rest;
}

/** A learner from its record and network. */
export function fromRecord(habitId: string, r: LearnerRecord, network: NetworkState | null): LearnerState {
  return { habitId, ...r, network };
}

/** Reads one value like `template` (a number, an array of numbers or arrays, a typed array, an object). */
function readLike(v: unknown, template: unknown, where: string): unknown {
  if (where === 'learner.schedule') {
    // A schedule is checked by the habit rules, which name the bad field.
    const c = checkSchedule(v);
    if (!c.ok) fail(`${where}${c.problems[0].field ? `.${c.problems[0].field}` : ''}`, c.problems[0].message);
    return c.value;
  }
  if (typeof template === 'number') return finite(v, where);
  if (ArrayBuffer.isView(template)) {
    const t = template as Float32Array | Int32Array;
    const xs = numbers(v, where, { length: t.length });
    return t instanceof Int32Array ? Int32Array.from(xs) : Float32Array.from(xs);
  }
  if (Array.isArray(template)) {
    if (!Array.isArray(v)) fail(where, `must be an array, got ${shown(v)}`);
    const variable = VARIABLE.has(where);
    if (!variable && v.length !== template.length) fail(where, `must hold ${template.length} entries, got ${v.length}`);
    const item = template[0];
    if (Array.isArray(item)) return v.map((x, k) => numbers(x, `${where}[${k}]`, { length: item.length }));
    return numbers(v, where);
  }
  if (isRecord(template)) {
    const r = record(v, where);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(template)) out[key] = readLike(r[key], template[key], `${where}.${key}`);
    return out;
  }
  return fail(where, `cannot be read (unexpected template ${shown(template)})`);
}

/** Checks what the shape alone cannot: counts within bounds, weights that are probabilities. */
function checkMeaning(r: LearnerRecord, where: string): void {
  const w = r.window;
  if (!Number.isInteger(w.count) || w.count < 0 || w.count > w.cap)
    fail(`${where}.window.count`, `must be a whole number from 0 to ${w.cap}, got ${w.count}`);
  if (r.context.next < r.first) fail(`${where}.context.next`, `is before the habit's first day (${r.first})`);
  const h = r.rhythm;
  if (h.start.length === 0 || h.weight.length !== h.start.length || h.counts.length !== h.start.length)
    fail(`${where}.rhythm`, 'start, weight and counts must list the same hypotheses (at least one)');
  for (const [name, ws] of [
    ['rhythm.weight', h.weight],
    ['base', r.base],
    ['mixture', r.mixture],
  ] as const) {
    if (ws.some((x) => x < 0) || !(ws.reduce((a, b) => a + b, 0) > 0))
      fail(`${where}.${name}`, 'must be non-negative weights with a positive sum');
  }
}

/** Reads and checks a stored learner record against the shape `cfg` gives a fresh learner. */
export function readLearnerRecord(v: unknown, first: number, cfg: LearnConfig, where = 'learner'): LearnerRecord {
  const template = toRecord(newLearner('', first, [], cfg));
  const r = readLike(v, template, where) as LearnerRecord;
  if (r.first !== first) fail(`${where}.first`, `is day ${r.first}, but the habit starts on day ${first}`);
  checkMeaning(r, where);
  return r;
}

/** The record as JSON data: typed arrays become arrays of numbers. */
export function recordToJson(r: LearnerRecord): unknown {
  const walk = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return Array.from(v as Float32Array);
    if (Array.isArray(v)) return v.map(walk);
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(r);
}
