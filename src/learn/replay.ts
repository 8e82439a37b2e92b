// The app's life over a history, day by day: for each day D from the habit's first day, the learner
// folds the day before, trains as the scheduler would have that night, and predicts D from what was
// known before D. The replay CLI, the quality tools and the tests all read predictions from here.
import type { LearnConfig } from './config.ts';
import type { HabitInfo } from './events.ts';
import type { DayPrediction } from './learner.ts';
import { foldDays, freshLearner, trainAndPredict } from './night.ts';
import { type EventIndex, fastDayNumber } from './predict/days.ts';
import { sourceOf } from './predict/shown.ts';
import { numberToDay } from './time.ts';
import type { PredictionSource } from './types.ts';

/** One replayed day: what was shown, and what every stage said. */
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
  const s = freshLearner(habit, index, first, cfg);
  for (let day = first; day <= last; day++) {
    foldDays(s, index, day, cfg);
    const { pred } = trainAndPredict(s, cfg);
    onDay({
      habitId: habit.id,
      day: numberToDay(day),
      p: pred.p,
      source: sourceOf(pred.networkShare, s.context, cfg),
      stages: pred,
    });
  }
}
