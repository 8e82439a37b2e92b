// Validation of the optional checkpoints in a backup: shapes that match the layer sizes and
// only finite numbers, so a damaged model can never be imported.
import type { BackupCheckpoint } from './backup-file.ts';
import { MAX_CHECKPOINTS } from './backup-file.ts';
import { describeValue } from '../fields.ts';
import { dayProblem } from './instants.ts';
import type { Problems } from './validate.ts';

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a list of number lists with the expected lengths; reports the first bad number of each. */
function checkArrays(v: unknown, lengths: number[] | null, at: string, p: Problems): boolean {
  if (!Array.isArray(v)) {
    p.add(at, `must be a list of number lists, got ${describeValue(v)}`);
    return false;
  }
  if (lengths && v.length !== lengths.length) {
    p.add(at, `has ${v.length} layers, the layer sizes say ${lengths.length}`);
    return false;
  }
  let ok = true;
  v.forEach((arr: unknown, k) => {
    if (!Array.isArray(arr)) {
      p.add(`${at}[${k}]`, `must be a list of numbers, got ${describeValue(arr)}`);
      ok = false;
      return;
    }
    if (lengths && arr.length !== lengths[k]) {
      p.add(`${at}[${k}]`, `has ${arr.length} numbers, the layer sizes say ${lengths[k]}`);
      ok = false;
      return;
    }
    const bad = arr.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad >= 0) {
      p.add(`${at}[${k}][${bad}]`, `must be a finite number, got ${describeValue(arr[bad])}`);
      ok = false;
    }
  });
  return ok;
}

/** Weights, biases and optimizer state of the checkpoint's network. */
function checkNetwork(
  c: Record<string, unknown>,
  wLen: number[] | null,
  bLen: number[] | null,
  at: string,
  p: Problems,
): void {
  checkArrays(c.weights, wLen, `${at}.weights`, p);
  checkArrays(c.biases, bLen, `${at}.biases`, p);
  const o = c.optimizer;
  if (!isObj(o)) {
    p.add(`${at}.optimizer`, `must be an object, got ${describeValue(o)}`);
    return;
  }
  if (typeof o.step !== 'number' || !Number.isFinite(o.step))
    p.add(`${at}.optimizer.step`, `must be a number, got ${describeValue(o.step)}`);
  checkArrays(o.mW, wLen, `${at}.optimizer.mW`, p);
  checkArrays(o.vW, wLen, `${at}.optimizer.vW`, p);
  checkArrays(o.mB, bLen, `${at}.optimizer.mB`, p);
  checkArrays(o.vB, bLen, `${at}.optimizer.vB`, p);
}

const NUMBER_FIELDS = ['schemaVersion', 'version', 'featureVersion', 'step', 'createdAt'] as const;

/** Validates backup checkpoints against the file's habit ids; returns the valid ones. */
export function validateCheckpoints(list: unknown, habitIds: ReadonlySet<string>, p: Problems): BackupCheckpoint[] {
  if (!Array.isArray(list)) {
    p.add('checkpoints', `must be a list, got ${describeValue(list)}`);
    return [];
  }
  if (list.length > MAX_CHECKPOINTS) {
    p.add('checkpoints', `Too many checkpoints: ${list.length}, the limit is ${MAX_CHECKPOINTS}`);
    return [];
  }
  const out: BackupCheckpoint[] = [];
  list.forEach((c: unknown, i) => {
    const at = `checkpoints[${i}]`;
    if (!isObj(c)) {
      p.add(at, `Checkpoint must be an object, got ${describeValue(c)}`);
      return;
    }
    const before = p.count;
    if (typeof c.habitId !== 'string' || !habitIds.has(c.habitId))
      p.add(`${at}.habitId`, `No habit with id ${describeValue(c.habitId)} in this file`);
    for (const f of NUMBER_FIELDS) {
      if (typeof c[f] !== 'number' || !Number.isFinite(c[f]))
        p.add(`${at}.${f}`, `must be a number, got ${describeValue(c[f])}`);
    }
    const layers = isObj(c.config) ? c.config.layers : undefined;
    const layersOk =
      Array.isArray(layers) && layers.length >= 2 && layers.every((n) => Number.isInteger(n) && n > 0 && n <= 4096);
    if (!layersOk)
      p.add(
        `${at}.config.layers`,
        `Layer sizes must be a list of at least 2 positive whole numbers, got ${describeValue(layers)}`,
      );
    const sizes = layersOk ? (layers as number[]) : null;
    const wLen = sizes ? sizes.slice(1).map((out, k) => out * sizes[k]) : null;
    const bLen = sizes ? sizes.slice(1) : null;
    checkNetwork(c, wLen, bLen, at, p);
    // The learner's stages are checked field by field when the trainer loads the checkpoint (a bad one is set
    // aside with the reason and the learner rebuilt from the history); here only that it is an object.
    if (c.learner !== undefined && !isObj(c.learner))
      p.add(`${at}.learner`, `must be an object, got ${describeValue(c.learner)}`);
    const through = dayProblem(c.trainedThrough);
    if (through) p.add(`${at}.trainedThrough`, through);
    if (!isObj(c.metrics)) p.add(`${at}.metrics`, `must be an object, got ${describeValue(c.metrics)}`);
    if (typeof c.trigger !== 'string') p.add(`${at}.trigger`, `must be text, got ${describeValue(c.trigger)}`);
    if (c.active !== undefined && typeof c.active !== 'boolean')
      p.add(`${at}.active`, `must be true or false, got ${describeValue(c.active)}`);
    if (p.count === before) out.push(c as unknown as BackupCheckpoint);
  });
  return out;
}
