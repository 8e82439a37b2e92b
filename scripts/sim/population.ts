// Populations of simulated people, drawn from a seed: every parameter of a kind (its rhythm, its
// strengths, when it changes, how long the history is, the time zone) is drawn, so a new seed gives
// new people of the same kinds. Quality is reported on seeds drawn after every choice was made.
import { mulberry32 } from '../../src/learn/rng.ts';
import { addDays } from '../../src/learn/time.ts';
import type { SimHabit, SimUser } from './generate.ts';
import type { HabitKind } from './kinds.ts';
import type { Schedule } from '../../src/habits/schedule.ts';

/** The kinds with structure a model can learn (the nine), in table order. */
export const STRUCTURED_KINDS = [
  'weekly',
  'decline',
  'streak',
  'reminder',
  'appDriven',
  'mildDrivers',
  'flip',
  'moving',
  'lapses',
] as const;

/** Kinds on a schedule: streak momentum on 3-4 weekdays, app-use-driven every 2-3 days, N times a week. */
export const SCHEDULED_KINDS = ['streakOnDays', 'appEveryN', 'perWeek'] as const;

/** Kinds whose behaviour depends on context (weekday, app use, reminders, yesterday) rather than drift. */
export const CONTEXT_KINDS: readonly string[] = ['weekly', 'streak', 'reminder', 'appDriven', 'mildDrivers'];

const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/London',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Asia/Tokyo',
  'America/Sao_Paulo',
  'Pacific/Auckland',
];

type Rand = () => number;
const uniform = (r: Rand, lo: number, hi: number): number => lo + (hi - lo) * r();
const int = (r: Rand, lo: number, hi: number): number => Math.floor(uniform(r, lo, hi + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** A weekday profile with `on` days (0 = Sunday) at pOn and the others at pOff. */
function profile(on: number[], pOn: number, pOff: number): number[] {
  return Array.from({ length: 7 }, (_, w) => (on.includes(w) ? pOn : pOff));
}

/** `k` distinct weekdays, drawn. */
function someDays(r: Rand, k: number): number[] {
  const days = [0, 1, 2, 3, 4, 5, 6];
  for (let i = 6; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [days[i], days[j]] = [days[j], days[i]];
  }
  return days.slice(0, k).sort();
}

/** One habit of `kind` with drawn parameters, for a history of `days` days. */
export function drawKind(r: Rand, kind: string, days: number): HabitKind {
  const pOn = (): number => uniform(r, 0.65, 0.92);
  const pOff = (): number => uniform(r, 0.03, 0.25);
  switch (kind) {
    case 'weekly':
      return { kind, p: profile(someDays(r, int(r, 2, 5)), pOn(), pOff()) };
    case 'decline':
      return { kind, from: uniform(r, 0.75, 0.95), to: uniform(r, 0.1, 0.35) };
    case 'streak':
      return { kind, low: uniform(r, 0.1, 0.3), high: uniform(r, 0.75, 0.95), tau: uniform(r, 2, 6) };
    case 'reminder':
      return { kind, low: uniform(r, 0.08, 0.25), high: uniform(r, 0.7, 0.9) };
    case 'appDriven':
      return { kind, low: uniform(r, 0.08, 0.25), high: uniform(r, 0.75, 0.92) };
    case 'mildDrivers':
      return { kind, base: uniform(r, 0.4, 0.6), app: uniform(r, 0.25, 0.4), reminder: uniform(r, 0.25, 0.4) };
    case 'flip': {
      const on = pOn();
      const off = pOff();
      const weekdays = profile([1, 2, 3, 4, 5], on, off);
      const weekend = profile(r() < 0.5 ? [5, 6] : [6, 0], on, off);
      const first = r() < 0.5;
      return { kind, a: first ? weekdays : weekend, b: first ? weekend : weekdays, every: int(r, 90, 200) };
    }
    case 'moving': {
      const every = int(r, 42, 84);
      const on = pOn();
      const off = pOff();
      const patterns: number[][] = [];
      for (let k = 0; k * every < days; k++) patterns.push(profile(someDays(r, 3), on, off));
      return { kind, patterns, every };
    }
    case 'lapses': {
      const holidays: [number, number][] = [];
      for (let d = int(r, 30, 90); d < days; d += int(r, 60, 120)) holidays.push([d, d + int(r, 5, 14)]);
      const high = uniform(r, 0.7, 0.9);
      return { kind, high, restart: uniform(r, 0.1, 0.3), after: int(r, 2, 4), holidays, holidayP: 0.02 };
    }
    case 'coin':
      return { kind, p: uniform(r, 0.15, 0.9) };
    case 'streakOnDays':
      return drawKind(r, 'streak', days);
    case 'appEveryN':
      return drawKind(r, 'appDriven', days);
    case 'perWeek':
      return {
        kind,
        times: int(r, 2, 5),
        base: uniform(r, 0.2, 0.4),
        push: uniform(r, 0.4, 0.6),
        met: uniform(r, 0.03, 0.15),
      };
    default:
      throw new Error(`drawKind: unknown kind ${kind}`);
  }
}

/** The schedule a scheduled kind is drawn with: 3-4 weekdays, every 2-3 days, or its times per week. */
function scheduleOfKind(r: Rand, kind: string, spec: HabitKind): Schedule | null {
  if (kind === 'streakOnDays') return { kind: 'weekdays', days: someDays(r, int(r, 3, 4)) };
  if (kind === 'appEveryN') return { kind: 'everyN', days: int(r, 2, 3), from: '2025-01-06' };
  if (spec.kind === 'perWeek') return { kind: 'perWeek', times: spec.times };
  return null;
}

/** A seed for one user of a population: distinct across seeds, groups and indexes. */
function userSeed(seed: number, group: number, index: number): number {
  return (Math.imul(seed, 7919) + group * 1_000_003 + index * 104_729) >>> 0;
}

/** One simulated person with a single habit of `kind`, its history `days` long. */
export function drawUser(opts: { seed: number; group: number; index: number; kind: string; days: number }): SimUser {
  const s = userSeed(opts.seed, opts.group, opts.index);
  const r = mulberry32(s ^ 0x5bd1e995);
  const timeZone = pick(r, ZONES);
  const start = addDays('2025-01-06', int(r, 0, 120));
  const spec = drawKind(r, opts.kind, opts.days);
  const habit: SimHabit = {
    id: 'h',
    name: opts.kind,
    hour: int(r, 7, 22),
    spec,
    showRate: uniform(r, 0.35, 0.7),
    tapRate: uniform(r, 0.3, 0.8),
  };
  const schedule = scheduleOfKind(r, opts.kind, spec);
  if (schedule) habit.schedule = schedule;
  const user: SimUser = {
    name: `${opts.kind}-${opts.seed}-${opts.index}`,
    kind: opts.kind,
    seed: s,
    timeZone,
    start,
    days: opts.days,
    habits: [habit],
    opens: uniform(r, 0.8, 2),
  };
  if (r() < 0.2 && opts.days > 120) {
    const from = int(r, 30, opts.days - 60);
    user.travel = { from, to: from + int(r, 7, 40), timeZone: pick(r, ZONES) };
  }
  return user;
}

/** Long histories (240-540 days): `perKind` people of each kind with structure, coin-flips and scheduled kinds. */
export function longHistories(seed: number, perKind = 2): SimUser[] {
  const out: SimUser[] = [];
  const kinds = [...STRUCTURED_KINDS, 'coin', ...SCHEDULED_KINDS];
  kinds.forEach((kind, k) => {
    for (let i = 0; i < perKind; i++) {
      const r = mulberry32(userSeed(seed, 1, k * 100 + i));
      out.push(drawUser({ seed, group: 1, index: k * 100 + i, kind, days: int(r, 240, 540) }));
    }
  });
  return out;
}

/** Histories of 60 to 180 days, one person of each kind (the short end of "60 days or more"). */
export function shortHistories(seed: number): SimUser[] {
  const kinds = [...STRUCTURED_KINDS, 'coin', 'coin'];
  return kinds.map((kind, k) => {
    const r = mulberry32(userSeed(seed, 2, k));
    return drawUser({ seed, group: 2, index: k, kind, days: int(r, 60, 180) });
  });
}

/** Three-week newcomers of five kinds. */
export function newcomers(seed: number): SimUser[] {
  return ['weekly', 'streak', 'coin', 'coin', 'reminder'].map((kind, k) =>
    drawUser({ seed, group: 3, index: k, kind, days: 21 }),
  );
}

/**
 * For each scheduled person, the daily habit of the same kind and parameters with as many labelled days (a
 * person who does it every day for as many days as the scheduled one had due days): what "no worse than daily
 * habits of the same kind" is judged against. An N-per-week habit's twin is the same person with no schedule
 * told to Nudge.
 */
export function dailyTwins(users: SimUser[]): SimUser[] {
  return users.flatMap((u) => {
    const h = u.habits[0];
    const sched = h.schedule;
    if (!sched) return [];
    const share = sched.kind === 'weekdays' ? sched.days.length / 7 : sched.kind === 'everyN' ? 1 / sched.days : 1;
    const { schedule: _s, ...daily } = h;
    return [
      { ...u, name: `${u.name}-daily`, kind: `${u.kind}-daily`, days: Math.round(u.days * share), habits: [daily] },
    ];
  });
}
