// Calendar heatmap of the last six months: one square per day, a column per week. Done days are
// filled with the habit's colour, skipped days drawn as a hollow square, days the habit was not due
// as a small square (shapes, not colour alone).
import { longDay, monthName } from '../humanize.ts';
import { heatmapCells, type Cell } from './heatmapCells.ts';
import type { Schedule } from '../../habits/schedule.ts';

const SIZE = 14;
const GAP = 3;
const LEFT = 30;
const TOP = 16;
const STATUS_LABEL = {
  done: 'done',
  skipped: 'skipped',
  none: 'nothing recorded',
  rest: 'not due',
  before: 'before the habit was created',
} as const;
const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', ''];
/** How far a cell is drawn inside its square: a skip is hollow, a day not due is a small square. */
const INSET: Partial<Record<Cell['status'], number>> = { skipped: 1.5, rest: 4 };

/** The heatmap for one habit. */
export function Heatmap(p: {
  status: Map<string, 'done' | 'skipped'>;
  today: string;
  createdDay: string;
  habitName: string;
  schedule?: Schedule;
}) {
  const cells = heatmapCells(p.status, p.today, p.createdDay, { schedule: p.schedule });
  const hasRest = cells.some((c) => c.status === 'rest');
  const cols = cells[cells.length - 1].col + 1;
  const width = LEFT + cols * (SIZE + GAP);
  const height = TOP + 7 * (SIZE + GAP);
  const months = cells.filter((c) => c.row === 0 && (c.col === 0 || c.day.slice(8) <= '07'));
  const done = cells.filter((c) => c.status === 'done').length;
  const skipped = cells.filter((c) => c.status === 'skipped').length;
  return (
    <figure class="heatmap" data-testid="heatmap">
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the cells. */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`${p.habitName}: last ${cols} weeks, one square per day`}
      >
        {months.map((c) => (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG <text> is not focusable; cells name their day.
          <text key={`m${c.day}`} x={LEFT + c.col * (SIZE + GAP)} y={TOP - 5} class="hm-label" aria-hidden="true">
            {monthName(c.day)}
          </text>
        ))}
        {WEEKDAYS.map((w, r) =>
          w ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG <text> is not focusable; cells name their day.
            <text key={`w${r}`} x={0} y={TOP + r * (SIZE + GAP) + SIZE - 3} class="hm-label" aria-hidden="true">
              {w}
            </text>
          ) : null,
        )}
        {cells.map((c) => {
          const label = `${longDay(c.day)}: ${STATUS_LABEL[c.status]}`;
          const inset = INSET[c.status] ?? 0;
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a <rect> is not interactive.
            <rect
              key={c.day}
              x={LEFT + c.col * (SIZE + GAP) + inset}
              y={TOP + c.row * (SIZE + GAP) + inset}
              width={SIZE - 2 * inset}
              height={SIZE - 2 * inset}
              rx={3}
              class={`hm-cell hm-${c.status}${c.day === p.today ? ' hm-today' : ''}`}
              role="img"
              aria-label={label}
              data-day={c.day}
              data-status={c.status}
            >
              <title>{label}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span class="legend">
          <span class="lg lg-done" aria-hidden="true" /> done
        </span>
        <span class="legend">
          <span class="lg lg-skipped" aria-hidden="true" /> skipped
        </span>
        <span class="legend">
          <span class="lg lg-none" aria-hidden="true" /> nothing
        </span>
        {hasRest && (
          <span class="legend">
            <span class="lg lg-rest" aria-hidden="true" /> not due
          </span>
        )}
        <span class="hm-summary">
          {done} done and {skipped} skipped in these {cols} weeks.
        </span>
      </figcaption>
    </figure>
  );
}
