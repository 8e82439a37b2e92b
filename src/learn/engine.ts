// The training and promotion engine: one night's training run for one habit and the probability the
// app shows for a day. The worker, the service worker and the replay CLI all call this, so what
// the replay measures is exactly what the app does.
import type { HabitInfo, LogEvent } from './events.ts';
import type { Checkpoint, Metrics, Prediction, TrainingRun, Trigger } from './types.ts';
import type { Mlp } from './nn/mlp.ts';
import { createMlp, predictProba } from './nn/mlp.ts';
import { createAdam } from './nn/adam.ts';
import { trainEpochs } from './nn/train.ts';
import {
  makeCheckpoint,
  modelFromCheckpoint,
  netFromCheckpoint,
  refitFromCheckpoint,
  validateCheckpoint,
  type CheckpointModel,
} from './checkpoint.ts';
import { evidenceNow, leadOverBaselines, trainRefit } from './refit.ts';
import { buildHabitSamples, type HabitSamples } from './dataset.ts';
import { BASELINE_NAMES, mixAt, type BaselineName } from './baselines.ts';
import { FEATURE_VERSION, NUM_FEATURES } from './features.ts';
import { logLoss, scoreAll } from './metrics.ts';
import { explainCounts, explainModel } from './explain.ts';
import { DEFAULT_ENGINE_OPTIONS, mixOdds, type EngineOptions } from './engine-options.ts';

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './engine-options.ts';

/** The default network: 10 inputs -> 16 -> 8 -> 1. */
export const DEFAULT_LAYERS = [10, 16, 8, 1];

/** Input of one training run. `clock` (ms, e.g. performance.now) fills durationMs; without it, 0. */
export interface TrainInput {
  habit: HabitInfo;
  events: LogEvent[];
  today: string;
  active: Checkpoint | null;
  trigger: Trigger;
  now: number;
  options?: Partial<EngineOptions>;
  clock?: () => number;
}
/** Result of one training run. */
export interface TrainOutput {
  checkpoint: Checkpoint | null;
  run: TrainingRun;
  prediction: Prediction;
}

/** 32-bit FNV-1a of a string: seeds depend on habit id and day only (prefix stability). */
export function seedFor(habitId: string, day: string): number {
  let h = 0x811c9dc5;
  const s = `${habitId}|${day}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Chronological split of n labelled days: [trainStart, trainEnd) trains, [trainEnd, n) validates. */
export function splitDays(n: number, o: EngineOptions): { trainStart: number; trainEnd: number } {
  const h = Math.min(o.maxHoldout, Math.max(o.minHoldout, Math.round(n * o.holdoutFraction)));
  const trainEnd = Math.max(0, n - h);
  return { trainStart: Math.max(0, trainEnd - o.window), trainEnd };
}

/** The network's probabilities for the days [from, to) (indexed like the samples; 0 before `from`). */
function netHoldout(net: Mlp, s: HabitSamples, from: number, to: number): Float64Array {
  const p = new Float64Array(s.n);
  for (let i = from; i < to; i++) p[i] = predictProba(net, s.X, i * NUM_FEATURES);
  return p;
}

/**
 * The baseline to beat: chosen by its online log-loss over the recent past (baselines have no
 * trained parameters, so their whole track record is fair evidence and far less noisy than the
 * hold-out alone); its metrics are then reported on the hold-out [from, to).
 */
function bestBaseline(
  s: HabitSamples,
  from: number,
  to: number,
  o: EngineOptions,
): { name: BaselineName; metrics: Metrics } {
  const start = Math.max(0, to - o.baselineWindow);
  let best: BaselineName = 'rate';
  let bestLL = Infinity;
  for (const name of BASELINE_NAMES) {
    const ll = logLoss(s.baselines[name], s.y, start, to);
    if (ll < bestLL) {
      bestLL = ll;
      best = name;
    }
  }
  return { name: best, metrics: scoreAll(s.baselines[best], s.y, from, to) };
}

function usableActive(
  active: Checkpoint | null,
  layers: number[],
): { ckpt: Checkpoint | null; refused: string | null } {
  if (!active) return { ckpt: null, refused: null };
  const v = validateCheckpoint(active, { layers, featureVersion: FEATURE_VERSION });
  return v.ok ? { ckpt: v.checkpoint, refused: null } : { ckpt: null, refused: v.reason };
}

/**
 * Today's probability from the history in `s`: the prior during cold start; otherwise the network
 * blended with the baselines' likelihood-weighted average by Bayesian model averaging (see
 * networkWeight), reported as `model` when the network has at least half the weight, else as
 * `baseline`. The refit twin predicts and is weighed by its record on unseen days (refit.ts); a
 * checkpoint without one predicts with the validated network, weighed by its hold-out.
 * `netP`: that network's hold-out probabilities when the caller already has them.
 */
export function decide(
  habitId: string,
  s: HabitSamples,
  today: string,
  model: CheckpointModel | null,
  modelVersion: number | null,
  now: number,
  o: EngineOptions,
  netP?: Float64Array,
): Prediction {
  const base = { habitId, day: today, computedAt: now };
  if (s.n < o.coldStartDays) {
    const mix = mixAt(s.baselines, s.baselineLoss, s.n, { rate: o.priorRateLogOdds });
    return {
      ...base,
      p: mix.p,
      source: 'prior',
      reasons: explainCounts(mix.lead, s, today, mix.p),
      modelVersion: null,
    };
  }
  const { trainEnd } = splitDays(s.n, o);
  // The average, not the single best baseline: picking one on a small lead flips between
  // predictors that differ a lot (a streak habit's day-of-week rate led by luck for 50 days).
  const odds = mixOdds(o);
  const mix = mixAt(s.baselines, s.baselineLoss, s.n, odds);
  const pb = mix.p;
  let w = 0;
  if (model) {
    let evidence: number;
    if (model.refit) evidence = evidenceNow(model.refit, s, o);
    else {
      const pNet = netP ?? netHoldout(model.net, s, trainEnd, s.n);
      evidence = 0;
      for (let i = trainEnd; i < s.n; i++) evidence += leadOverBaselines(s, i, pNet[i], odds);
    }
    w = o.blendNetwork ? networkWeight(evidence, o.evidenceScale, o.networkPrior) : evidence >= -o.modelMargin ? 1 : 0;
  }
  const net = model ? (model.refit ? model.refit.net : model.net) : null;
  const p = net && w > 0 ? w * predictProba(net, s.xToday) + (1 - w) * pb : pb;
  if (net && w >= 0.5) return { ...base, p, source: 'model', reasons: explainModel(net, s, today), modelVersion };
  return { ...base, p, source: 'baseline', reasons: explainCounts(mix.lead, s, today, p), modelVersion: null };
}

/**
 * The network's weight against the baselines' average: Bayesian model averaging,
 * w = 1 / (1 + exp(−prior − scale · evidence)), evidence = Σ(baseline log-loss − network log-loss)
 * over days the network had not trained on. Undecided evidence keeps both in the blend; clear
 * evidence moves the weight to the winner, so the noisy all-or-nothing choice of the first weeks
 * after cold start is avoided. The prior odds are against the network: a candidate is kept only
 * if it won on its hold-out, so that record flatters it, and a new refit twin starts with none.
 */
function networkWeight(evidence: number, scale: number, prior: number): number {
  const z = Math.max(-30, Math.min(30, prior + scale * evidence));
  return 1 / (1 + Math.exp(-z));
}

/** One training run on prebuilt samples (the replay calls this directly with a prefix of the history). */
export function trainOnSamples(
  habitId: string,
  s: HabitSamples,
  today: string,
  active: Checkpoint | null,
  trigger: Trigger,
  now: number,
  opts: Partial<EngineOptions> = {},
  clock?: () => number,
): TrainOutput {
  const o: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, ...opts };
  const t0 = clock ? clock() : 0;
  const { ckpt, refused } = usableActive(active, o.layers);
  const activeModel: CheckpointModel | null = ckpt ? modelFromCheckpoint(ckpt) : null;
  const activeNet = activeModel ? activeModel.net : null;
  // The model in force afterwards is the promoted candidate or the active one; when its hold-out
  // probabilities are already known here (inForceP), decide() does not predict them again.
  const finish = (
    checkpoint: Checkpoint | null,
    promoted: boolean,
    reason: string,
    samples: number,
    metrics: TrainingRun['metrics'],
    inForceP?: Float64Array,
    inForce: CheckpointModel | null = activeModel,
  ): TrainOutput => {
    const version = checkpoint ? checkpoint.version : ckpt ? ckpt.version : null;
    const prediction = decide(habitId, s, today, inForce, version, now, o, inForceP);
    const run: TrainingRun = {
      habitId,
      startedAt: now,
      durationMs: clock ? clock() - t0 : 0,
      trigger,
      samples,
      promoted,
      reason: refused ? `active checkpoint refused (${refused}); ${reason}` : reason,
      metrics,
      checkpointVersion: checkpoint ? checkpoint.version : null,
      featureVersion: FEATURE_VERSION,
    };
    return { checkpoint, run, prediction };
  };
  if (s.n < o.coldStartDays)
    return finish(null, false, `cold start: ${s.n} labelled days, need ${o.coldStartDays}`, 0, null);

  const { trainStart, trainEnd } = splitDays(s.n, o);
  const count = trainEnd - trainStart;
  if (count < o.minTrainDays)
    return finish(
      null,
      false,
      `too few training days: ${count} before the ${s.n - trainEnd}-day hold-out, need ${o.minTrainDays}`,
      0,
      null,
    );
  const start = ckpt ? netFromCheckpoint(ckpt) : null;
  const seed = seedFor(habitId, today);
  const net = start ? start.net : createMlp(o.layers.slice(), seed);
  const opt = start ? start.opt : createAdam(net);
  const epochs = ckpt ? o.epochsWarm : o.epochsCold;
  const res = trainEpochs(
    net,
    opt,
    s.X.subarray(trainStart * NUM_FEATURES, trainEnd * NUM_FEATURES),
    s.y.subarray(trainStart, trainEnd),
    count,
    {
      epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      l2: o.l2,
      seed,
    },
  );
  const bb = bestBaseline(s, trainEnd, s.n, o);
  const activeP = activeNet ? netHoldout(activeNet, s, trainEnd, s.n) : undefined;
  const activeM = activeP ? scoreAll(activeP, s.y, trainEnd, s.n) : null;
  if (res.diverged || !res.finite) {
    return finish(
      null,
      false,
      `diverged after ${res.steps} steps: active model left unchanged`,
      count,
      { model: { n: s.n - trainEnd, logLoss: NaN, brier: NaN, auc: null }, baseline: bb.metrics, active: activeM },
      activeP,
    );
  }
  const modelP = netHoldout(net, s, trainEnd, s.n);
  const model = scoreAll(modelP, s.y, trainEnd, s.n);
  const metrics = { model, baseline: bb.metrics, active: activeM };
  const ll = (m: Metrics): string => m.logLoss.toFixed(4);
  if (activeM && !(model.logLoss <= activeM.logLoss + o.promoteTolerance)) {
    return finish(
      null,
      false,
      `not promoted: hold-out log-loss ${ll(model)} > active ${ll(activeM)} + tolerance ${o.promoteTolerance}`,
      count,
      metrics,
      activeP,
    );
  }
  if (!(model.logLoss <= bb.metrics.logLoss)) {
    return finish(
      null,
      false,
      `not promoted: hold-out log-loss ${ll(model)} > ${bb.name} baseline ${ll(bb.metrics)}`,
      count,
      metrics,
      activeP,
    );
  }
  const refit = trainRefit(ckpt ? refitFromCheckpoint(ckpt) : null, s, o, seed);
  if (!refit) {
    return finish(
      null,
      false,
      `the refit on all ${s.n} labelled days diverged: active model left unchanged`,
      count,
      metrics,
      activeP,
    );
  }
  const checkpoint = makeCheckpoint(
    net,
    opt,
    {
      habitId,
      version: (active && typeof active.version === 'number' ? active.version : 0) + 1,
      featureVersion: FEATURE_VERSION,
      step: (ckpt ? ckpt.step : 0) + count * epochs,
      trainedThrough: s.days[trainEnd - 1],
      metrics,
      createdAt: now,
      trigger,
    },
    refit,
  );
  return finish(
    checkpoint,
    true,
    `promoted: hold-out log-loss ${ll(model)} <= ${activeM ? `active ${ll(activeM)} and ` : ''}${bb.name} baseline ${ll(bb.metrics)}`,
    count,
    metrics,
    modelP,
    { net, refit },
  );
}

/** Trains one habit on its whole history (warm-started from `active`) and predicts `today`. */
export function trainHabit(input: TrainInput): TrainOutput {
  const s = buildHabitSamples(input.habit, input.events, input.today);
  return trainOnSamples(
    input.habit.id,
    s,
    input.today,
    input.active,
    input.trigger,
    input.now,
    input.options,
    input.clock,
  );
}

/** Today's probability with the active checkpoint (validated; a refused one falls back, never throws). */
export function predictHabit(input: {
  habit: HabitInfo;
  events: LogEvent[];
  today: string;
  active: Checkpoint | null;
  now: number;
  options?: Partial<EngineOptions>;
}): Prediction {
  const o: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, ...input.options };
  const s = buildHabitSamples(input.habit, input.events, input.today);
  const { ckpt } = usableActive(input.active, o.layers);
  return decide(
    input.habit.id,
    s,
    input.today,
    ckpt ? modelFromCheckpoint(ckpt) : null,
    ckpt ? ckpt.version : null,
    input.now,
    o,
  );
}
