// The quality gate of issue 6, measured through the replay on simulated users with known truth:
// mean skill >= 0.6 on users with structure; never worse than the best simple baseline by more
// than 0.02 nats/day; coin-flips and newcomers within 0.02 nats of the smoothed completion rate.
// Seed 1 is the set the engine was tuned on; seed 2 is a fresh draw of the same kinds of people.
import { beforeAll, describe, expect, it } from 'vitest';
import { devUsers, hasStructure, newcomerUsers, robustUsers, shortCoinUsers } from '../../../scripts/simulate-users.ts';
import { scoreUser, type UserScore } from '../../../scripts/simulate-score.ts';

const TOLERANCE = 0.02;

describe.each([1, 2])('quality gate on simulated users (seed %i)', (seed) => {
  const users = devUsers(seed);
  let rows: UserScore[] = [];
  beforeAll(() => {
    rows = users.map((u) => scoreUser(u));
  }, 180_000);
  const byName = (name: string) => rows[users.findIndex((u) => u.name === name)];

  it('reaches mean skill >= 0.6 on users with structure, and the network itself carries much of it', () => {
    const structured = rows.filter((_, i) => hasStructure(users[i]));
    const meanSkill = (rs: UserScore[]) => rs.reduce((a, r) => a + r.skill, 0) / rs.length;
    const mean = meanSkill(structured);
    expect(mean).toBeGreaterThanOrEqual(0.6);
    const share =
      structured.reduce((a, r) => a + r.modelShare * r.days, 0) / structured.reduce((a, r) => a + r.days, 0);
    expect(share).toBeGreaterThan(0.25);
    // The same engine with the network never trained (the baselines' average alone) falls well short:
    // the good number does not come from the simple statistics.
    const withoutNetwork = users.filter(hasStructure).map((u) => scoreUser(u, { minTrainDays: 1e9 }));
    expect(withoutNetwork.every((r) => r.modelShare === 0)).toBe(true);
    expect(mean - meanSkill(withoutNetwork)).toBeGreaterThan(0.15);
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
// after the first 14, cold-start days included, at most 0.02 nats/day. 126 of the 140 meet it; the
// rest are 60- and 100-day weekly habits whose cold-start week shows the prior that protects
// newcomers, and whose weekday rate then earns its weight at even odds with the completion rate
// that protects short coin-flips (bench/QUALITY.md has both trade-offs). The gate holds every user to 0.035 and the mean to
// 0.01; the engine before the baselines' average failed it (a 60-day weekly habit at 0.058).
describe('robustness on users never tuned on (seeds 11-30)', () => {
  const rows: UserScore[] = [];
  beforeAll(() => {
    for (let seed = 11; seed <= 30; seed++) for (const u of robustUsers(seed)) rows.push(scoreUser(u));
  }, 300_000);

  it('stays within 0.035 nats/day of the best baseline on every user and 0.01 on average', () => {
    const gaps = rows.map((r) => r.model - r.bestBaseline);
    rows.forEach((r, i) => expect(gaps[i], r.user).toBeLessThanOrEqual(0.035));
    expect(gaps.reduce((a, g) => a + g, 0) / gaps.length).toBeLessThanOrEqual(0.01);
  });
});

// Judged against the smoothed completion rate, the measure for newcomers and coin-flips, 20 draws each.
// Newcomers of five kinds (gym and workday rhythms, coin-flips at 50% and 80%, a streak): all 7 scored
// days fall in cold start; at even prior odds 23% of such draws were more than 0.02 nats/day worse
// than it (up to 0.18). Coin-flips of four weeks to four months at 20%, 50% and 80%: their scored days
// run from cold start into the baselines' average, where a weekday rate that fitted the first three
// weeks by luck costs them; with the weekday rate's old head start (odds e² over the completion rate)
// 73 of these 300 were more than 0.02 nats/day behind, up to 0.10.
describe.each([
  { set: 'newcomers of five kinds', users: newcomerUsers, percent: 95, worst: 0.03 },
  { set: 'coin-flips with one to four months of history', users: shortCoinUsers, percent: 85, worst: 0.08 },
])('$set (seeds 11-30)', ({ users, percent, worst }) => {
  const rows: UserScore[] = [];
  beforeAll(() => {
    for (let seed = 11; seed <= 30; seed++) for (const u of users(seed)) rows.push(scoreUser(u));
  }, 120_000);

  it(`stay within 0.02 nats/day of the smoothed completion rate in at least ${percent}% of draws, and within ${worst} in all`, () => {
    const over = rows.filter((r) => r.model - r.base > TOLERANCE);
    expect(over.length, over.map((r) => `${r.user} ${(r.model - r.base).toFixed(3)}`).join(', ')).toBeLessThanOrEqual(
      rows.length * (1 - percent / 100),
    );
    for (const r of rows) expect(r.model - r.base, r.user).toBeLessThanOrEqual(worst);
  });
});
