// The speed goals (issue 6) checked against a result, in every layout, so a missed goal is said plainly.
import type { BenchResult, BySize } from './result.ts';

/** Sample count at which the goals are set. */
export const GOAL_SIZE = 'samples_1000';

/** One comparison against a goal: its ratio in each layout, and whether the goal holds in the warm layouts. */
export interface GoalCheck {
  what: string;
  goal: number;
  shared?: number;
  paired?: number;
  isolated?: number;
  cold?: number;
  /** Warm layouts (shared, isolated) whose ratio is below the goal. */
  missedIn: string[];
}

function at(t: BySize | undefined, peer: string): number | undefined {
  return t?.[GOAL_SIZE]?.[peer];
}

function check(c: Omit<GoalCheck, 'missedIn'>): GoalCheck {
  const missedIn: string[] = [];
  if (c.shared !== undefined && c.shared < c.goal) missedIn.push('shared');
  if (c.isolated !== undefined && c.isolated < c.goal) missedIn.push('isolated');
  return { ...c, missedIn };
}

/** The four comparisons behind the goals: brain.js (default; like for like) and tfjs cpu (fit; loop). */
export function goalChecks(r: BenchResult): GoalCheck[] {
  const lfl = r.train_ratio_like_for_like?.[GOAL_SIZE];
  const ratios = (peer: string) => ({
    shared: at(r.train_ratio_vs_nudge_warm, peer),
    isolated: at(r.train_ratio_isolated, peer),
    cold: at(r.train_ratio_cold, peer),
  });
  const checks = [
    check({
      what: "brain.js's default trainer vs Nudge (batch 32)",
      goal: 5,
      ...ratios('brainjs'),
      paired: at(r.train_ratio_paired, 'brainjs'),
    }),
  ];
  if (lfl)
    checks.push(
      check({
        what: "brain.js's Adam vs Nudge at batch 1 (like for like)",
        goal: 5,
        shared: lfl.shared,
        paired: lfl.shared_paired,
        isolated: lfl.isolated,
        cold: lfl.cold,
      }),
    );
  checks.push(check({ what: 'tfjs cpu model.fit vs Nudge', goal: 30, ...ratios('tfjs_cpu') }));
  if (at(r.train_ms, 'tfjs_cpu_loop') !== undefined)
    checks.push(check({ what: "tfjs cpu's fastest loop vs Nudge", goal: 30, ...ratios('tfjs_cpu_loop') }));
  return checks;
}

/** A ratio as text ("6.10x"), or "-" when it was not measured. */
export function times(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}x`;
}

/** One line per check: the ratios by layout and the verdict on the warm layouts. */
export function goalSentence(c: GoalCheck): string {
  const paired = c.paired === undefined ? '' : ` (paired ${times(c.paired)})`;
  const layouts = `shared ${times(c.shared)}${paired}, isolated ${times(c.isolated)}, cold ${times(c.cold)}`;
  const measured = c.shared !== undefined || c.isolated !== undefined;
  const verdict = !measured ? 'not measured' : c.missedIn.length ? `MISSED (${c.missedIn.join(' and ')})` : 'met';
  return `${c.what}, goal >= ${c.goal}x at 1,000 samples: ${layouts}: ${verdict}`;
}
