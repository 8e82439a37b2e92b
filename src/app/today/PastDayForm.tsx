// "Forgot yesterday?": mark a habit done or skipped for one of the last days. The event keeps
// the real time it was recorded and carries the day it counts for (DESIGN.md, Events and days).
import { useState } from 'preact/hooks';
import { addDays } from '../../learn/time.ts';
import { useToast } from '../components/Toast.tsx';
import { relativeDay } from '../humanize.ts';
import { mark, undo } from './actions.ts';
import { useOnce } from './useOnce.ts';
import { PAST_DAYS, lastMarkOn, type TodayHabit } from './todayData.ts';

const STATUS_TEXT = { done: 'done', skipped: 'skipped' } as const;

/**
 * The day the form shows: the one picked, if it can still be marked, else yesterday as of
 * `today` (worked out on every render, so a form left open past midnight moves along).
 */
export function pastDayChoice(days: readonly string[], picked: string | null, today: string): string | undefined {
  const want = picked ?? addDays(today, -1);
  return days.includes(want) ? want : days[0];
}

/** The past-day form; lists the last PAST_DAYS days before today. */
export function PastDayForm({ rows, today }: { rows: TodayHabit[]; today: string }) {
  const [habitId, setHabitId] = useState<string>(rows[0]?.habit.id ?? '');
  const [picked, setPicked] = useState<string | null>(null);
  const row = rows.find((r) => r.habit.id === habitId) ?? rows[0];
  if (!row) return null;
  // Days before the habit existed cannot be marked (the data layer refuses them too).
  const days = Array.from({ length: PAST_DAYS }, (_, i) => addDays(today, -(i + 1))).filter(
    (d) => d >= row.habit.createdDay,
  );
  const chosenDay = pastDayChoice(days, picked, today);
  return (
    <details class="card past-day">
      <summary>Mark a past day</summary>
      <div class="past-day-body">
        <label class="field">
          <span>Habit</span>
          <select value={row.habit.id} onChange={(e) => setHabitId(e.currentTarget.value)} name="past-habit">
            {rows.map((r) => (
              <option key={r.habit.id} value={r.habit.id}>
                {r.habit.name}
              </option>
            ))}
          </select>
        </label>
        {!chosenDay && (
          <p class="note" data-testid="past-status">
            “{row.habit.name}” was added today: there is no earlier day to mark yet.
          </p>
        )}
        {chosenDay && <PastDayControls row={row} days={days} chosenDay={chosenDay} today={today} onDay={setPicked} />}
      </div>
    </details>
  );
}

/** The day picker, that day's state, and Mark done / Mark skipped / Undo for it. */
function PastDayControls(p: {
  row: TodayHabit;
  days: string[];
  chosenDay: string;
  today: string;
  onDay: (d: string) => void;
}) {
  const toast = useToast();
  const { row, days, chosenDay, today } = p;
  const status = row.recentStatus.get(chosenDay);
  const last = lastMarkOn(row, chosenDay);
  const when = { day: chosenDay };
  const once = useOnce(row);
  return (
    <>
      <label class="field">
        <span>Day</span>
        <select value={chosenDay} onChange={(e) => p.onDay(e.currentTarget.value)} name="past-day">
          {days.map((d) => (
            <option key={d} value={d}>
              {relativeDay(d, today)}
            </option>
          ))}
        </select>
      </label>
      <p class="past-status" aria-live="polite" data-testid="past-status">
        {relativeDay(chosenDay, today)}: {status ? STATUS_TEXT[status] : 'nothing recorded'}
      </p>
      <div class="row-buttons">
        <button
          type="button"
          class="btn btn-primary"
          disabled={status === 'done'}
          onClick={once(() => mark(row.habit, 'done', toast, when))}
        >
          Mark done
        </button>
        <button
          type="button"
          class="btn"
          disabled={!!status}
          onClick={once(() => mark(row.habit, 'skipped', toast, when))}
        >
          Mark skipped
        </button>
        {last?.id !== undefined && (
          <button type="button" class="btn" onClick={once(() => undo(last.id!, toast))}>
            Undo
          </button>
        )}
      </div>
    </>
  );
}
