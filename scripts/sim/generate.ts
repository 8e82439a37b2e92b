// Simulated people as backup files: walks the days in the person's time zone (DST and travel included),
// draws app launches, reminders shown and tapped, completions, skips and past-day marks, and writes a
// valid backup v1 next to the truth (the probability of each day).
import { mulberry32 } from '../../src/learn/rng.ts';
import { addDays, formatInstant, weekdayOf } from '../../src/learn/time.ts';
import { isDue, type Schedule } from '../../src/habits/schedule.ts';
import { type HabitKind, type PastContext, truthP } from './kinds.ts';

/** The chance of doing a habit on a day it is not due (no label: never scored). */
const REST_P = 0.03;

/** One habit of a simulated person. `showRate`: share of days the app shows its reminder; `tapRate`: taps per shown. */
export interface SimHabit {
  id: string;
  name: string;
  hour: number;
  spec: HabitKind;
  showRate: number;
  tapRate: number;
  /** Absent: daily. Truth, reminders and streaks follow the due days. */
  schedule?: Schedule;
}

/** One simulated person. `kind` names the population group it belongs to (for tables). */
export interface SimUser {
  name: string;
  kind: string;
  seed: number;
  timeZone: string;
  start: string;
  days: number;
  habits: SimHabit[];
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
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    dtfCache.set(timeZone, f);
  }
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

function poisson(rand: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

interface HabitState {
  streak: number;
  missRun: number;
  /** Completions so far this week (Monday to Sunday). */
  weekDone: number;
  /** Reminder outcome per day: 0 none, 1 shown, 2 shown and tapped. */
  reminders: number[];
}

type Event = Record<string, unknown>;

/** Draws one habit's reminder of the day (0 none, 1 shown, 2 shown and tapped) and writes its events. */
function reminderOfDay(rand: () => number, h: SimHabit, at: (minute: number) => string, events: Event[]): number {
  let reminder = 0;
  if (rand() < h.showRate) {
    reminder = 1;
    const shownAt = Math.max(0, h.hour * 60 - 60);
    events.push({ type: 'reminderShown', habitId: h.id, at: at(shownAt) });
    if (rand() < h.tapRate) {
      reminder = 2;
      events.push({ type: 'reminderTapped', habitId: h.id, at: at(shownAt + 3) });
    }
  }
  return reminder;
}

/** Generates the backup v1 object and the truth of one simulated user (deterministic in the seed). */
export function simulateUser(u: SimUser): { backup: Record<string, unknown>; truth: SimTruth } {
  const rand = mulberry32(u.seed);
  const events: Event[] = [];
  const truth: SimTruth = { user: u.name, habits: {} };
  const states = new Map<string, HabitState>();
  for (const h of u.habits) {
    states.set(h.id, { streak: 0, missRun: 0, weekDone: 0, reminders: [] });
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
    const weekIndex = (weekdayOf(day) + 6) % 7;
    for (const h of u.habits) {
      const st = states.get(h.id)!;
      if (weekIndex === 0) st.weekDone = 0;
      if (h.schedule && !isDue(h.schedule, day)) {
        // A rest day: no reminder, rarely done, and neither streak nor week target moves on it.
        truth.habits[h.id].p.push(REST_P);
        st.reminders.push(0);
        if (rand() < REST_P) events.push({ type: 'habitCompleted', habitId: h.id, at: at(h.hour * 60) });
        continue;
      }
      const c: PastContext = {
        d,
        day,
        total: u.days,
        streak: st.streak,
        missRun: st.missRun,
        opensYesterday,
        reminder1: st.reminders[d - 1] ?? 0,
        reminder2: st.reminders[d - 2] ?? 0,
        weekDone: st.weekDone,
        daysLeft: 7 - weekIndex,
      };
      const p = truthP(h.spec, c);
      truth.habits[h.id].p.push(p);
      st.reminders.push(reminderOfDay(rand, h, at, events));
      const done = rand() < p;
      st.streak = done ? st.streak + 1 : 0;
      st.missRun = done ? 0 : st.missRun + 1;
      if (done) st.weekDone++;
      if (done) {
        // Mostly around the usual hour; now and then at 23:50, and now and then marked the next morning.
        const r = rand();
        const late = 23 * 60 + 50;
        const minute = r < 0.05 ? late : Math.max(360, Math.min(1435, Math.round(h.hour * 60 + (rand() - 0.5) * 150)));
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
    ...(h.schedule ? { schedule: h.schedule } : {}),
  }));
  const last = addDays(u.start, u.days);
  const exportedAt = new Date(Date.parse(`${last}T12:00:00Z`)).toISOString();
  const scheduled = u.habits.some((h) => h.schedule);
  const version = scheduled ? 2 : 1;
  const backup = { app: 'nudge', kind: 'backup', version, exportedAt, timeZone: u.timeZone, habits, events };
  return { backup, truth };
}
