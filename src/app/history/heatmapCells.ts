// The heatmap's geometry, kept apart from rendering so it can be tested: whole weeks
// (Monday first) ending with the week of today.
import { DAILY, isDue, type Schedule } from '../../habits/schedule.ts';
import { addDays, daysBetween, weekdayOf } from '../../learn/time.ts';

/** A day's cell: where it goes and what it shows. */
export interface Cell {
  day: string;
  col: number;
  row: number;
  /** 'rest': nothing recorded on a day the habit was not due (never a miss). */
  status: 'done' | 'skipped' | 'none' | 'rest' | 'before';
}

/** Cells for `weeks` weeks up to today; days before `createdDay` are 'before', empty days not due 'rest'. */
export function heatmapCells(
  status: Map<string, 'done' | 'skipped'>,
  today: string,
  createdDay: string,
  opts: { weeks?: number; schedule?: Schedule } = {},
): Cell[] {
  const { weeks = 26, schedule = DAILY } = opts;
  const monIndex = (weekdayOf(today) + 6) % 7;
  const start = addDays(today, -monIndex - 7 * (weeks - 1));
  const n = daysBetween(start, today) + 1;
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const day = addDays(start, i);
    const s = status.get(day);
    const empty = day < createdDay ? 'before' : isDue(schedule, day) ? 'none' : 'rest';
    cells.push({ day, col: Math.floor(i / 7), row: i % 7, status: s ?? empty });
  }
  return cells;
}
