// Scores the replay on simulated users against their known truth: skill, log-losses of the
// model, the smoothed completion rate, the truth and the three baselines, the share of days the
// network itself predicted and its own skill on those days.
import { readBackup } from '../src/learn/backup-read.ts';
import { buildHabitSamples, fastDayNumber } from '../src/learn/dataset.ts';
import { computeBaselines } from '../src/learn/baselines.ts';
import { logLossOne } from '../src/learn/metrics.ts';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../src/learn/engine-options.ts';
import { addDays } from '../src/learn/time.ts';
import { replayBackup, lastEventDay } from './replay-core.ts';
import { simulateUser, type SimUser } from './simulate-users.ts';

/** Days at the start of each habit that are not scored (everyone starts from the prior). */
export const BURN_IN_DAYS = 14;

/** Scores of one user (all habits pooled, days after the burn-in). */
export interface UserScore {
  user: string;
  days: number;
  skill: number;
  model: number;
  base: number;
  truth: number;
  rate: number;
  score: number;
  weekday: number;
  bestBaseline: number;
  modelShare: number;
  netSkill: number | null;
  netGain: number | null;
  replayMs: number;
  /** Model − best baseline on the days after cold start only (null when there are none). */
  gapAfterColdStart: number | null;
}

/** Replays one simulated user and scores it against the truth. */
export function scoreUser(u: SimUser, options: Partial<EngineOptions> = {}): UserScore {
  const { backup, truth } = simulateUser(u);
  const data = readBackup(backup);
  const t0 = performance.now();
  const lines = replayBackup(data, options);
  const replayMs = performance.now() - t0;
  const last = lastEventDay(data)!;
  const coldStart = options.coldStartDays ?? DEFAULT_ENGINE_OPTIONS.coldStartDays;
  const late = { n: 0, model: 0, rate: 0, score: 0, weekday: 0 };
  const sum = {
    n: 0,
    model: 0,
    base: 0,
    truth: 0,
    rate: 0,
    score: 0,
    weekday: 0,
    mN: 0,
    mModel: 0,
    mBase: 0,
    mTruth: 0,
  };
  for (const habit of data.habits) {
    const s = buildHabitSamples(habit, data.events, addDays(last, 1));
    const b = computeBaselines(s.y, s.n, fastDayNumber(habit.createdDay));
    const pTrue = truth.habits[habit.id].p;
    const mine = lines.filter((l) => l.habitId === habit.id);
    for (let i = BURN_IN_DAYS; i < s.n && i < mine.length && i < pTrue.length; i++) {
      const y = s.y[i];
      const lm = logLossOne(mine[i].p, y),
        lb = logLossOne(b.rate[i], y),
        lt = logLossOne(pTrue[i], y);
      sum.n++;
      sum.model += lm;
      sum.base += lb;
      sum.truth += lt;
      sum.rate += lb;
      sum.score += logLossOne(b.score[i], y);
      sum.weekday += logLossOne(b.weekday[i], y);
      if (i >= coldStart) {
        late.n++;
        late.model += lm;
        late.rate += lb;
        late.score += logLossOne(b.score[i], y);
        late.weekday += logLossOne(b.weekday[i], y);
      }
      if (mine[i].source === 'model') {
        sum.mN++;
        sum.mModel += lm;
        sum.mBase += lb;
        sum.mTruth += lt;
      }
    }
  }
  const m = (v: number): number => v / Math.max(1, sum.n);
  const skillOf = (model: number, base: number, tr: number): number =>
    base - tr > 1e-9 ? (base - model) / (base - tr) : 0;
  return {
    user: u.name,
    days: sum.n,
    skill: skillOf(m(sum.model), m(sum.base), m(sum.truth)),
    model: m(sum.model),
    base: m(sum.base),
    truth: m(sum.truth),
    rate: m(sum.rate),
    score: m(sum.score),
    weekday: m(sum.weekday),
    bestBaseline: Math.min(m(sum.rate), m(sum.score), m(sum.weekday)),
    modelShare: sum.n ? sum.mN / sum.n : 0,
    netSkill: sum.mN ? skillOf(sum.mModel / sum.mN, sum.mBase / sum.mN, sum.mTruth / sum.mN) : null,
    netGain: sum.mN ? (sum.mBase - sum.mModel) / sum.mN : null,
    replayMs,
    gapAfterColdStart: late.n ? (late.model - Math.min(late.rate, late.score, late.weekday)) / late.n : null,
  };
}

/** A gap in nats/day with its sign, e.g. +0.012 or -0.004. */
export function signed(v: number): string {
  return (v >= 0 ? '+' : '') + v.toFixed(3);
}

/** A markdown table of user scores. */
export function scoreTable(rows: UserScore[]): string {
  const f = (v: number): string => v.toFixed(3);
  const head =
    '| user | scored days | skill | LL model | LL base | LL true | LL best baseline | model - best baseline | days by network | network skill on its days | network gain over base on its days (nats/day) |\n|---|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.user} | ${r.days} | ${f(r.skill)} | ${f(r.model)} | ${f(r.base)} | ${f(r.truth)} | ${f(r.bestBaseline)} | ${signed(r.model - r.bestBaseline)} | ${Math.round(r.modelShare * 100)}% | ${r.netSkill === null ? '-' : f(r.netSkill)} | ${r.netGain === null ? '-' : f(r.netGain)} |`,
  );
  return [head, ...body].join('\n');
}
