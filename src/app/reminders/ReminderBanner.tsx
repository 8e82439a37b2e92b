// The in-app reminder: on opening Today, the habits at risk (or past their reminder time) that
// are still open, each with "Do it now". Dismissible for the rest of the day.
import { useEffect, useState } from 'preact/hooks';
import { deviceOffset, localMinuteOfDay } from '../../learn/time.ts';
import { dueReminders } from '../../remind/decide.ts';
import { startReminders } from '../../remind/start.ts';
import { loadReminderState } from '../../remind/state.ts';
import { recordReminderTap } from '../../remind/tap.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useToday } from '../hooks/useToday.ts';
import { dismiss, loadDismissals, type Dismissals } from './dismissals.ts';
import { chipPercent } from '../likelihood/likelihoodView.ts';
import { controlSelector } from '../today/rowFocus.ts';
import '../components/tones.css';
import './reminderBanner.css';

function minutesNow(): number {
  const t = Date.now();
  return localMinuteOfDay(t, deviceOffset(new Date(t)));
}

/** Brings the habit's row on Today into view and focuses its Done button (the row if Done is gone). */
function focusHabitRow(habitId: string): void {
  // This banner's own items carry data-habit-id too: look among Today's rows only.
  const row = [...document.querySelectorAll<HTMLElement>('.habit-row[data-habit-id]')].find(
    (el) => el.dataset.habitId === habitId,
  );
  if (!row) return;
  row.scrollIntoView({
    block: 'center',
    behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
  });
  // The row's first button is the likelihood chip, not Done: ask for Done by name.
  (row.querySelector<HTMLElement>(controlSelector('done')) ?? row).focus({ preventScroll: true });
}

/** In-app banner listing habits at risk today. */
export function ReminderBanner() {
  const today = useToday();
  const [minutes, setMinutes] = useState(minutesNow);
  const [dismissed, setDismissed] = useState<Dismissals>(() => loadDismissals(today));
  const state = useLiveQuery(() => loadReminderState(today), [today]);

  useEffect(() => {
    // Today is where the app opens, so the banner also makes sure taps and the badge are handled.
    startReminders();
    const timer = setInterval(() => setMinutes(minutesNow()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => setDismissed(loadDismissals(today)), [today]);

  if (!state || dismissed.all) return null;
  const due = dueReminders(state.habits, state.predictions, state.todayStatus, minutes, { atRiskAnyTime: true }).filter(
    (r) => !dismissed.habits.includes(r.habitId),
  );
  if (!due.length) return null;

  const doItNow = (habitId: string) => {
    void recordReminderTap(habitId);
    setDismissed(dismiss(today, { habitId }));
    focusHabitRow(habitId);
  };
  const atRisk = due.some((r) => r.why === 'at-risk');
  return (
    <aside
      class={`reminder-banner ${atRisk ? 'tone-risk' : 'tone-plain'}`}
      aria-labelledby="reminder-banner-h"
      data-testid="reminder-banner"
    >
      <div class="reminder-head">
        <h2 id="reminder-banner-h">{atRisk ? 'At risk today' : 'Reminder'}</h2>
        <button
          type="button"
          class="btn-quiet"
          onClick={() => setDismissed(dismiss(today, { all: true }))}
          data-testid="reminder-dismiss"
        >
          Not today
        </button>
      </div>
      <ul>
        {due.map((r) => (
          <li key={r.habitId} data-testid="reminder-item" data-habit-id={r.habitId}>
            <span class="reminder-text">
              <strong>{r.name}</strong>{' '}
              {r.week
                ? `· ${r.week.target - r.week.needed} of ${r.week.target} this week${
                    r.why === 'at-risk' && r.p !== null ? `, ${chipPercent(r.p)}% likely to make it` : ''
                  }`
                : r.why === 'at-risk' && r.p !== null
                  ? `· only ${chipPercent(r.p)}% likely today`
                  : r.why === 'at-risk'
                    ? '· tends to slip today'
                    : '· your reminder time'}
            </span>
            <button type="button" class="btn-do" onClick={() => doItNow(r.habitId)} data-testid="reminder-do">
              Do it now <span class="sr-only">: {r.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
