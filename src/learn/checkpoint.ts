// Checkpoints: build them from a network, (de)serialise them for backups, and refuse mismatching
// or damaged ones with a reason in plain words instead of loading garbage.
import type { Checkpoint, Metrics, OptimizerState, RefitState, Trigger } from './types.ts';
import type { Mlp } from './nn/mlp.ts';
import type { AdamState } from './nn/adam.ts';
import { isDay } from './time.ts';

/** The checkpoint record layout this code reads and writes. */
export const CHECKPOINT_SCHEMA_VERSION = 1;

/** Everything of a checkpoint that is not the network or the optimizer. */
export type CheckpointMeta = Omit<
  Checkpoint,
  'schemaVersion' | 'config' | 'weights' | 'biases' | 'optimizer' | 'refit'
>;

/** The refit twin as the engine holds it: a network, its optimizer and its track record. */
export interface Refit {
  net: Mlp;
  opt: AdamState;
  evidence: number;
  evidenceThrough: string;
}

/** The refit twin as a prediction needs it: its network and track record (no optimizer state). */
export type RefitRecord = Omit<Refit, 'opt'>;

/** The networks a checkpoint predicts with: the validated one and, when recorded, its refit twin. */
export interface CheckpointModel {
  net: Mlp;
  refit: RefitRecord | null;
}

const copy = (a: Float32Array): Float32Array => a.slice();
const copyOpt = (o: AdamState | OptimizerState): OptimizerState => ({
  step: o.step,
  mW: o.mW.map(copy),
  vW: o.vW.map(copy),
  mB: o.mB.map(copy),
  vB: o.vB.map(copy),
});
const netOf = (layers: number[], weights: Float32Array[], biases: Float32Array[]): Mlp => ({
  layers: layers.slice(),
  weights: weights.map(copy),
  biases: biases.map(copy),
});

/** A checkpoint holding copies of the network's parameters and the optimizer state (and of the refit twin's). */
export function makeCheckpoint(net: Mlp, opt: AdamState, meta: CheckpointMeta, refit?: Refit): Checkpoint {
  const c: Checkpoint = {
    ...meta,
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    config: { layers: net.layers.slice() },
    weights: net.weights.map(copy),
    biases: net.biases.map(copy),
    optimizer: copyOpt(opt),
  };
  if (refit) {
    c.refit = {
      weights: refit.net.weights.map(copy),
      biases: refit.net.biases.map(copy),
      optimizer: copyOpt(refit.opt),
      evidence: refit.evidence,
      evidenceThrough: refit.evidenceThrough,
    };
  }
  return c;
}

/** A network and optimizer rebuilt from a checkpoint (copies: the checkpoint stays untouched). */
export function netFromCheckpoint(c: Checkpoint): { net: Mlp; opt: AdamState } {
  return { net: netOf(c.config.layers, c.weights, c.biases), opt: copyOpt(c.optimizer) };
}

/** The refit twin rebuilt from a checkpoint (copies), or null when the checkpoint has none. */
export function refitFromCheckpoint(c: Checkpoint): Refit | null {
  const r = c.refit;
  if (!r) return null;
  return {
    net: netOf(c.config.layers, r.weights, r.biases),
    opt: copyOpt(r.optimizer),
    evidence: r.evidence,
    evidenceThrough: r.evidenceThrough,
  };
}

/** The last labelled day the predicting network has seen: the refit twin's record end, else trainedThrough. */
export function predictorTrainedThrough(c: Pick<Checkpoint, 'trainedThrough' | 'refit'>): string {
  return c.refit ? c.refit.evidenceThrough : c.trainedThrough;
}

/** Both networks of a checkpoint, for predictions (copies of the parameters; the optimizer states are not needed). */
export function modelFromCheckpoint(c: Checkpoint): CheckpointModel {
  const r = c.refit;
  return {
    net: netOf(c.config.layers, c.weights, c.biases),
    refit: r
      ? { net: netOf(c.config.layers, r.weights, r.biases), evidence: r.evidence, evidenceThrough: r.evidenceThrough }
      : null,
  };
}

/** The checkpoint as plain JSON data: Float32Arrays become number arrays (exact: float32 values survive JSON). */
export function checkpointToJson(c: Checkpoint): unknown {
  const a = (x: Float32Array): number[] => Array.from(x);
  const optJson = (o: OptimizerState): unknown => ({
    step: o.step,
    mW: o.mW.map(a),
    vW: o.vW.map(a),
    mB: o.mB.map(a),
    vB: o.vB.map(a),
  });
  const { refit, ...rest } = c;
  return {
    ...rest,
    config: { layers: c.config.layers.slice() },
    weights: c.weights.map(a),
    biases: c.biases.map(a),
    optimizer: optJson(c.optimizer),
    metrics: { model: c.metrics.model, baseline: c.metrics.baseline, active: c.metrics.active },
    ...(refit
      ? {
          refit: {
            ...refit,
            weights: refit.weights.map(a),
            biases: refit.biases.map(a),
            optimizer: optJson(refit.optimizer),
          },
        }
      : {}),
  };
}

/** Parses a checkpoint from JSON data or a structured clone; throws an Error saying what is wrong and where. */
export function checkpointFromJson(j: unknown): Checkpoint {
  return parseCheckpoint(j, null);
}

/** Checks a checkpoint against the current architecture and feature version; never throws. */
export function validateCheckpoint(
  c: unknown,
  expect: { layers: number[]; featureVersion: number },
): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  try {
    return { ok: true, checkpoint: parseCheckpoint(c, expect) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

function fail(msg: string): never {
  throw new Error(`checkpoint: ${msg}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(r: Record<string, unknown>, key: string, where: string): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(`${where}${key} must be a finite number, got ${JSON.stringify(v) ?? String(v)}`);
  return v;
}

function str(r: Record<string, unknown>, key: string, where: string): string {
  const v = r[key];
  if (typeof v !== 'string') fail(`${where}${key} must be a string, got ${JSON.stringify(v) ?? String(v)}`);
  return v;
}

/** Copies number[] or Float32Array into a Float32Array of exactly `expectLen` finite values. */
function floatArray(v: unknown, where: string, expectLen: number): Float32Array {
  if (!(v instanceof Float32Array) && !Array.isArray(v))
    fail(`${where} must be an array of numbers, got ${v === null ? 'null' : typeof v}`);
  const a = v as ArrayLike<unknown>;
  if (a.length !== expectLen)
    fail(
      `${a.length < expectLen ? 'truncated' : 'oversized'} weight array: ${where} expects ${expectLen} values, got ${a.length}`,
    );
  const out = new Float32Array(expectLen);
  for (let k = 0; k < expectLen; k++) {
    const x = a[k];
    if (typeof x !== 'number' || !Number.isFinite(x))
      fail(
        `non-finite weight: ${where}[${k}] is ${typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? String(x))}`,
      );
    out[k] = x;
  }
  return out;
}

/** One array per layer, each of the size the architecture dictates. */
function layerArrays(v: unknown, where: string, sizes: number[]): Float32Array[] {
  if (!Array.isArray(v))
    fail(`${where} must be an array with one entry per layer, got ${v === null ? 'null' : typeof v}`);
  if (v.length !== sizes.length)
    fail(`architecture mismatch: ${where} has ${v.length} layers, config.layers implies ${sizes.length}`);
  return sizes.map((n, l) => floatArray(v[l], `${where}[${l}]`, n));
}

function metrics(v: unknown, where: string): Metrics {
  if (!isRecord(v)) fail(`${where} must be an object, got ${JSON.stringify(v) ?? String(v)}`);
  // JSON turns NaN into null; read it back as NaN rather than refusing a model over a metric.
  const loose = (key: string): number =>
    v[key] === null
      ? NaN
      : typeof v[key] === 'number'
        ? (v[key] as number)
        : fail(`${where}.${key} must be a number, got ${JSON.stringify(v[key])}`);
  const auc = v.auc === null || v.auc === undefined ? null : loose('auc');
  return { n: num(v, 'n', `${where}.`), logLoss: loose('logLoss'), brier: loose('brier'), auc };
}

function nonNegative(arrays: Float32Array[], where: string): void {
  arrays.forEach((a, l) => {
    for (let k = 0; k < a.length; k++)
      if (a[k] < 0) fail(`${where}[${l}][${k}] is ${a[k]}: a second moment cannot be negative`);
  });
}

function parseLayers(v: unknown): number[] {
  if (!Array.isArray(v) || v.length < 2 || !v.every((s) => Number.isInteger(s) && s >= 1 && s <= 4096))
    fail(`config.layers must list at least two positive integer sizes, got ${JSON.stringify(v)}`);
  if (v[v.length - 1] !== 1) fail(`config.layers must end with one output, got ${JSON.stringify(v)}`);
  return v.slice() as number[];
}

function parseCheckpoint(j: unknown, expect: { layers: number[]; featureVersion: number } | null): Checkpoint {
  if (!isRecord(j)) fail(`expected an object, got ${j === null ? 'null' : Array.isArray(j) ? 'an array' : typeof j}`);
  if (j.schemaVersion !== CHECKPOINT_SCHEMA_VERSION)
    fail(
      `schema version unknown: got ${JSON.stringify(j.schemaVersion)}, this app reads version ${CHECKPOINT_SCHEMA_VERSION}`,
    );
  if (!isRecord(j.config)) fail('config must be an object with layers');
  const layers = parseLayers(j.config.layers);
  if (expect && (expect.layers.length !== layers.length || expect.layers.some((s, i) => s !== layers[i]))) {
    fail(
      `architecture mismatch: checkpoint has layers ${JSON.stringify(layers)}, the app expects ${JSON.stringify(expect.layers)}`,
    );
  }
  const featureVersion = num(j, 'featureVersion', '');
  if (expect && featureVersion !== expect.featureVersion)
    fail(
      `feature version mismatch: checkpoint was trained on features v${featureVersion}, the app computes v${expect.featureVersion}`,
    );
  const wSizes = layers.slice(1).map((out, l) => out * layers[l]);
  const bSizes = layers.slice(1);
  const weights = layerArrays(j.weights, 'weights', wSizes);
  const biases = layerArrays(j.biases, 'biases', bSizes);
  const optimizer = parseOptimizer(j.optimizer, '', wSizes, bSizes);
  const refit = j.refit === undefined || j.refit === null ? undefined : parseRefit(j.refit, wSizes, bSizes);
  if (!isRecord(j.metrics)) fail('metrics must be an object with model, baseline, active');
  const m = j.metrics;
  // Any string: newer triggers added to the Trigger union must not make old code refuse a model.
  const trigger = str(j, 'trigger', '');
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    habitId: str(j, 'habitId', ''),
    version: num(j, 'version', ''),
    config: { layers },
    featureVersion,
    weights,
    biases,
    optimizer,
    step: num(j, 'step', ''),
    trainedThrough: str(j, 'trainedThrough', ''),
    metrics: {
      model: metrics(m.model, 'metrics.model'),
      baseline: metrics(m.baseline, 'metrics.baseline'),
      active: m.active === null || m.active === undefined ? null : metrics(m.active, 'metrics.active'),
    },
    createdAt: num(j, 'createdAt', ''),
    trigger: trigger as Trigger,
    ...(refit ? { refit } : {}),
  };
}

function parseOptimizer(o: unknown, where: string, wSizes: number[], bSizes: number[]): OptimizerState {
  if (!isRecord(o)) fail(`${where}optimizer must be an object with step, mW, vW, mB, vB`);
  const optimizer = {
    step: num(o, 'step', `${where}optimizer.`),
    mW: layerArrays(o.mW, `${where}optimizer.mW`, wSizes),
    vW: layerArrays(o.vW, `${where}optimizer.vW`, wSizes),
    mB: layerArrays(o.mB, `${where}optimizer.mB`, bSizes),
    vB: layerArrays(o.vB, `${where}optimizer.vB`, bSizes),
  };
  // Adam's bias correction divides by 1 − β^step and takes √v: a negative or fractional step or a
  // negative second moment would make every warm start diverge (or climb the loss) night after night.
  if (!Number.isInteger(optimizer.step) || optimizer.step < 0)
    fail(`${where}optimizer.step must be a whole number >= 0, got ${optimizer.step}`);
  nonNegative(optimizer.vW, `${where}optimizer.vW`);
  nonNegative(optimizer.vB, `${where}optimizer.vB`);
  return optimizer;
}

function parseRefit(r: unknown, wSizes: number[], bSizes: number[]): RefitState {
  if (!isRecord(r))
    fail(
      `refit must be an object with weights, biases, optimizer, evidence, evidenceThrough, got ${Array.isArray(r) ? 'an array' : typeof r}`,
    );
  const through = str(r, 'evidenceThrough', 'refit.');
  if (!isDay(through)) fail(`refit.evidenceThrough must be a day YYYY-MM-DD, got ${JSON.stringify(through)}`);
  return {
    weights: layerArrays(r.weights, 'refit.weights', wSizes),
    biases: layerArrays(r.biases, 'refit.biases', bSizes),
    optimizer: parseOptimizer(r.optimizer, 'refit.', wSizes, bSizes),
    evidence: num(r, 'evidence', 'refit.'),
    evidenceThrough: through,
  };
}
