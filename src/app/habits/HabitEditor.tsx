// Editing one active habit: rename, schedule, reminder time, colour (saved together), reorder, archive,
// delete. Reorder uses buttons, not drag and drop, so it works with a keyboard and a screen reader.
import { useEffect, useState } from 'preact/hooks';
import type { Habit } from '../../data/entities.ts';
import { archiveHabit, updateHabit } from '../../data/repo.ts';
import { ColorChoice } from '../components/ColorChoice.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { useToast } from '../components/Toast.tsx';
import { NAME_MAX, nameLength, nameProblem } from '../today/AddHabitForm.tsx';
import { REMINDER_NOTE } from './reminderNote.ts';
import { scheduleOf } from '../../habits/schedule.ts';
import { localToday } from '../../learn/time.ts';
import { ScheduleChoice } from '../components/ScheduleChoice.tsx';
import { draftOf, sameSchedule, scheduleFromDraft } from '../components/scheduleDraft.ts';

/** Props of HabitEditor: the habit, its neighbours' moves and the delete request. */
export interface HabitEditorProps {
  habit: Habit;
  first: boolean;
  last: boolean;
  onMove: (dir: -1 | 1) => void;
  onDelete: () => void;
}

/** The editor card for one habit. */
export function HabitEditor({ habit, first, last, onMove, onDelete }: HabitEditorProps) {
  const toast = useToast();
  const [name, setName] = useState(habit.name);
  const [time, setTime] = useState(habit.reminderTime ?? '');
  const [color, setColor] = useState<string | null>(habit.color ?? null);
  const schedule = scheduleOf(habit);
  const [draft, setDraft] = useState(() => draftOf(schedule, localToday()));
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scheduleKey = JSON.stringify(schedule);
  // When another tab (or an import) changes the habit, show the stored values.
  useEffect(() => {
    setName(habit.name);
    setTime(habit.reminderTime ?? '');
    setColor(habit.color ?? null);
    setDraft(draftOf(schedule, localToday()));
  }, [habit.name, habit.reminderTime, habit.color, scheduleKey]);
  const dirty =
    name !== habit.name ||
    time !== (habit.reminderTime ?? '') ||
    color !== (habit.color ?? null) ||
    !sameSchedule(draft, schedule);
  const errId = `edit-err-${habit.id}`;
  const save = async (e: Event) => {
    e.preventDefault();
    const problem = nameProblem(name);
    if (problem) return setError(problem);
    const next = scheduleFromDraft(draft);
    if (!next.ok) return setScheduleError(next.message);
    try {
      await updateHabit(habit.id, { name, reminderTime: time || null, color, schedule: next.value });
      setError(null);
      toast({ text: `Saved “${name.trim()}”.` });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const archive = async () => {
    try {
      await archiveHabit(habit.id);
      toast({ text: `Archived “${habit.name}”. Its history is kept.` });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <li class="card habit-editor" data-testid="habit-editor" data-habit-id={habit.id}>
      <form onSubmit={save} noValidate aria-label={`Edit ${habit.name}`}>
        <label class="field">
          <span>Name</span>
          <input
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errId : undefined}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
          />
          <small class={nameLength(name) > NAME_MAX ? 'count over' : 'count'}>
            {nameLength(name)}/{NAME_MAX}
          </small>
        </label>
        {error && (
          <p class="error" role="alert" id={errId}>
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
          <span>Reminder time</span>
          <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
        {time && <p class="note">{REMINDER_NOTE}</p>}
        <ColorChoice name={`color-${habit.id}`} value={color} onChange={setColor} />
        <div class="row-buttons">
          <button type="submit" class="btn btn-primary" disabled={!dirty}>
            Save <span class="sr-only">{habit.name}</span>
          </button>
          <button
            type="button"
            class="btn"
            disabled={first}
            onClick={() => onMove(-1)}
            aria-label={`Move ${habit.name} up`}
          >
            ↑ Up
          </button>
          <button
            type="button"
            class="btn"
            disabled={last}
            onClick={() => onMove(1)}
            aria-label={`Move ${habit.name} down`}
          >
            ↓ Down
          </button>
          <button type="button" class="btn" onClick={archive}>
            Archive <span class="sr-only">{habit.name}</span>
          </button>
          <button type="button" class="btn btn-danger-outline" onClick={onDelete}>
            Delete <span class="sr-only">{habit.name}</span>
          </button>
        </div>
      </form>
    </li>
  );
}
