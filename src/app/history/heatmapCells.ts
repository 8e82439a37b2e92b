// The heatmap's geometry, kept apart from rendering so it can be tested: whole weeks
// (Monday first) ending with the week of today.
import { addDays, daysBetween, weekdayOf } from '../../learn/time.ts';

/** A day's cell: where it goes and what it shows. */
export interface Cell {
  day: string;
  col: number;
  row: number;
  status: 'done' | 'skipped' | 'none' | 'before';
}

/** Cells for `weeks` weeks up to today; days before `createdDay` are marked 'before'. */
export function heatmapCells(
  status: Map<string, 'done' | 'skipped'>,
  today: string,
  createdDay: string,
  weeks = 26,
): Cell[] {
  const monIndex = (weekdayOf(today) + 6) % 7;
  const start = addDays(today, -monIndex - 7 * (weeks - 1));
  const n = daysBetween(start, today) + 1;
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const day = addDays(start, i);
    const s = status.get(day);
    cells.push({ day, col: Math.floor(i / 7), row: i % 7, status: s ?? (day < createdDay ? 'before' : 'none') });
  }
  return cells;
}
