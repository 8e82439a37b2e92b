// Adding a habit: a name, a schedule (every day unless changed), an optional reminder time and
// colour. The data layer validates (trimmed, 1..60 characters) and its message is shown next to the field.
import { useState } from 'preact/hooks';
import { createHabit } from '../../data/repo.ts';
import { ColorChoice } from '../components/ColorChoice.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { useToast } from '../components/Toast.tsx';
import { REMINDER_NOTE } from '../habits/reminderNote.ts';
import { checkName, MAX_NAME_LENGTH, nameLength } from '../../data/fields.ts';
import { DAILY } from '../../habits/schedule.ts';
import { localToday } from '../../learn/time.ts';
import { ScheduleChoice } from '../components/ScheduleChoice.tsx';
import { draftOf, scheduleFromDraft } from '../components/scheduleDraft.ts';

export { nameLength } from '../../data/fields.ts';

/** The longest habit name the data layer accepts; checked here too for an immediate message. */
export const NAME_MAX = MAX_NAME_LENGTH;

/** A message about a name, or null when it is acceptable (the data layer's verdict, in the form's words). */
export function nameProblem(name: string): string | null {
  const check = checkName(name);
  if (check.ok) return null;
  const n = nameLength(name);
  if (n === 0) return 'Give the habit a name.';
  if (n > NAME_MAX) return `The name is too long: ${n} characters, the limit is ${NAME_MAX}.`;
  // Anything else it refuses (line breaks, tabs) is said in its own words.
  return `${check.message}.`;
}

/** The "Add habit" form; clears itself after a successful add. */
export function AddHabitForm() {
  const toast = useToast();
  const [name, setName] = useState('');
  const [time, setTime] = useState('');
  const [color, setColor] = useState<string | null>(null);
  const [draft, setDraft] = useState(() => draftOf(DAILY, localToday()));
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = nameProblem(name);
    if (problem) return setError(problem);
    const schedule = scheduleFromDraft(draft);
    if (!schedule.ok) return setScheduleError(schedule.message);
    setBusy(true);
    try {
      const h = await createHabit({ name, reminderTime: time || null, color, schedule: schedule.value });
      setName('');
      setTime('');
      setColor(null);
      setDraft(draftOf(DAILY, localToday()));
      setError(null);
      toast({ text: `Added “${h.name}”.` });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card add-habit" onSubmit={submit} aria-labelledby="add-h" noValidate>
      <h2 id="add-h">Add a habit</h2>
      <label class="field">
        <span>Name</span>
        <input
          name="name"
          value={name}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'add-error' : 'add-count'}
          onInput={(e) => {
            setName(e.currentTarget.value);
            if (error) setError(null);
          }}
        />
        <small id="add-count" class={nameLength(name) > NAME_MAX ? 'count over' : 'count'}>
          {nameLength(name)}/{NAME_MAX}
        </small>
      </label>
      {error && (
        <p class="error" role="alert" id="add-error">
          {error}
        </p>
      )}
      <ScheduleChoice
        value={draft}
        error={scheduleError}
        onChange={(d) => {
          setDraft(d);
          setScheduleError(null);
        }}
      />
      <label class="field">
        <span>Reminder time (optional)</span>
        <input
          type="time"
          name="reminderTime"
          value={time}
          onInput={(e) => setTime(e.currentTarget.value)}
          aria-describedby="add-reminder-note"
        />
        <small id="add-reminder-note" class="note">
          {REMINDER_NOTE}
        </small>
      </label>
      <ColorChoice name="add-color" value={color} onChange={setColor} />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        Add habit
      </button>
    </form>
  );
}
