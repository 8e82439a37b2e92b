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
// Pacific, a short streak), 20 draws. The measure: the gap to the best baseline over every day
// after the first 14, cold-start days included, at most 0.02 nats/day. On 46-136 scored days a few
// draws in hundreds land just above it (bench/QUALITY.md): the gate allows one user in 140 up to
// 0.03, and no more. The engine before the baselines' average failed it (2 users above, up to 0.058).
describe('robustness on users never tuned on (seeds 11-30)', () => {
  const rows: UserScore[] = [];
  beforeAll(() => { for (let seed = 11; seed <= 30; seed++) for (const u of robustUsers(seed)) rows.push(scoreUser(u)); }, 300_000);

  it('stays within 0.02 nats/day of the best baseline on all but one user in 140, and that one within 0.03', () => {
    const gaps = rows.map((r) => ({ user: r.user, gap: r.model - r.bestBaseline }));
    const over = gaps.filter((g) => g.gap > TOLERANCE);
    expect(over.length, JSON.stringify(over)).toBeLessThanOrEqual(1);
    for (const g of gaps) expect(g.gap, g.user).toBeLessThanOrEqual(0.03);
    expect(gaps.reduce((a, g) => a + g.gap, 0) / gaps.length).toBeLessThanOrEqual(0.005);
  });
});
