// Scores the replay of simulated people against their known truth: skill, the reminder rule's hits and
// misses, how fast a change is followed, and the network alone against the simple rates.
import type { LearnConfig } from '../../src/learn/config.ts';
import { SIMPLE_PREDICTORS } from '../../src/learn/learner.ts';
import { logLossOne } from '../../src/learn/metrics.ts';
import { fastDayNumber, indexEvents, readDays } from '../../src/learn/predict/days.ts';
import { weekdayOfNumber } from '../../src/learn/predict/features.ts';
import { labelDay } from '../../src/learn/predict/week.ts';
import { AT_RISK_BELOW, SUPPRESS_ABOVE } from '../../src/learn/predict/remind.ts';
import { DAILY } from '../../src/habits/schedule.ts';
import { type ReplayDay, replayHabit } from '../../src/learn/replay.ts';
import { addDays } from '../../src/learn/time.ts';
import { readBackupData } from '../replay-core.ts';
import { type SimUser, simulateUser } from './generate.ts';
import { changePoints, truthP } from './kinds.ts';

/** Days at the start of each history left out of every score (everyone starts from the prior). */
export const BURN_IN_DAYS = 14;
/** The reminder rule's thresholds (the app's own). */
const REMIND_BELOW = AT_RISK_BELOW;
const QUIET_ABOVE = SUPPRESS_ABOVE;

/** Summed log-losses over a set of days. */
interface Losses {
  n: number;
  model: number;
  truth: number;
  rate: number;
  score: number;
  weekday: number;
}

const zero = (): Losses => ({ n: 0, model: 0, truth: 0, rate: 0, score: 0, weekday: 0 });

/** Everything measured on one simulated person. */
export interface UserScore {
  user: string;
  kind: string;
  days: number;
  /** Mean log-losses per scored day. */
  all: Losses;
  /** The network's own predictions, on the scored days it was trained for (model = the network). */
  network: Losses;
  skill: number;
  /** model − best simple rate, nats per scored day. */
  gapToBest: number;
  /** model − smoothed completion rate, nats per scored day. */
  gapToRate: number;
  /** Missed days; those reminded (p < 0.4) by the model and by the truth; those wrongly quiet (p > 0.8). */
  missed: number;
  remindedModel: number;
  remindedTruth: number;
  quietModel: number;
  quietTruth: number;
  /** Days from each abrupt change until the shown probability is half-way to the new truth (Infinity: never). */
  halfway: number[];
  /** Mean log-loss per scored day of each stage: the simple predictors, base, network (or base), shown. */
  stages: Record<string, number>;
  /** Share of scored days shown as the network's. */
  modelShare: number;
  replayMs: number;
  /** Scored days by shown probability, in tenths: the probabilities' sum, the completions, the days. */
  calibration: { p: number[]; done: number[]; n: number[] };
}

const skillOf = (l: Losses): number => (l.rate - l.truth > 1e-9 ? (l.rate - l.model) / (l.rate - l.truth) : 0);

/** The simple yardsticks for a day from labels before it: completion rate, Loop's score, weekday rate. */
class Yardsticks {
  private c = 0;
  private n = 0;
  private a = 0;
  private b = 0;
  private wc = new Float64Array(7);
  private wn = new Float64Array(7);
  private static DECAY = 0.5 ** (1 / 13);
  predict(wd: number): { rate: number; score: number; weekday: number } {
    return {
      rate: (this.c + 1) / (this.n + 2),
      score: (this.a + 1) / (this.b + 2),
      weekday: (this.wc[wd] + 1) / (this.wn[wd] + 2),
    };
  }
  add(wd: number, y: number): void {
    this.c += y;
    this.n += 1;
    this.a = this.a * Yardsticks.DECAY + y;
    this.b = this.b * Yardsticks.DECAY + 1;
    this.wc[wd] += y;
    this.wn[wd] += 1;
  }
}

/** Days until the trailing mean progress towards the new truth reaches one half, for the change at `c`. */
function halfwayDays(shown: number[], oldP: number[], newP: number[], c: number, end: number): number {
  const prog: number[] = [];
  for (let d = c; d < end && d < c + 120; d++) {
    const delta = newP[d] - oldP[d];
    if (Math.abs(delta) < 0.2) continue;
    prog.push((shown[d] - oldP[d]) / delta);
    const last = prog.slice(-7);
    if (last.length >= 4 && last.reduce((x, v) => x + v, 0) / last.length >= 0.5) return d - c;
  }
  return Infinity;
}

/** Replays one simulated person with the learner and scores it against the truth. */
export function scoreUser(u: SimUser, cfg: LearnConfig): UserScore {
  const { backup, truth } = simulateUser(u);
  const data = readBackupData(backup);
  const habit = data.habits[0];
  const spec = u.habits[0].spec;
  const pTrue = truth.habits[habit.id].p;
  const index = indexEvents(data.events);
  const lastDay = addDays(u.start, u.days - 1);
  const first = fastDayNumber(habit.createdDay);
  const facts = readDays(index, habit.id, first, u.days);
  const days: ReplayDay[] = [];
  const t0 = performance.now();
  replayHabit(habit, index, lastDay, cfg, (d) => days.push(d));
  const replayMs = performance.now() - t0;

  const all = zero();
  const network = zero();
  const yard = new Yardsticks();
  let missed = 0;
  let remindedModel = 0;
  let remindedTruth = 0;
  let quietModel = 0;
  let quietTruth = 0;
  const calibration = { p: new Array(10).fill(0), done: new Array(10).fill(0), n: new Array(10).fill(0) };
  let modelDays = 0;
  const stages: Record<string, number> = {};
  const addStage = (name: string, p: number, y: number): void => {
    stages[name] = (stages[name] ?? 0) + logLossOne(p, y);
  };
  const schedule = u.habits[0].schedule ?? DAILY;
  for (let i = 0; i < days.length && i < pTrue.length; i++) {
    // A day the habit is not due carries no label: it is neither scored nor counted by the yardsticks.
    if (!labelDay(schedule, first + i)) continue;
    const wd = weekdayOfNumber(first + i);
    const y = facts.done[i];
    const ys = yard.predict(wd);
    yard.add(wd, y);
    if (i < BURN_IN_DAYS) continue;
    const d = days[i];
    const add = (l: Losses, model: number): void => {
      l.n++;
      l.model += logLossOne(model, y);
      l.truth += logLossOne(pTrue[i], y);
      l.rate += logLossOne(ys.rate, y);
      l.score += logLossOne(ys.score, y);
      l.weekday += logLossOne(ys.weekday, y);
    };
    add(all, d.p);
    const bin = Math.min(9, Math.floor(d.p * 10));
    calibration.p[bin] += d.p;
    calibration.done[bin] += y;
    calibration.n[bin]++;
    for (const [k, name] of SIMPLE_PREDICTORS.entries()) addStage(name, d.stages.simple[k], y);
    addStage('base', d.stages.base, y);
    addStage('linear', 1 / (1 + Math.exp(-d.stages.linear)), y);
    addStage('network', d.stages.network, y);
    if (d.stages.hasNetwork) add(network, d.stages.network);
    if (d.source === 'model') modelDays++;
    if (!y) {
      missed++;
      if (d.p < REMIND_BELOW) remindedModel++;
      if (pTrue[i] < REMIND_BELOW) remindedTruth++;
      if (d.p > QUIET_ABOVE) quietModel++;
      if (pTrue[i] > QUIET_ABOVE) quietTruth++;
    }
  }
  const halfway: number[] = [];
  const shown = days.map((d) => d.p);
  for (const c of changePoints(spec, u.days)) {
    const oldP = pTrue.map((_, d) =>
      truthP(spec, {
        d: c - 1,
        day: addDays(u.start, d),
        total: u.days,
        streak: 0,
        missRun: 0,
        opensYesterday: 0,
        reminder1: 0,
        reminder2: 0,
      }),
    );
    halfway.push(halfwayDays(shown, oldP, pTrue, c, u.days));
  }
  const per = (l: Losses): Losses => {
    const n = Math.max(1, l.n);
    return {
      n: l.n,
      model: l.model / n,
      truth: l.truth / n,
      rate: l.rate / n,
      score: l.score / n,
      weekday: l.weekday / n,
    };
  };
  const a = per(all);
  return {
    user: u.name,
    kind: u.kind,
    days: all.n,
    all: a,
    network: per(network),
    skill: skillOf(a),
    gapToBest: a.model - Math.min(a.rate, a.score, a.weekday),
    gapToRate: a.model - a.rate,
    missed,
    remindedModel,
    remindedTruth,
    quietModel,
    quietTruth,
    halfway,
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, v / Math.max(1, all.n)])),
    modelShare: all.n ? modelDays / all.n : 0,
    calibration,
    replayMs,
  };
}
