// One habit on Today: its name, today's state, the streak, and big Done / Skip / Undo targets.
import { Likelihood } from '../likelihood/Likelihood.tsx';
import { useToast } from '../components/Toast.tsx';
import { hrefFor } from '../router.ts';
import { plural } from '../humanize.ts';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLiveQueryResult } from '../hooks/useLiveQuery.ts';
import { lastMarkOn, stateWithout, type DayState, type TodayHabit } from './todayData.ts';
import { loadOlderStreak } from './olderStreak.ts';
import { mark, undo, type MarkOptions } from './actions.ts';
import { useOnce } from './useOnce.ts';
import { scheduleLabel } from '../../habits/schedule.ts';
import { streakUnit } from '../../habits/streaks.ts';
import {
  FOCUS_AFTER,
  holdRowFocus,
  mountRow,
  placeRowFocus,
  rowRendered,
  wantRowFocus,
  type RowControl,
} from './rowFocus.ts';

const STATE_TEXT = { done: '✓ Done today', skipped: 'Skipped today', open: 'Not yet today' } as const;

function streakText(n: number, unit: 'day' | 'week', atLeast = false): string {
  return n > 0 ? `${plural(n, unit)}${atLeast ? ' or more' : ''} streak` : 'No streak yet';
}

/** The state pill's words: an open day of a habit not due today says so. */
function stateText(state: DayState, row: TodayHabit): string {
  if (state === 'open' && row.week && !row.due) return 'Target met this week';
  if (state === 'open' && !row.due) return 'Not due today';
  return STATE_TEXT[state];
}

/** "2 of 3 this week" for an N-per-week habit, counting a tap on screen before it is stored. */
function weekText(row: TodayHabit, shown: DayState): string | null {
  if (!row.week) return null;
  const done = row.week.done + (shown === 'done' ? 1 : 0) - (row.state === 'done' ? 1 : 0);
  return `${done} of ${row.week.target} this week`;
}

/** A streak longer than Today's window: the older part comes from its own (rarely re-run) query. */
function LongStreak({ row, before }: { row: TodayHabit; before: string }) {
  const { value: older } = useLiveQueryResult(
    () => loadOlderStreak(row.habit.id, before, row.habit.createdDay, row.schedule),
    [row.habit.id, before, row.habit.createdDay, JSON.stringify(row.schedule)],
  );
  const unit = streakUnit(row.schedule);
  // Until the older part arrives a zero would read "No streak yet", which may be wrong: say nothing.
  if (older === undefined) return <>{row.streak > 0 ? streakText(row.streak, unit, true) : ''}</>;
  return <>{streakText(row.streak + older, unit)}</>;
}

/** A row's mark counts for the day on screen; the toast's Undo brings focus back to this row. */
function markOptions(habitId: string, shownDay: string): MarkOptions {
  return { day: shownDay, beforeUndo: () => void holdRowFocus(habitId, FOCUS_AFTER.undo) };
}

/** Today's row for one habit. */
export function HabitRow({ row, today }: { row: TodayHabit; today: string }) {
  const toast = useToast();
  const { habit, streak } = row;
  const last = lastMarkOn(row, today);
  const once = useOnce(row);
  // The tap shows at once; the stored state replaces it when the write is confirmed (fresh `row`),
  // and a failed write puts the stored state back (with a message from mark/undo).
  // The guess is tied to the row it was made on, so it is dropped in the same render as new data.
  const [guess, setGuess] = useState<{ state: DayState; on: TodayHabit } | null>(null);
  const pending = guess && guess.on === row ? guess.state : null;
  const act = (pressed: RowControl, next: DayState, write: () => Promise<boolean>) =>
    once(async () => {
      wantRowFocus(habit.id, FOCUS_AFTER[pressed], row);
      setGuess({ state: next, on: row });
      const ok = await write();
      if (!ok) {
        // The pressed button comes back with the stored state: focus returns to it.
        wantRowFocus(habit.id, [pressed], null);
        setGuess(null);
      }
      return ok;
    });
  const state = pending ?? row.state;
  // Habit ids come from backups too and may hold spaces, which would split an IDREF.
  const nameId = useId();
  const rowRef = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => mountRow(habit.id, rowRef.current!, row), [habit.id]);
  useLayoutEffect(() => {
    rowRendered(habit.id, rowRef.current!, row);
    placeRowFocus(habit.id, rowRef.current!, row, pending !== null, document);
  });
  return (
    <li
      ref={rowRef}
      tabIndex={-1}
      class={`habit-row state-${state}${row.due ? '' : ' not-due'}`}
      data-testid="habit-row"
      data-habit-id={habit.id}
      data-state={row.state}
      data-shown-state={state}
      data-due={row.due ? 'yes' : 'no'}
      aria-busy={pending ? true : undefined}
      style={habit.color ? { '--habit': habit.color } : undefined}
      aria-labelledby={nameId}
    >
      <div class="habit-main">
        <span class="habit-dot" aria-hidden="true" />
        <div class="habit-text">
          <h3 class="habit-name" id={nameId}>
            <a href={hrefFor('history', habit.id)}>{habit.name}</a>
          </h3>
          <p class="habit-meta">
            <span class={`state-pill pill-${state}`} data-testid="habit-state">
              {stateText(state, row)}
            </span>
            {row.week && (
              <span class="week-progress" data-testid="habit-week">
                {weekText(row, state)}
              </span>
            )}
            <span class="streak" data-testid="habit-streak" title="Current streak">
              {row.streakContinuesBefore ? (
                <LongStreak row={row} before={row.streakContinuesBefore} />
              ) : (
                streakText(streak, streakUnit(row.schedule))
              )}
            </span>
            {row.schedule.kind !== 'daily' && (
              <span class="schedule-note" data-testid="habit-schedule">
                {scheduleLabel(row.schedule)}
              </span>
            )}
            {habit.reminderTime && <span class="reminder-time">Reminder {habit.reminderTime}</span>}
          </p>
          {/* A chance of doing it means nothing on a day it is not due (and no reminder comes then). */}
          {row.due && <Likelihood habitId={habit.id} />}
        </div>
      </div>
      <div class="habit-actions">
        {state !== 'done' && (
          <button
            type="button"
            class="btn btn-primary btn-big"
            data-action="done"
            onClick={act('done', 'done', () => mark(habit, 'done', toast, markOptions(habit.id, today)))}
          >
            Done <span class="sr-only">{habit.name}</span>
          </button>
        )}
        {state === 'open' && row.due && (
          <button
            type="button"
            class="btn btn-big"
            data-action="skip"
            onClick={act('skip', 'skipped', () => mark(habit, 'skipped', toast, markOptions(habit.id, today)))}
          >
            Skip <span class="sr-only">{habit.name}</span>
          </button>
        )}
        {last?.id !== undefined && !pending && (
          <button
            type="button"
            class="btn btn-big"
            data-action="undo"
            onClick={act('undo', stateWithout(row, today, last.id!), () => undo(last.id!, toast))}
          >
            Undo <span class="sr-only">{habit.name}</span>
          </button>
        )}
      </div>
    </li>
  );
}
