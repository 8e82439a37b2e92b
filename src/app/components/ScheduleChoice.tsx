// Choosing a habit's schedule: a select for the kind, then only the one field that kind needs
// (weekday boxes, times a week, or every how many days), so it stays compact in "Add a habit".
import { useId } from 'preact/hooks';
import { WEEKDAY_SHORT, type ScheduleKind } from '../../habits/schedule.ts';
import type { ScheduleDraft } from './scheduleDraft.ts';
import { shortDay } from '../humanize.ts';

const KIND_LABEL: Record<ScheduleKind, string> = {
  daily: 'Every day',
  weekdays: 'On some weekdays',
  perWeek: 'A number of times a week',
  everyN: 'Every few days',
};
/** Monday first, as the week runs on Today and in History. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** The schedule controls; `error` is shown with them and marks them invalid. */
export function ScheduleChoice(p: {
  value: ScheduleDraft;
  onChange: (d: ScheduleDraft) => void;
  error?: string | null;
}) {
  const id = useId();
  const d = p.value;
  const set = (patch: Partial<ScheduleDraft>) => p.onChange({ ...d, ...patch });
  const errId = `${id}-err`;
  const invalid = p.error ? { 'aria-invalid': true as const, 'aria-describedby': errId } : {};
  return (
    <div class="field schedule-choice" data-testid="schedule-choice">
      <label class="field">
        <span>Schedule</span>
        <select
          name="schedule-kind"
          value={d.kind}
          onChange={(e) => set({ kind: e.currentTarget.value as ScheduleKind })}
        >
          {(Object.keys(KIND_LABEL) as ScheduleKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      {d.kind === 'weekdays' && (
        <fieldset class="weekday-boxes" {...invalid}>
          <legend class="sr-only">Days of the week</legend>
          {WEEK_ORDER.map((wd) => (
            <label key={wd} class="weekday-box">
              <input
                type="checkbox"
                name="schedule-day"
                value={wd}
                checked={d.days.includes(wd)}
                onChange={(e) =>
                  set({ days: e.currentTarget.checked ? [...d.days, wd] : d.days.filter((x) => x !== wd) })
                }
              />
              <span>{WEEKDAY_SHORT[wd]}</span>
            </label>
          ))}
        </fieldset>
      )}
      {d.kind === 'perWeek' && (
        <label class="inline-number">
          <input
            type="number"
            name="schedule-times"
            min={1}
            max={7}
            inputMode="numeric"
            value={d.times}
            onInput={(e) => set({ times: e.currentTarget.value })}
            {...invalid}
          />
          <span>times a week (Monday to Sunday)</span>
        </label>
      )}
      {d.kind === 'everyN' && (
        <label class="inline-number">
          <span>Every</span>
          <input
            type="number"
            name="schedule-every"
            min={2}
            max={365}
            inputMode="numeric"
            value={d.every}
            onInput={(e) => set({ every: e.currentTarget.value })}
            {...invalid}
          />
          <span>days, starting {shortDay(d.from)}</span>
        </label>
      )}
      {p.error && (
        <p class="error" role="alert" id={errId}>
          {p.error}
        </p>
      )}
    </div>
  );
}
