// The quality gate: issue 19's targets, judged on simulated people drawn from seeds that no choice was tuned
// on (3001-3003), through the replay of the app's own learner. Where the learner meets a target, the gate holds
// it to the figure. Where it does not yet (mean skill >= 0.75, every kind >= 0.5, reminder recall within
// 0.10 of the truth's: docs/quality.md says by how much), the gate holds a floor well under the figures measured,
// so that a change that makes the learner clearly worse fails, without pretending the target is met.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/learn/config.ts';
import { dailyTwins, longHistories, newcomers, shortHistories } from '../../../scripts/sim/population.ts';
import { scoreUser } from '../../../scripts/sim/score.ts';
import { type TargetFigures, targetFigures } from '../../../scripts/sim/targets.ts';

const SEEDS = [3001, 3002, 3003];

describe('the learner on people it was never tuned on (seeds 3001-3003)', () => {
  let f: TargetFigures;
  beforeAll(() => {
    const long = SEEDS.flatMap((s) => longHistories(s, 2));
    const score = (u: Parameters<typeof scoreUser>[0]) => scoreUser(u, DEFAULT_CONFIG);
    f = targetFigures({
      long: long.map(score),
      short: SEEDS.flatMap(shortHistories).map(score),
      newcomers: SEEDS.flatMap(newcomers).map(score),
      twins: dailyTwins(long).map(score),
    });
  }, 600_000);

  it('follows a new weekly rhythm half-way within 21 days (median over every change)', () => {
    expect(f.halfwayMedian).toBeLessThanOrEqual(21);
  });

  it('is wrongly quiet on missed days at most 0.05 more often than the truth, on every kind', () => {
    for (const g of f.quietGap) expect(g.gap, g.kind).toBeLessThanOrEqual(0.05);
  });

  it('keeps 60-day or longer histories within 0.02 nats/day of the best simple rate (5% may miss; none 0.05)', () => {
    expect(f.long.over002).toBeLessThanOrEqual(0.05 * f.long.users);
    expect(f.long.worst).toBeLessThanOrEqual(0.05);
  });

  it('keeps three-week newcomers within 0.05 nats/day of the completion rate', () => {
    expect(f.newcomersWorst).toBeLessThanOrEqual(0.05);
  });

  it('has a learned model that beats every simple rate on people whose behaviour depends on context', () => {
    const n = f.network;
    expect(n.users).toBeGreaterThan(0);
    expect(n.network).toBeLessThan(Math.min(n.rate, n.score, n.weekday));
  });

  it('learns scheduled habits about as close to the truth as daily ones of the same kind, per labelled day', () => {
    // Nats per labelled day over the truth's: the skill ratio is ill-conditioned for weak streaks (docs/quality.md).
    for (const x of f.scheduled) expect(x.excess, x.kind).toBeLessThanOrEqual(x.dailyExcess + 0.01);
  });

  it('stays above floors under the targets it does not meet yet (mean skill, reminder recall)', () => {
    expect(f.meanSkill).toBeGreaterThanOrEqual(0.5);
    for (const g of f.remindGap) expect(Math.abs(g.gap), g.kind).toBeLessThanOrEqual(0.3);
  });
});
