// The quality gate of issue 6, measured through the replay on simulated users with known truth:
// mean skill >= 0.6 on users with structure; never worse than the best simple baseline by more
// than 0.02 nats/day; coin-flips and newcomers within 0.02 nats of the smoothed completion rate.
// Seed 1 is the set the engine was tuned on; seed 2 is a fresh draw of the same kinds of people.
import { beforeAll, describe, expect, it } from 'vitest';
import { devUsers, hasStructure, robustUsers } from '../../../scripts/simulate-users.ts';
import { scoreUser, type UserScore } from '../../../scripts/simulate-score.ts';

const TOLERANCE = 0.02;

describe.each([1, 2])('quality gate on simulated users (seed %i)', (seed) => {
  const users = devUsers(seed);
  let rows: UserScore[] = [];
  beforeAll(() => { rows = users.map((u) => scoreUser(u)); }, 180_000);
  const byName = (name: string) => rows[users.findIndex((u) => u.name === name)];

  it('reaches mean skill >= 0.6 on users with structure, mostly through the network itself', () => {
    const structured = rows.filter((_, i) => hasStructure(users[i]));
    const mean = structured.reduce((a, r) => a + r.skill, 0) / structured.length;
    expect(mean).toBeGreaterThanOrEqual(0.6);
    const share = structured.reduce((a, r) => a + r.modelShare * r.days, 0) / structured.reduce((a, r) => a + r.days, 0);
    expect(share).toBeGreaterThan(0.3);
  });

  it('is never worse than the best of the three baselines by more than 0.02 nats/day (after cold start)', () => {
    for (let i = 0; i < users.length; i++) {
      if (users[i].name.startsWith('newcomer')) continue; // three weeks: the prior by design, gated below
      expect(rows[i].model - rows[i].bestBaseline, users[i].name).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('stays within 0.02 nats/day of the smoothed completion rate on coin-flips and newcomers', () => {
    for (const name of ['coin-kolkata', 'newcomer-paris']) {
      const r = byName(name);
      expect(r.model - r.base, name).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

// Users never tuned on (two to ten months, weekend-only, fading, monthly holidays, a move across the
// Pacific, a short streak). Their total gap includes the cold-start days, where the prior is shown by
// design; after cold start, choosing among predictors on 30-120 days costs up to about ln 3 / 32 days
// = 0.034 nats/day against a baseline picked in hindsight, so that is the bound gated here.
describe('robustness on users never tuned on (seeds 11-13), after cold start', () => {
  const rows: UserScore[] = [];
  beforeAll(() => { for (const seed of [11, 12, 13]) for (const u of robustUsers(seed)) rows.push(scoreUser(u)); }, 180_000);

  it('stays within 0.035 nats/day of the best baseline on every user, and within 0.02 on average', () => {
    const gaps = rows.map((r) => r.gapAfterColdStart ?? 0);
    for (let i = 0; i < rows.length; i++) expect(gaps[i], rows[i].user).toBeLessThanOrEqual(0.035);
    expect(gaps.reduce((a, g) => a + g, 0) / gaps.length).toBeLessThanOrEqual(TOLERANCE);
  });
});
