// Issue 19's quality targets, measured on scored simulated people: one function computes every figure the
// targets name, so the CLI's report and the quality gate (tests/unit/learn/quality.test.ts) judge alike.
import { SCHEDULED_KINDS, STRUCTURED_KINDS } from './population.ts';

const meanOf = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
import { kindRows, median, networkVsRates, type KindRow } from './report.ts';
import type { UserScore } from './score.ts';

/** Every figure the targets are judged on. */
export interface TargetFigures {
  rows: KindRow[];
  /** Mean skill over the kinds with structure, and the lowest kind. */
  meanSkill: number;
  worstKind: { kind: string; skill: number };
  /** Days to half-way after a change: the median over every change of every person. */
  halfwayMedian: number;
  /** Per kind with structure: model − truth share of missed days reminded, and of missed days wrongly quiet. */
  remindGap: { kind: string; gap: number }[];
  quietGap: { kind: string; gap: number }[];
  /** People with >= 60 scored days: how many are more than 0.02 nats/day behind the best simple rate, the worst gap. */
  long: { users: number; over002: number; worst: number };
  /** Three-week newcomers: the worst gap to the smoothed completion rate. */
  newcomersWorst: number;
  network: ReturnType<typeof networkVsRates>;
  /** Shown probability against what happened, pooled over every scored day, by tenths; and the mean gap. */
  calibration: { bins: { predicted: number; actual: number; days: number }[]; meanGap: number };
  /**
   * Per scheduled kind: its skill and its daily twins' (same kind, as many labelled days), and the loss over the
   * truth's per labelled day of each (well conditioned where the structure is weak and the skill ratio is not).
   */
  scheduled: { kind: string; skill: number; daily: number; excess: number; dailyExcess: number }[];
}

/** The figures of the long, short and newcomer populations' scores. */
export function targetFigures(pop: {
  long: UserScore[];
  short: UserScore[];
  newcomers: UserScore[];
  twins: UserScore[];
}): TargetFigures {
  const rows = kindRows(pop.long);
  const structured = rows.filter((r) => (STRUCTURED_KINDS as readonly string[]).includes(r.kind));
  const worst = structured.reduce((a, r) => (r.skill < a.skill ? r : a));
  const all = [...pop.long, ...pop.short].filter((s) => s.days >= 60 - 14);
  const gaps = all.map((s) => s.gapToBest);
  return {
    rows,
    meanSkill: structured.reduce((a, r) => a + r.skill, 0) / structured.length,
    worstKind: { kind: worst.kind, skill: worst.skill },
    halfwayMedian: median(pop.long.flatMap((s) => s.halfway)),
    remindGap: structured.map((r) => ({ kind: r.kind, gap: r.remindedModel - r.remindedTruth })),
    quietGap: structured.map((r) => ({ kind: r.kind, gap: r.quietModel - r.quietTruth })),
    long: { users: all.length, over002: gaps.filter((g) => g > 0.02).length, worst: Math.max(...gaps) },
    newcomersWorst: Math.max(...pop.newcomers.map((s) => s.gapToRate)),
    network: networkVsRates(pop.long),
    calibration: calibrationOf([...pop.long, ...pop.short]),
    scheduled: SCHEDULED_KINDS.map((kind) => {
      const own = pop.long.filter((s) => s.kind === kind);
      const twins = pop.twins.filter((s) => s.kind === `${kind}-daily`);
      const excess = (rs: UserScore[]): number => meanOf(rs.map((s) => s.all.model - s.all.truth));
      return {
        kind,
        skill: meanOf(own.map((s) => s.skill)),
        daily: meanOf(twins.map((s) => s.skill)),
        excess: excess(own),
        dailyExcess: excess(twins),
      };
    }),
  };
}

/** One target: what it asks, the figure, and whether it is met. */
export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean;
}

/** The targets against the figures. */
export function checkTargets(f: TargetFigures): TargetCheck[] {
  const worstRemind = f.remindGap.reduce((a, g) => (Math.abs(g.gap) > Math.abs(a.gap) ? g : a));
  const worstQuiet = f.quietGap.reduce((a, g) => (g.gap > a.gap ? g : a));
  const n = f.network;
  const bestRate = Math.min(n.rate, n.score, n.weekday);
  return [
    { target: 'mean skill, people with structure >= 0.75', figure: f.meanSkill.toFixed(3), met: f.meanSkill >= 0.75 },
    {
      target: 'skill of each kind with structure >= 0.5',
      figure: `lowest ${f.worstKind.kind} ${f.worstKind.skill.toFixed(3)}`,
      met: f.worstKind.skill >= 0.5,
    },
    {
      target: 'days until half-way to a new rhythm <= 21 (median)',
      figure: String(f.halfwayMedian),
      met: f.halfwayMedian <= 21,
    },
    {
      target: 'missed days reminded within 0.10 of the truth, every kind',
      figure: `furthest ${worstRemind.kind} ${worstRemind.gap >= 0 ? '+' : ''}${worstRemind.gap.toFixed(2)}`,
      met: f.remindGap.every((g) => Math.abs(g.gap) <= 0.1),
    },
    {
      target: 'wrong suppressions at most 0.05 above the truth',
      figure: `highest ${worstQuiet.kind} ${worstQuiet.gap >= 0 ? '+' : ''}${worstQuiet.gap.toFixed(2)}`,
      met: f.quietGap.every((g) => g.gap <= 0.05),
    },
    {
      target: '>= 60 days: <= 5% over 0.02 behind the best simple rate, none over 0.05',
      figure: `${f.long.over002} of ${f.long.users}, worst ${f.long.worst.toFixed(3)}`,
      met: f.long.over002 <= 0.05 * f.long.users && f.long.worst <= 0.05,
    },
    {
      target: 'newcomers: none over 0.05 behind the completion rate',
      figure: `worst ${f.newcomersWorst.toFixed(3)}`,
      met: f.newcomersWorst <= 0.05,
    },
    {
      target: 'scheduled habits: no worse skill than daily ones of the same kind (as many labelled days)',
      figure: f.scheduled.map((x) => `${x.kind} ${x.skill.toFixed(2)} vs ${x.daily.toFixed(2)}`).join(', '),
      met: f.scheduled.every((x) => x.skill >= x.daily - 0.02),
    },
    {
      target: 'network alone beats every simple rate (context, >= 120 days)',
      figure: `${n.network.toFixed(3)} vs best rate ${bestRate.toFixed(3)} nats/day; ${n.beaten} of ${n.users} people`,
      met: n.network < bestRate,
    },
  ];
}

/** Pooled calibration: per tenth of shown probability, the mean shown and the share done; the day-weighted gap. */
function calibrationOf(scores: UserScore[]): TargetFigures['calibration'] {
  const bins = Array.from({ length: 10 }, (_, b) => {
    let p = 0;
    let done = 0;
    let n = 0;
    for (const s of scores) {
      p += s.calibration.p[b];
      done += s.calibration.done[b];
      n += s.calibration.n[b];
    }
    return { predicted: n ? p / n : NaN, actual: n ? done / n : NaN, days: n };
  }).filter((b) => b.days > 0);
  const days = bins.reduce((a, b) => a + b.days, 0);
  const meanGap = bins.reduce((a, b) => a + Math.abs(b.predicted - b.actual) * b.days, 0) / days;
  return { bins, meanGap };
}
