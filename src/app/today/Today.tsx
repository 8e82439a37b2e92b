// The Today screen: every active habit with one-tap Done / Skip, the day at a glance, past-day
// marks, adding habits, and the sample history for newcomers.
import { ReminderBanner } from '../reminders/ReminderBanner.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useLiveQueryResult } from '../hooks/useLiveQuery.ts';
import { useToday } from '../hooks/useToday.ts';
import { longDay } from '../humanize.ts';
import { AddHabitForm } from './AddHabitForm.tsx';
import { DemoControls } from './DemoControls.tsx';
import { HabitRow } from './HabitRow.tsx';
import { PastDayForm } from './PastDayForm.tsx';
import { loadToday, type TodayData, type TodayHabit } from './todayData.ts';
import { takePrefetchedToday } from './prefetch.ts';
import { useLayoutEffect, useState } from 'preact/hooks';

/** "2 of 3 done today": habits not due today count only once done. */
function summary(rows: TodayHabit[]): string {
  const done = rows.filter((r) => r.state === 'done').length;
  const skipped = rows.filter((r) => r.state === 'skipped').length;
  const resting = rows.filter((r) => !r.due && r.state !== 'done').length;
  const due = rows.length - resting;
  const base = due === 0 ? 'Nothing due today' : `${done} of ${due} done today`;
  const parts = [base, skipped ? `${skipped} skipped` : '', resting ? `${resting} not due` : ''];
  return parts.filter(Boolean).join(', ');
}

/** The Today screen. */
export function Today() {
  const today = useToday();
  const { value: live, error } = useLiveQueryResult(() => loadToday(today), [today]);
  // The start-up read (prefetch.ts) fills the screen until the live query's first result.
  const [early, setEarly] = useState<TodayData | undefined>(undefined);
  useLayoutEffect(() => {
    let gone = false;
    takePrefetchedToday(today)?.then(
      (d) => !gone && setEarly(d),
      () => {},
    );
    return () => {
      gone = true;
    };
  }, []);
  const data = live ?? (early?.today === today ? early : undefined);
  return (
    <section class="screen today" aria-labelledby="today-h">
      <div class="screen-head">
        <h2 id="today-h">Today</h2>
        <p class="date">{longDay(today)}</p>
      </div>
      <ReminderBanner />
      <ErrorNote error={error} />
      {data && data.habits.length > 0 && (
        <>
          <p class="glance" data-testid="today-summary" aria-live="polite">
            {summary(data.habits)}
          </p>
          <ul class="habit-list" data-testid="today-list">
            {data.habits.map((row) => (
              <HabitRow key={row.habit.id} row={row} today={today} />
            ))}
          </ul>
          <p class="screen-links">
            <a href="#/habits" class="btn btn-link">
              Manage habits{data.archivedCount > 0 ? ` (${data.archivedCount} archived)` : ''}
            </a>
          </p>
          <PastDayForm rows={data.habits} today={today} />
        </>
      )}
      {data && data.habits.length === 0 && (
        <div class="card empty" data-testid="today-empty">
          <p>No habits yet. Add one below, or look around with a sample history first.</p>
          {data.archivedCount > 0 && (
            <p>
              <a href="#/habits">{data.archivedCount} archived — restore one</a>
            </p>
          )}
        </div>
      )}
      {data && <DemoControls hasDemo={data.hasDemo} empty={data.habits.length === 0 && data.archivedCount === 0} />}
      {data && <AddHabitForm />}
    </section>
  );
}
