// Simulated people whose true daily probability of doing each habit is known. Each habit has a kind
// (weekly rhythm, streak momentum, driven by yesterday's app use, reminder responder, a change
// half-way, coin-flip, ...); the generator walks the days in the person's time zone (with DST and
// optional travel) and writes a valid backup v1 plus the truth.
import { mulberry32 } from '../src/learn/rng.ts';
import { addDays, formatInstant, weekdayOf } from '../src/learn/time.ts';

/** How a habit's true probability of day D depends on the past. */
export type HabitKind =
  | { kind: 'weekly'; p: number[] } // p per weekday, 0 = Sunday
  | { kind: 'streak'; low: number; high: number; tau: number }
  | { kind: 'appDriven'; low: number; high: number }
  | { kind: 'reminder'; low: number; high: number; tapRate: number }
  | { kind: 'change'; before: HabitKind; after: HabitKind }
  | { kind: 'coin'; p: number }
  | { kind: 'weeklyStreak'; p: number[]; boost: number }
  | { kind: 'decay'; from: number; to: number } // drifts linearly from `from` to `to` over the history
  | { kind: 'holiday'; inner: HabitKind; every: number; length: number; p: number }; // `length` days of p in every `every`

/** One simulated person. */
export interface SimUser {
  name: string;
  seed: number;
  timeZone: string;
  start: string;
  days: number;
  habits: { id: string; name: string; hour: number; spec: HabitKind }[];
  /** Days [from, to) spent in another time zone. */
  travel?: { from: number; to: number; timeZone: string };
  /** Mean app launches a day (besides those that record a completion). */
  opens: number;
}

/** The truth written next to a simulated backup: p per habit per day from its creation day. */
export interface SimTruth {
  user: string;
  habits: Record<string, { start: string; p: number[] }>;
}

const dtfCache = new Map<string, Intl.DateTimeFormat>();

/** UTC offset (minutes east) in force in `timeZone` at epoch ms `t`. */
export function zoneOffset(timeZone: string, t: number): number {
  let f = dtfCache.get(timeZone);
  if (!f) dtfCache.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = f.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]) : 0;
}

/** ISO instant with offset for a local day and minute of day in a time zone (DST-aware). */
export function localIso(timeZone: string, day: string, minute: number): string {
  const localMs = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  let off = zoneOffset(timeZone, localMs);
  off = zoneOffset(timeZone, localMs - off * 60_000);
  return formatInstant(localMs - off * 60_000, off);
}

interface HabitState {
  streak: number;
  done: number[];
}

function truthP(
  spec: HabitKind,
  d: number,
  day: string,
  total: number,
  h: HabitState,
  opensY: number,
  taps: number[],
): number {
  switch (spec.kind) {
    case 'weekly':
      return spec.p[weekdayOf(day)];
    case 'streak':
      return spec.low + (spec.high - spec.low) * (1 - Math.exp(-h.streak / spec.tau));
    case 'appDriven':
      return spec.low + (spec.high - spec.low) * Math.min(1, opensY / 3);
    case 'reminder': {
      const y1 = taps[d - 1] ?? 0,
        y2 = taps[d - 2] ?? 0;
      return spec.low + (spec.high - spec.low) * (y1 > 0 ? 1 : y2 > 0 ? 0.5 : 0);
    }
    case 'change':
      return truthP(d < total / 2 ? spec.before : spec.after, d, day, total, h, opensY, taps);
    case 'coin':
      return spec.p;
    case 'weeklyStreak':
      return Math.min(0.97, spec.p[weekdayOf(day)] + (h.streak >= 2 ? spec.boost : 0));
    case 'decay':
      return spec.from + (spec.to - spec.from) * (d / Math.max(1, total - 1));
    case 'holiday':
      return d % spec.every >= spec.every - spec.length ? spec.p : truthP(spec.inner, d, day, total, h, opensY, taps);
  }
}

function poisson(rand: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0,
    p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/** Generates the backup v1 object and the truth of one simulated user (deterministic in the seed). */
export function simulateUser(u: SimUser): { backup: Record<string, unknown>; truth: SimTruth } {
  const rand = mulberry32(u.seed);
  const events: Record<string, unknown>[] = [];
  const truth: SimTruth = { user: u.name, habits: {} };
  const states = new Map<string, HabitState>();
  const taps = new Map<string, number[]>();
  for (const h of u.habits) {
    states.set(h.id, { streak: 0, done: [] });
    taps.set(h.id, []);
    truth.habits[h.id] = { start: u.start, p: [] };
  }
  let opensYesterday = 0;
  let engaged = rand() < 0.5;
  for (let d = 0; d < u.days; d++) {
    const day = addDays(u.start, d);
    const tz = u.travel && d >= u.travel.from && d < u.travel.to ? u.travel.timeZone : u.timeZone;
    const at = (minute: number): string => localIso(tz, day, minute);
    // App use has its own rhythm: engaged spells and quiet spells (a two-state Markov chain).
    if (rand() < 0.25) engaged = !engaged;
    const opens = poisson(rand, engaged ? u.opens * 1.8 : u.opens * 0.3);
    for (let k = 0; k < opens; k++) events.push({ type: 'appOpened', at: at(420 + Math.floor(rand() * 900)) });
    let opensToday = opens;
    for (const h of u.habits) {
      const st = states.get(h.id)!;
      const tp = taps.get(h.id)!;
      const isReminder = h.spec.kind === 'reminder' || (h.spec.kind === 'change' && h.spec.before.kind === 'reminder');
      const tapRate = h.spec.kind === 'reminder' ? h.spec.tapRate : isReminder ? 0.4 : 0.04;
      const p = truthP(h.spec, d, day, u.days, st, opensYesterday, tp);
      truth.habits[h.id].p.push(p);
      tp.push(rand() < tapRate ? 1 : 0);
      if (tp[d]) events.push({ type: 'reminderTapped', habitId: h.id, at: at(h.hour * 60 - 90) });
      const done = rand() < p;
      st.done.push(done ? 1 : 0);
      st.streak = done ? st.streak + 1 : 0;
      if (done) {
        // Mostly around the usual hour; now and then at 23:50, and now and then marked the next morning.
        const r = rand();
        const minute =
          r < 0.05 ? 23 * 60 + 50 : Math.max(360, Math.min(1435, Math.round(h.hour * 60 + (rand() - 0.5) * 150)));
        if (r > 0.95 && d + 1 < u.days) {
          events.push({ type: 'habitCompleted', habitId: h.id, at: localIso(tz, addDays(day, 1), 480), day });
        } else {
          events.push({ type: 'habitCompleted', habitId: h.id, at: at(minute) });
          if (rand() < 0.6) {
            events.push({ type: 'appOpened', at: at(Math.max(0, minute - 1)) });
            opensToday++;
          }
        }
      } else if (rand() < 0.3) {
        events.push({ type: 'habitSkipped', habitId: h.id, at: at(22 * 60) });
      }
    }
    opensYesterday = opensToday;
  }
  const habits = u.habits.map((h) => ({
    id: h.id,
    name: h.name,
    createdAt: localIso(u.timeZone, u.start, 7 * 60),
    archivedAt: null,
  }));
  const last = addDays(u.start, u.days);
  const backup = {
    app: 'nudge',
    kind: 'backup',
    version: 1,
    exportedAt: new Date(Date.parse(`${last}T12:00:00Z`)).toISOString(),
    timeZone: u.timeZone,
    habits,
    events,
  };
  return { backup, truth };
}

const GYM = [0.1, 0.85, 0.15, 0.85, 0.15, 0.8, 0.1];
const WORKDAYS = [0.2, 0.8, 0.8, 0.85, 0.8, 0.7, 0.15];

/** The development set of simulated users (tuning happens on these only). */
export function devUsers(seed = 1): SimUser[] {
  const s = (k: number): number => seed * 1000 + k;
  return [
    {
      name: 'weekly-paris',
      seed: s(1),
      timeZone: 'Europe/Paris',
      start: '2025-01-06',
      days: 400,
      opens: 1.2,
      habits: [{ id: 'gym', name: 'Gym', hour: 18, spec: { kind: 'weekly', p: GYM } }],
    },
    {
      name: 'streak-newyork',
      seed: s(2),
      timeZone: 'America/New_York',
      start: '2025-02-01',
      days: 365,
      opens: 1.5,
      habits: [{ id: 'run', name: 'Run', hour: 7, spec: { kind: 'streak', low: 0.15, high: 0.9, tau: 3 } }],
    },
    {
      name: 'appuse-kolkata',
      seed: s(3),
      timeZone: 'Asia/Kolkata',
      start: '2025-03-01',
      days: 365,
      opens: 1.5,
      habits: [{ id: 'journal', name: 'Journal', hour: 22, spec: { kind: 'appDriven', low: 0.1, high: 0.85 } }],
    },
    {
      name: 'reminder-paris',
      seed: s(4),
      timeZone: 'Europe/Paris',
      start: '2025-01-01',
      days: 365,
      opens: 1,
      habits: [
        { id: 'water', name: 'Plants', hour: 20, spec: { kind: 'reminder', low: 0.15, high: 0.85, tapRate: 0.4 } },
      ],
    },
    {
      name: 'changer-newyork',
      seed: s(5),
      timeZone: 'America/New_York',
      start: '2025-01-01',
      days: 400,
      opens: 1,
      habits: [
        {
          id: 'read',
          name: 'Read',
          hour: 21,
          spec: {
            kind: 'change',
            before: { kind: 'coin', p: 0.85 },
            after: { kind: 'weekly', p: WORKDAYS.map((p) => p * 0.5) },
          },
        },
      ],
    },
    {
      name: 'mixed-traveller',
      seed: s(6),
      timeZone: 'Europe/Paris',
      start: '2025-02-10',
      days: 365,
      opens: 1.3,
      travel: { from: 150, to: 170, timeZone: 'America/New_York' },
      habits: [
        {
          id: 'study',
          name: 'Study',
          hour: 19,
          spec: { kind: 'weeklyStreak', p: WORKDAYS.map((p) => p * 0.8), boost: 0.15 },
        },
      ],
    },
    {
      name: 'coin-kolkata',
      seed: s(7),
      timeZone: 'Asia/Kolkata',
      start: '2025-01-01',
      days: 365,
      opens: 1,
      habits: [
        { id: 'flip', name: 'Stretch', hour: 9, spec: { kind: 'coin', p: 0.5 } },
        { id: 'often', name: 'Vitamins', hour: 8, spec: { kind: 'coin', p: 0.75 } },
      ],
    },
    {
      name: 'newcomer-paris',
      seed: s(8),
      timeZone: 'Europe/Paris',
      start: '2025-03-20',
      days: 21,
      opens: 1,
      habits: [{ id: 'new', name: 'Meditate', hour: 7, spec: { kind: 'weekly', p: GYM } }],
    },
  ];
}

/** True for users whose behaviour has structure a model can learn (not coin-flips or newcomers). */
export function hasStructure(u: SimUser): boolean {
  return !u.name.startsWith('coin') && !u.name.startsWith('newcomer');
}

/** Seed offset between two draws of the novel users (a prime, so draws share no seed). */
const NOVEL_DRAW_STRIDE = 7919;

/**
 * Other kinds of people, written after tuning to check that the engine generalises (never tuned on).
 * Draw 0 is the fixed set of bench/QUALITY.md; other draws are the same kinds with other seeds.
 */
export function novelUsers(draw = 0): SimUser[] {
  const mk = (
    name: string,
    seed: number,
    spec: HabitKind,
    days = 365,
    timeZone = 'Europe/Berlin',
    hour = 20,
  ): SimUser => ({
    name,
    seed: seed + NOVEL_DRAW_STRIDE * draw,
    timeZone,
    start: '2025-03-01',
    days,
    opens: 1.2,
    habits: [{ id: 'x', name: 'X', hour, spec }],
  });
  return [
    mk('rare', 31, { kind: 'coin', p: 0.08 }),
    mk('almost-always', 32, { kind: 'coin', p: 0.95 }),
    mk('weekend-only', 33, { kind: 'weekly', p: [0.9, 0.05, 0.05, 0.05, 0.05, 0.05, 0.9] }, 365, 'America/Los_Angeles'),
    mk(
      'appuse-then-weekly',
      34,
      {
        kind: 'change',
        before: { kind: 'appDriven', low: 0.1, high: 0.9 },
        after: { kind: 'weekly', p: [0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1] },
      },
      365,
      'Australia/Sydney',
    ),
    mk('streak-slow', 35, { kind: 'streak', low: 0.3, high: 0.95, tau: 8 }, 500),
    mk('reminder-weak', 36, { kind: 'reminder', low: 0.4, high: 0.7, tapRate: 0.2 }),
    mk('weekly-90-days', 37, { kind: 'weekly', p: [0.2, 0.8, 0.8, 0.8, 0.8, 0.8, 0.2] }, 90),
    mk('coin-120-days', 38, { kind: 'coin', p: 0.6 }, 120, 'Asia/Kolkata'),
    // Added later still (after every choice in bench/QUALITY.md, never tuned on): a habit given up, one
    // taken up again, an every-other-day rhythm, both sides of the date line, a monthly break.
    mk('abandoned', 41, { kind: 'change', before: { kind: 'coin', p: 0.8 }, after: { kind: 'coin', p: 0.03 } }),
    mk('restarted', 42, {
      kind: 'change',
      before: { kind: 'coin', p: 0.05 },
      after: { kind: 'streak', low: 0.3, high: 0.9, tau: 3 },
    }),
    mk('every-other-day', 43, { kind: 'streak', low: 0.9, high: 0.05, tau: 1 }, 300),
    mk(
      'kiritimati-late-weekly',
      44,
      { kind: 'weekly', p: [0.1, 0.9, 0.2, 0.9, 0.2, 0.9, 0.1] },
      300,
      'Pacific/Kiritimati',
      23,
    ),
    mk('pago-pago-early-streak', 45, { kind: 'streak', low: 0.2, high: 0.85, tau: 4 }, 300, 'Pacific/Pago_Pago', 6),
    mk(
      'weekly-streak-denver',
      46,
      { kind: 'weeklyStreak', p: [0.2, 0.6, 0.6, 0.6, 0.6, 0.6, 0.2], boost: 0.25 },
      365,
      'America/Denver',
    ),
    mk('monthly-break', 47, { kind: 'holiday', inner: { kind: 'coin', p: 0.85 }, every: 28, length: 4, p: 0.05 }),
  ];
}

/**
 * Robustness set, written after tuning and drawn with any seed (never tuned on): short weekly
 * histories, a weekend-only habit over four months, a slowly fading habit, a weekday habit with a
 * week off every month, a late-evening habit of someone who moves from Tokyo to Los Angeles, and a
 * streak habit over five months.
 */
export function robustUsers(seed = 1): SimUser[] {
  const s = (k: number): number => seed * 1000 + 500 + k;
  const one = (
    name: string,
    k: number,
    spec: HabitKind,
    days: number,
    timeZone: string,
    hour = 19,
    start = '2025-04-07',
  ): SimUser => ({
    name,
    seed: s(k),
    timeZone,
    start,
    days,
    opens: 1.2,
    habits: [{ id: 'h', name: 'Habit', hour, spec }],
  });
  const weekdays = [0.15, 0.8, 0.75, 0.8, 0.75, 0.7, 0.1];
  return [
    one('weekly-60-days', 1, { kind: 'weekly', p: weekdays }, 60, 'Europe/London'),
    one('weekly-100-days', 2, { kind: 'weekly', p: GYM }, 100, 'America/Chicago', 7),
    one(
      'weekend-120-days',
      3,
      { kind: 'weekly', p: [0.85, 0.1, 0.05, 0.1, 0.05, 0.2, 0.85] },
      120,
      'Europe/Madrid',
      10,
    ),
    one('fading-300-days', 4, { kind: 'decay', from: 0.85, to: 0.2 }, 300, 'America/Sao_Paulo', 21),
    one(
      'holidays-monthly',
      5,
      { kind: 'holiday', inner: { kind: 'weekly', p: WORKDAYS }, every: 30, length: 7, p: 0.03 },
      300,
      'Europe/Paris',
      18,
    ),
    {
      ...one('mover-tokyo-la', 6, { kind: 'weekly', p: [0.3, 0.8, 0.2, 0.8, 0.2, 0.8, 0.6] }, 240, 'Asia/Tokyo', 23),
      travel: { from: 120, to: 240, timeZone: 'America/Los_Angeles' },
    },
    one('streak-150-days', 7, { kind: 'streak', low: 0.2, high: 0.85, tau: 4 }, 150, 'Asia/Kolkata', 6),
  ];
}

/**
 * Newcomers, three weeks of history each (their 7 scored days fall in cold start), of five kinds:
 * the gym and workday rhythms, coin-flips at 50% and 80%, and a streak habit. The issue judges them
 * against the smoothed completion rate.
 */
export function newcomerUsers(seed = 1): SimUser[] {
  const one = (name: string, k: number, spec: HabitKind, timeZone: string): SimUser => ({
    name,
    seed: seed * 1000 + 800 + k,
    timeZone,
    start: '2025-03-20',
    days: 21,
    opens: 1,
    habits: [{ id: 'n', name: 'New', hour: 8, spec }],
  });
  return [
    one('newcomer-gym', 1, { kind: 'weekly', p: GYM }, 'Europe/Paris'),
    one('newcomer-workdays', 2, { kind: 'weekly', p: WORKDAYS }, 'America/New_York'),
    one('newcomer-coin-50', 3, { kind: 'coin', p: 0.5 }, 'Asia/Kolkata'),
    one('newcomer-coin-80', 4, { kind: 'coin', p: 0.8 }, 'Europe/London'),
    one('newcomer-streak', 5, { kind: 'streak', low: 0.15, high: 0.9, tau: 3 }, 'America/Chicago'),
  ];
}

/** History lengths (days) and completion rates of the short coin-flips. */
const SHORT_COIN_DAYS = [28, 42, 60, 90, 120];
const SHORT_COIN_RATES = [0.2, 0.5, 0.8];

/**
 * Coin-flips with four weeks to four months of history, at 20%, 50% and 80% (15 users per seed,
 * never tuned on). Their scored days start in cold start and run into the baselines' average, where
 * a weekday rate that happened to fit the first weeks costs them; the issue judges coin-flips
 * against the smoothed completion rate.
 */
export function shortCoinUsers(seed = 1): SimUser[] {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles'];
  return SHORT_COIN_DAYS.flatMap((days, i) =>
    SHORT_COIN_RATES.map(
      (p, j): SimUser => ({
        name: `coin-${Math.round(p * 100)}-${days}-days`,
        seed: seed * 1000 + 900 + 3 * i + j,
        timeZone: zones[i],
        start: '2025-02-03',
        days,
        opens: 1,
        habits: [{ id: 'c', name: 'Coin', hour: 9, spec: { kind: 'coin', p } }],
      }),
    ),
  );
}
