// The History screen (#/history/<habitId>): heatmap, streaks, completion rates, strength score
// and the recent events of one habit, with a picker to switch habits.
import { habitsLive } from '../hooks/liveReads.ts';
import type { Habit } from '../../data/entities.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { HabitPicker } from '../components/HabitPicker.tsx';
import { useLiveQueryResult } from '../hooks/useLiveQuery.ts';
import { useToday } from '../hooks/useToday.ts';
import { percent, plural } from '../humanize.ts';
import { hrefFor, navigate } from '../router.ts';
import { Heatmap } from './Heatmap.tsx';
import { RecentEvents } from './RecentEvents.tsx';
import { loadHistory } from './historyData.ts';
import { scheduleLabel, type Schedule } from '../../habits/schedule.ts';
import type { Rate } from '../../habits/rates.ts';

/** What a rate counts: days for a daily habit, due days for other day schedules, weeks met otherwise. */
function rateOf(r: Rate, schedule: Schedule): string {
  if (r.unit === 'week') return `${plural(r.of, 'week')} met`;
  return schedule.kind === 'daily' ? plural(r.of, 'day') : plural(r.of, 'due day');
}

function HabitHistory({ habit, today }: { habit: Habit; today: string }) {
  const { value: data, error } = useLiveQueryResult(
    () => loadHistory(habit, today),
    [habit.id, habit.createdDay, today],
  );
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p class="note">Loading…</p>;
  return (
    <div class="history-body" style={habit.color ? { '--habit': habit.color } : undefined}>
      <p class="note schedule-line" data-testid="history-schedule">
        Schedule: {scheduleLabel(data.schedule)}
      </p>
      <Heatmap
        status={data.status}
        today={today}
        createdDay={habit.createdDay}
        habitName={habit.name}
        schedule={data.schedule}
      />
      <dl class="stats" data-testid="history-stats">
        <div>
          <dt>Current streak</dt>
          <dd data-testid="current-streak">{plural(data.current, data.unit)}</dd>
        </div>
        <div>
          <dt>Best streak</dt>
          <dd data-testid="best-streak">{plural(data.best, data.unit)}</dd>
        </div>
        {data.rates.map((r) => (
          <div key={r.span} data-testid="history-rate">
            <dt>
              Last {r.span} {r.unit}s
            </dt>
            <dd>
              {percent(r.rate)}{' '}
              <small class="note">
                ({r.done} of {rateOf(r, data.schedule)})
              </small>
            </dd>
          </div>
        ))}
        <div>
          <dt>Habit strength</dt>
          <dd data-testid="strength">{percent(data.strength)}</dd>
        </div>
      </dl>
      <details class="note how">
        <summary>How is strength computed?</summary>
        <p>
          Like Loop Habit Tracker's score: an exponentially smoothed completion rate that follows the schedule. Starting
          from 0 before the habit was created, each day up to today (or yesterday while today is still open) updates it
          as <code>score = previous × m + (1 − m) × done</code>, where done is the share of the schedule's target met in
          the period ending that day (1 for a completed day of a daily habit), and <code>m = 0.5^(√f / 13)</code> with f
          the times per day the schedule asks for: a day's weight halves after 13 days for a daily habit, about 20 for 3
          times a week, 34 for once a week. A skipped day leaves it as it is; a missed day pulls it down gradually,
          never to zero at once. Streaks count done days; a skipped day or a day the habit is not due neither counts nor
          breaks a streak, a due day with nothing breaks it. A habit done a number of times a week counts weeks that met
          the target.
        </p>
      </details>
      <h3>Recent events</h3>
      <RecentEvents events={data.recent} today={today} />
    </div>
  );
}

/** The History screen; without a habit id it shows the first active habit. */
export function History({ habitId }: { habitId: string | null }) {
  const today = useToday();
  const { value: habits, error } = useLiveQueryResult(habitsLive, []);
  const sorted = (habits ?? []).slice().sort((a, b) => a.order - b.order);
  const habit =
    sorted.find((h) => h.id === habitId) ??
    (habitId === null ? (sorted.find((h) => !h.archivedAt) ?? sorted[0]) : undefined);
  return (
    <section class="screen history" aria-labelledby="history-h">
      <div class="screen-head">
        <h2 id="history-h">History{habit ? `: ${habit.name}` : ''}</h2>
      </div>
      <ErrorNote error={error} />
      {habits && habits.length === 0 && <p>No habits yet: add one on Today.</p>}
      {habits && habits.length > 0 && (
        <HabitPicker
          habits={sorted}
          value={habit?.id ?? null}
          onChange={(id) => navigate(hrefFor('history', id), true)}
        />
      )}
      {habits && habitId !== null && !habit && <p role="alert">No habit with this id on this device.</p>}
      {habit && <HabitHistory key={habit.id} habit={habit} today={today} />}
    </section>
  );
}
