// Summaries of scored simulated people, against the targets: per kind, the skill, the share of
// missed days reminded (model against the truth's rule), wrong suppressions, and how fast a change is
// followed; across people, the gaps to the simple rates and the network against them.
import { CONTEXT_KINDS, SCHEDULED_KINDS, STRUCTURED_KINDS } from './population.ts';
import type { UserScore } from './score.ts';

/** One kind's row of the quality table. */
export interface KindRow {
  kind: string;
  users: number;
  skill: number;
  remindedModel: number;
  remindedTruth: number;
  quietModel: number;
  quietTruth: number;
  halfwayMedian: number | null;
  modelShare: number;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** The median of finite and infinite values alike (Infinity sorts last). */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Per-kind rows over the scored people of the long-history population. */
export function kindRows(scores: UserScore[]): KindRow[] {
  const kinds = [...STRUCTURED_KINDS, 'coin', ...SCHEDULED_KINDS];
  return kinds.map((kind) => {
    const rs = scores.filter((s) => s.kind === kind);
    const missed = rs.reduce((a, r) => a + r.missed, 0) || 1;
    const halfway = rs.flatMap((r) => r.halfway);
    return {
      kind,
      users: rs.length,
      skill: mean(rs.map((r) => r.skill)),
      remindedModel: rs.reduce((a, r) => a + r.remindedModel, 0) / missed,
      remindedTruth: rs.reduce((a, r) => a + r.remindedTruth, 0) / missed,
      quietModel: rs.reduce((a, r) => a + r.quietModel, 0) / missed,
      quietTruth: rs.reduce((a, r) => a + r.quietTruth, 0) / missed,
      halfwayMedian: halfway.length ? median(halfway) : null,
      modelShare: mean(rs.map((r) => r.modelShare)),
    };
  });
}

/** The network alone against each simple rate, pooled over people of context kinds with >= 120 scored days. */
export function networkVsRates(scores: UserScore[]): {
  users: number;
  days: number;
  network: number;
  rate: number;
  score: number;
  weekday: number;
  beaten: number;
} {
  const rs = scores.filter((s) => CONTEXT_KINDS.includes(s.kind) && s.days >= 120 && s.network.n > 0);
  const w = (f: (r: UserScore) => number): number =>
    rs.reduce((a, r) => a + f(r) * r.network.n, 0) /
    Math.max(
      1,
      rs.reduce((a, r) => a + r.network.n, 0),
    );
  const beaten = rs.filter(
    (r) => r.network.model < Math.min(r.network.rate, r.network.score, r.network.weekday),
  ).length;
  return {
    users: rs.length,
    days: rs.reduce((a, r) => a + r.network.n, 0),
    network: w((r) => r.network.model),
    rate: w((r) => r.network.rate),
    score: w((r) => r.network.score),
    weekday: w((r) => r.network.weekday),
    beaten,
  };
}

/** Markdown for the per-kind table and the structured mean. */
export function kindTable(rows: KindRow[]): string {
  const f = (v: number): string => v.toFixed(2);
  const columns = [
    'kind',
    'people',
    'skill',
    'missed days reminded (model / truth)',
    'wrongly quiet (model / truth)',
    'days to half-way (median)',
    'shown as learned model',
  ];
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  const head = `${line(columns)}\n${line(columns.map(() => '---'))}`;
  const body = rows.map((r) =>
    line([
      r.kind,
      r.users,
      f(r.skill),
      `${f(r.remindedModel)} / ${f(r.remindedTruth)}`,
      `${f(r.quietModel)} / ${f(r.quietTruth)}`,
      r.halfwayMedian === null ? '-' : r.halfwayMedian,
      `${Math.round(r.modelShare * 100)}%`,
    ]),
  );
  const structured = rows.filter((r) => (STRUCTURED_KINDS as readonly string[]).includes(r.kind));
  const meanSkill = mean(structured.map((r) => r.skill)).toFixed(3);
  return `${head}\n${body.join('\n')}\n\nmean skill over the ${structured.length} kinds with structure: ${meanSkill}`;
}
