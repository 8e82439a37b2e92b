// The app's life over a history, day by day: for each day D from the habit's first day, the learner
// folds the day before, trains as the scheduler would have that night, and predicts D from what was
// known before D. The replay CLI, the quality tools and the tests all read predictions from here.
import type { LearnConfig } from './config.ts';
import type { HabitInfo } from './events.ts';
import { type DayPrediction, newLearner, observeDay, predictNext } from './learner.ts';
import { type EventIndex, fastDayNumber, opensBefore, readDays } from './predict/days.ts';
import { sourceOf } from './predict/shown.ts';
import type { PredictionSource } from './types.ts';
import { numberToDay } from './time.ts';
import { trainNetwork } from './train-network.ts';

/** 32-bit FNV-1a of a string: seeds depend on habit id and day only (prefix stability). */
export function seedFor(habitId: string, day: string): number {
  let h = 0x811c9dc5;
  const s = `${habitId}|${day}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One replayed day: what was shown, and what every predictor said. */
export interface ReplayDay {
  habitId: string;
  day: string;
  p: number;
  source: PredictionSource;
  stages: DayPrediction;
}

/** Replays one habit from its first day through `lastDay` (inclusive), calling `onDay` for each day. */
export function replayHabit(
  habit: HabitInfo,
  index: EventIndex,
  lastDay: string,
  cfg: LearnConfig,
  onDay: (d: ReplayDay) => void,
): void {
  const first = fastDayNumber(habit.createdDay);
  const last = fastDayNumber(lastDay);
  if (!(last >= first)) return;
  const facts = readDays(index, habit.id, first, last - first + 1);
  const s = newLearner(habit.id, first, opensBefore(index, first, 7), cfg);
  for (let i = 0; first + i <= last; i++) {
    if (i > 0) {
      const k = i - 1;
      observeDay(
        s,
        { done: facts.done[k], opens: facts.opens[k], shown: facts.shown[k], tapped: facts.tapped[k] },
        cfg,
      );
    }
    const day = numberToDay(first + i);
    trainNetwork(s, cfg, seedFor(habit.id, day));
    const pred = predictNext(s, cfg);
    onDay({ habitId: habit.id, day, p: pred.p, source: sourceOf(pred.networkShare, s.context, cfg), stages: pred });
  }
}
