// Training samples of a habit's whole history in one linear pass: events are bucketed by local day
// once, then a single sweep over the days keeps running counters (streak, 30-day ring, weekday
// history, decayed sums). Day D's row is written before day D's own data enters the state, so no
// event on or after D can reach D's features.
import type { HabitInfo, LogEvent } from './events.ts';
import { daysFromCivil, numberToDay, localMinuteOfDay } from './time.ts';
import {
  emptyFeatureState,
  writeFeatures,
  NUM_FEATURES,
  SCORE_DECAY,
  HOUR_DECAY,
  REMINDER_DECAY,
  WEEKDAY_DECAY,
} from './features.ts';
import { computeBaselines, cumulativeLosses, MIX_NAMES, type Baselines } from './baselines.ts';

/** App launches are read from this many days before a habit's creation: its first week's inputs count them. */
export const OPENS_BEFORE = 7;

/** Per-day facts of one habit, indexed from its creation day (opens from OPENS_BEFORE days earlier). */
interface DayFacts {
  done: Uint8Array;
  opens: Uint16Array;
  taps: Uint16Array;
  hourS: Float64Array;
  hourC: Float64Array;
  hourN: Uint16Array;
}

/** Events bucketed by local day number; built once, shared by all habits. */
export interface EventIndex {
  /** App launches per day number. */
  opens: Map<number, number>;
  /** Per habit: flat lists of (day number, kind, minute) where kind 0 = completion, 1 = reminder tap. */
  habits: Map<string, { day: number[]; kind: number[]; minute: number[] }>;
}

/** Samples of one habit: X rows are features of `days[i]`, y its label; xToday the features of `today`. */
export interface HabitSamples {
  X: Float32Array;
  y: Float32Array;
  days: string[];
  n: number;
  xToday: Float32Array;
  /** Past-only baseline probabilities for each sample day and (at index n) for today. */
  baselines: Baselines;
  /** Per baseline: its log-loss summed over the sample days before each index (0..n), see cumulativeLosses. */
  baselineLoss: Baselines;
  /** Completions and labelled days before today (for the prior and explanations). */
  completed: number;
  /** App launches per day, from OPENS_BEFORE days before creation: opens[i + OPENS_BEFORE] is sample day i. */
  opens: Uint16Array;
  /** This habit's reminder taps per sample day. */
  taps: Uint16Array;
}

const DAY_RE_LEN = 10;

/** Days since 1970-01-01 of 'YYYY-MM-DD' without allocating (civil-from-days); NaN when malformed. */
export function fastDayNumber(s: string): number {
  if (s.length !== DAY_RE_LEN) return NaN;
  const y0 = digits(s, 0, 4),
    m = digits(s, 5, 2),
    d = digits(s, 8, 2);
  if (y0 !== y0 || m !== m || d !== d) return NaN;
  return daysFromCivil(y0, m, d);
}

function digits(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** One pass over the events (any order): the index every habit's build reads from. */
export function indexEvents(events: readonly LogEvent[]): EventIndex {
  const minuteOf = localMinuteOfDay; // a local binding: module namespace getters are slow in hot loops under some loaders
  const opens = new Map<number, number>();
  const habits = new Map<string, { day: number[]; kind: number[]; minute: number[] }>();
  for (let i = 0, n = events.length; i < n; i++) {
    const e = events[i];
    const dn = fastDayNumber(e.day);
    if (dn !== dn) continue;
    if (e.type === 'appOpened') {
      opens.set(dn, (opens.get(dn) ?? 0) + 1);
      continue;
    }
    if (!e.habitId || (e.type !== 'habitCompleted' && e.type !== 'reminderTapped')) continue;
    let h = habits.get(e.habitId);
    if (!h) habits.set(e.habitId, (h = { day: [], kind: [], minute: [] }));
    h.day.push(dn);
    h.kind.push(e.type === 'habitCompleted' ? 0 : 1);
    // A past-day mark keeps its recording time, which says nothing about the usual hour.
    h.minute.push(e.marked ? -1 : minuteOf(e.t, e.offset));
  }
  return { opens, habits };
}

function dayFacts(index: EventIndex, habitId: string, first: number, count: number): DayFacts {
  const f: DayFacts = {
    done: new Uint8Array(count),
    opens: new Uint16Array(count + OPENS_BEFORE),
    taps: new Uint16Array(count),
    hourS: new Float64Array(count),
    hourC: new Float64Array(count),
    hourN: new Uint16Array(count),
  };
  for (let i = 0; i < count + OPENS_BEFORE; i++)
    f.opens[i] = Math.min(65535, index.opens.get(first - OPENS_BEFORE + i) ?? 0);
  const h = index.habits.get(habitId);
  if (!h) return f;
  for (let k = 0; k < h.day.length; k++) {
    const i = h.day[k] - first;
    if (i < 0 || i >= count) continue;
    if (h.kind[k] === 1) {
      if (f.taps[i] < 65535) f.taps[i]++;
      continue;
    }
    f.done[i] = 1;
    const m = h.minute[k];
    if (m >= 0) {
      const a = (2 * Math.PI * m) / 1440;
      f.hourS[i] += Math.sin(a);
      f.hourC[i] += Math.cos(a);
      f.hourN[i]++;
    }
  }
  return f;
}

/**
 * Features and labels for every day from the habit's creation day up to (not including) `today`,
 * plus today's features. Linear in events + days. Accepts raw events or a prebuilt index.
 */
export function buildHabitSamples(
  habit: HabitInfo,
  events: readonly LogEvent[] | EventIndex,
  today: string,
): HabitSamples {
  const index = Array.isArray(events) ? indexEvents(events as readonly LogEvent[]) : (events as EventIndex);
  const first = fastDayNumber(habit.createdDay);
  const last = fastDayNumber(today);
  if (first !== first || last !== last)
    throw new Error(`buildHabitSamples: bad day (createdDay ${habit.createdDay}, today ${today})`);
  const n = Math.max(0, last - first);
  const f = dayFacts(index, habit.id, first, n);
  const X = new Float32Array(n * NUM_FEATURES);
  const y = new Float32Array(n);
  const xToday = new Float32Array(NUM_FEATURES);
  const days: string[] = new Array(n);
  const F = NUM_FEATURES,
    scoreDecay = SCORE_DECAY,
    hourDecay = HOUR_DECAY,
    remDecay = REMINDER_DECAY,
    wdDecay = WEEKDAY_DECAY;
  const write = writeFeatures,
    toDay = numberToDay;
  const s = emptyFeatureState();
  // Launches before the creation day are known before it: day 0's inputs see the week before.
  const P = OPENS_BEFORE;
  s.opensYesterday = f.opens[P - 1];
  for (let k = P - 7; k < P; k++) s.opensWeek += f.opens[k];
  const wDone = new Float64Array(7),
    wDays = new Float64Array(7);
  let completed = 0;
  for (let i = 0; i <= n; i++) {
    // State now describes days < i: load day i's weekday counters, then write its row.
    const wd = (((first + i + 4) % 7) + 7) % 7;
    s.doneWeekday = wDone[wd];
    s.daysWeekday = wDays[wd];
    write(s, i < n ? X : xToday, i < n ? i * F : 0);
    if (i === n) break;
    days[i] = toDay(first + i);
    const d = f.done[i];
    y[i] = d;
    completed += d;
    wDone[wd] = wDone[wd] * wdDecay + d;
    wDays[wd] = wDays[wd] * wdDecay + 1;
    s.streak = d ? s.streak + 1 : 0;
    s.yesterday = d;
    s.done30 += d - (i >= 30 ? f.done[i - 30] : 0);
    s.days30 = Math.min(30, i + 1);
    s.opensYesterday = f.opens[i + P];
    s.opensWeek += f.opens[i + P] - f.opens[i + P - 7];
    s.remindersRecent = s.remindersRecent * remDecay + f.taps[i];
    s.hourS = s.hourS * hourDecay + f.hourS[i];
    s.hourC = s.hourC * hourDecay + f.hourC[i];
    s.hourW = s.hourW * hourDecay + f.hourN[i];
    s.scoreA = s.scoreA * scoreDecay + d;
    s.scoreB = s.scoreB * scoreDecay + 1;
  }
  const baselines = computeBaselines(y, n, first);
  return {
    X,
    y,
    days,
    n,
    xToday,
    baselines,
    baselineLoss: cumulativeLosses(baselines, y, n),
    completed,
    opens: f.opens,
    taps: f.taps,
  };
}

/** Features of one day for one habit (builds the history up to it: linear). */
export function featuresForDay(habit: HabitInfo, events: readonly LogEvent[] | EventIndex, day: string): Float32Array {
  return buildHabitSamples(habit, events, day).xToday;
}

/** The samples the app had on day `days[n]`: a zero-copy prefix of a longer build (row n becomes today). */
export function sliceSamples(full: HabitSamples, n: number): HabitSamples {
  if (n > full.n) throw new Error(`sliceSamples: prefix ${n} is longer than the ${full.n} samples built`);
  let completed = 0;
  for (let i = 0; i < n; i++) completed += full.y[i];
  const F = NUM_FEATURES;
  const prefix = (b: Baselines): Baselines =>
    Object.fromEntries(MIX_NAMES.map((k) => [k, b[k].subarray(0, n + 1)])) as Baselines;
  return {
    X: full.X.subarray(0, n * F),
    y: full.y.subarray(0, n),
    days: full.days,
    n,
    xToday: n < full.n ? full.X.subarray(n * F, (n + 1) * F) : full.xToday,
    baselines: prefix(full.baselines),
    baselineLoss: prefix(full.baselineLoss),
    completed,
    // Read only below day n (yesterday and earlier), so the full arrays serve every prefix.
    opens: full.opens,
    taps: full.taps,
  };
}
