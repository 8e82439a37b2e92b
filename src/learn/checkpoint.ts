// Checkpoints: a learner's network and the state of every other stage as one versioned record, made
// from a learner, turned back into one, and refused with a reason in plain words when it does not fit
// the current architecture, feature version or stages (it is then set aside and the learner rebuilt).
import type { LearnConfig } from './config.ts';
import type { LearnerState } from './learner.ts';
import { fromRecord, type LearnerRecord, readLearnerRecord, recordToJson, toRecord } from './learner-record.ts';
import { cloneLearner } from './learner.ts';
import type { AdamState } from './nn/adam.ts';
import { fail, finite, integer, numbers, record, RecordError, shown, text } from './parse.ts';
import { FEATURE_VERSION } from './predict/features.ts';
import { dayToNumber, isDay, numberToDay } from './time.ts';
import type { Checkpoint, Metrics, RecordMetrics, Trigger } from './types.ts';

/** The checkpoint layout this code reads and writes (1: the engine before the staged learner). */
export const CHECKPOINT_SCHEMA_VERSION = 2;

/** What a checkpoint must match to be used. */
export interface Expected {
  layers: readonly number[];
  featureVersion: number;
  config: LearnConfig;
}

/** A checkpoint of a learner that has a network (copies: the learner may go on changing). */
export function makeCheckpoint(
  s: LearnerState,
  meta: { version: number; metrics: RecordMetrics; createdAt: number; trigger: Trigger },
): Checkpoint {
  if (!s.network) throw new Error('makeCheckpoint: the learner has no network yet');
  const c = cloneLearner(s);
  const n = c.network!;
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    habitId: s.habitId,
    version: meta.version,
    config: { layers: n.net.layers.slice() },
    featureVersion: FEATURE_VERSION,
    weights: n.net.weights,
    biases: n.net.biases,
    optimizer: n.opt,
    step: n.steps,
    trainedThrough: numberToDay(n.trainedThrough),
    metrics: meta.metrics,
    createdAt: meta.createdAt,
    trigger: meta.trigger,
    learner: toRecord(c),
  };
}

/** The learner a checkpoint holds (copies: the checkpoint stays untouched). */
export function learnerFromCheckpoint(c: Checkpoint): LearnerState {
  const s = fromRecord(c.habitId, c.learner, {
    net: { layers: c.config.layers.slice(), weights: c.weights, biases: c.biases },
    opt: c.optimizer,
    trainedThrough: dayToNumber(c.trainedThrough),
    steps: c.step,
  });
  return cloneLearner(s);
}

/** Checks a stored checkpoint against what the app computes now; never throws. */
export function validateCheckpoint(
  c: unknown,
  expect: Expected,
): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  try {
    return { ok: true, checkpoint: readCheckpoint(c, expect) };
  } catch (e) {
    if (e instanceof RecordError) return { ok: false, reason: e.message };
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The checkpoint as plain JSON data: typed arrays become number arrays (float32 values survive JSON exactly). */
export function checkpointToJson(c: Checkpoint): unknown {
  const a = (x: Float32Array): number[] => Array.from(x);
  const o = c.optimizer;
  return {
    ...c,
    config: { layers: c.config.layers.slice() },
    weights: c.weights.map(a),
    biases: c.biases.map(a),
    optimizer: { step: o.step, mW: o.mW.map(a), vW: o.vW.map(a), mB: o.mB.map(a), vB: o.vB.map(a) },
    learner: recordToJson(c.learner),
  };
}

/** Reads a checkpoint (JSON data or a structured clone); throws a RecordError naming what is wrong and where. */
export function readCheckpoint(j: unknown, expect: Expected): Checkpoint {
  const r = record(j, 'checkpoint');
  if (r.schemaVersion !== CHECKPOINT_SCHEMA_VERSION)
    fail(
      'schemaVersion',
      `${shown(r.schemaVersion)} is not the layout this app reads (${CHECKPOINT_SCHEMA_VERSION}): ` +
        'made by another version of the learner',
    );
  const layers = readLayers(record(r.config, 'config').layers, expect.layers);
  const featureVersion = finite(r.featureVersion, 'featureVersion');
  if (featureVersion !== expect.featureVersion)
    fail(
      'featureVersion',
      `the checkpoint was trained on features v${featureVersion}, the app computes v${expect.featureVersion}`,
    );
  const wSizes = layers.slice(1).map((out, l) => out * layers[l]);
  const bSizes = layers.slice(1);
  const trainedThrough = text(r.trainedThrough, 'trainedThrough');
  if (!isDay(trainedThrough)) fail('trainedThrough', `must be a day YYYY-MM-DD, got ${shown(trainedThrough)}`);
  const learner = readLearner(r.learner, expect.config);
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    habitId: text(r.habitId, 'habitId'),
    version: integer(r.version, 'version', 1, Number.MAX_SAFE_INTEGER),
    config: { layers },
    featureVersion,
    weights: layerArrays(r.weights, 'weights', wSizes),
    biases: layerArrays(r.biases, 'biases', bSizes),
    optimizer: readOptimizer(r.optimizer, wSizes, bSizes),
    step: integer(r.step, 'step', 0, Number.MAX_SAFE_INTEGER),
    trainedThrough,
    metrics: readRecordMetrics(r.metrics, 'metrics'),
    createdAt: finite(r.createdAt, 'createdAt'),
    // Any string: a trigger added later must not make this code refuse a model.
    trigger: text(r.trigger, 'trigger') as Trigger,
    learner,
  };
}

function readLearner(v: unknown, cfg: LearnConfig): LearnerRecord {
  const first = finite(record(v, 'learner').first, 'learner.first');
  return readLearnerRecord(v, first, cfg);
}

function readLayers(v: unknown, expected: readonly number[]): number[] {
  const layers = numbers(v, 'config.layers');
  if (layers.length !== expected.length || layers.some((s, i) => s !== expected[i]))
    fail('config.layers', `the checkpoint has layers ${shown(layers)}, the app expects ${shown(expected)}`);
  return layers;
}

function layerArrays(v: unknown, where: string, sizes: number[]): Float32Array[] {
  if (!Array.isArray(v)) fail(where, `must be an array with one entry per layer, got ${shown(v)}`);
  if (v.length !== sizes.length) fail(where, `has ${v.length} layers, config.layers implies ${sizes.length}`);
  return sizes.map((n, l) => Float32Array.from(numbers(v[l], `${where}[${l}]`, { length: n })));
}

function readOptimizer(v: unknown, wSizes: number[], bSizes: number[]): AdamState {
  const o = record(v, 'optimizer');
  const opt: AdamState = {
    // Adam's bias correction divides by 1 - beta^step: a fractional or negative step would derail every warm start.
    step: integer(o.step, 'optimizer.step', 0, Number.MAX_SAFE_INTEGER),
    mW: layerArrays(o.mW, 'optimizer.mW', wSizes),
    vW: layerArrays(o.vW, 'optimizer.vW', wSizes),
    mB: layerArrays(o.mB, 'optimizer.mB', bSizes),
    vB: layerArrays(o.vB, 'optimizer.vB', bSizes),
  };
  for (const [name, arrays] of [
    ['optimizer.vW', opt.vW],
    ['optimizer.vB', opt.vB],
  ] as const)
    arrays.forEach((a, l) => {
      const k = a.findIndex((x) => x < 0);
      if (k >= 0) fail(`${name}[${l}][${k}]`, `is ${a[k]}: a second moment cannot be negative`);
    });
  return opt;
}

function readMetrics(v: unknown, where: string): Metrics {
  const m = record(v, where);
  // JSON turns NaN into null; read it back as NaN rather than refusing a model over a score.
  const loose = (key: string): number =>
    m[key] === null
      ? NaN
      : typeof m[key] === 'number'
        ? (m[key] as number)
        : fail(`${where}.${key}`, `must be a number, got ${shown(m[key])}`);
  return {
    n: integer(m.n, `${where}.n`, 0, Number.MAX_SAFE_INTEGER),
    logLoss: loose('logLoss'),
    brier: loose('brier'),
    auc: m.auc === null || m.auc === undefined ? null : loose('auc'),
  };
}

/** Reads the metrics of a checkpoint or a training run. */
export function readRecordMetrics(v: unknown, where: string): RecordMetrics {
  const m = record(v, where);
  return {
    base: readMetrics(m.base, `${where}.base`),
    learned: readMetrics(m.learned, `${where}.learned`),
    shown: readMetrics(m.shown, `${where}.shown`),
    networkShare: finite(m.networkShare, `${where}.networkShare`),
  };
}
