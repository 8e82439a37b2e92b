// Plain-word reasons for a day's probability: which of the things the learner reads pulled it up or down
// (the weekday, the run of done or missed days, yesterday's reminder, yesterday's app use, the last weeks),
// each with the counts behind it. A reason's effect is how far its rate moves today's odds from the recent
// rate, turned into a change of probability, so the strongest pulls come first.
import type { LearnConfig } from './config.ts';
import type { DayPrediction, LearnerState } from './learner.ts';
import { weekdayOfNumber } from './predict/features.ts';
import { momentumRate, opensRate, recentRate, reminderRate } from './predict/rates.ts';
import type { Reason } from './types.ts';

const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Completions among the last `days` labelled days with weekday `wd` (any weekday when wd < 0). */
function countBack(s: LearnerState, days: number, wd = -1): { done: number; of: number } {
  const w = s.window;
  let done = 0;
  let of = 0;
  for (let i = w.count - 1; i >= 0 && of < days; i--) {
    if (wd >= 0 && weekdayOfNumber(w.day[i]) !== wd) continue;
    done += w.y[i] > 0.5 ? 1 : 0;
    of++;
  }
  return { done, of };
}

function runText(s: LearnerState): string {
  const c = s.context;
  if (c.streak > 0) return c.streak === 1 ? 'done yesterday' : `done ${c.streak} days in a row`;
  return c.missRun === 1 ? 'not done yesterday' : `not done for ${c.missRun} days`;
}

function reminderText(s: LearnerState): string {
  const r = s.context.reminder;
  return r === 2
    ? 'you tapped its reminder yesterday'
    : r === 1
      ? 'its reminder was shown yesterday'
      : 'no reminder yesterday';
}

function opensText(s: LearnerState): string {
  const k = s.context.opens[6];
  return k === 0 ? 'you did not open Nudge yesterday' : `you opened Nudge ${plural(k, 'time')} yesterday`;
}

function weekdayText(s: LearnerState, wd: number): string {
  const c = countBack(s, 8, wd);
  if (c.of === 0) return `first ${WEEKDAYS[wd].slice(0, -1)}`;
  const usual = c.done * 2 >= c.of ? 'usually' : 'rarely';
  return `you ${usual} do this on ${WEEKDAYS[wd]} (${c.done} of the last ${c.of})`;
}

function recentText(s: LearnerState): string {
  const c = countBack(s, 14);
  return `done ${c.done} of the last ${plural(c.of, 'day')}`;
}

/** The two or three strongest reasons behind the prediction `pred` of the learner's next day. */
export function explainDay(s: LearnerState, pred: DayPrediction, cfg: LearnConfig, max = 3): Reason[] {
  const c = s.context;
  if (c.days === 0) return [{ feature: 'total', text: 'no days recorded yet', effect: 0 }];
  if (c.days < cfg.shown.coldStartDays) {
    return [{ feature: 'total', text: `done ${c.done} of ${plural(c.days, 'day')} so far`, effect: pred.p - 0.5 }];
  }
  const recent = recentRate(c);
  const wd = weekdayOfNumber(pred.day);
  const candidates: Reason[] = [
    { feature: 'weekday', text: weekdayText(s, wd), effect: pred.simple[2] - recent },
    { feature: 'run', text: runText(s), effect: momentumRate(c) - recent },
    { feature: 'reminder', text: reminderText(s), effect: reminderRate(c) - recent },
    { feature: 'opens', text: opensText(s), effect: opensRate(c) - recent },
    { feature: 'recent', text: recentText(s), effect: recent - 0.5 },
  ];
  const sorted = candidates.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  return sorted.filter((r, k) => k < 2 || (k < max && Math.abs(r.effect) >= 0.05));
}
