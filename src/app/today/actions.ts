// Recording a mark and undoing it, with the toast that offers the undo. Shared by Today's rows
// and the past-day form so both behave the same.
import { deleteEvent, recordEvent } from '../../data/repo.ts';
import type { Habit } from '../../data/entities.ts';
import type { ToastMessage } from '../components/Toast.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { relativeDay } from '../format.ts';

/** Records done/skipped for a habit (today, or a past `day`) and toasts an Undo; false on failure (toasted). */
export async function mark(
  habit: Habit,
  kind: 'done' | 'skipped',
  toast: (m: ToastMessage) => void,
  day?: { day: string; today: string },
): Promise<boolean> {
  try {
    const ev = await recordEvent({
      type: kind === 'done' ? 'habitCompleted' : 'habitSkipped',
      habitId: habit.id,
      ...(day && day.day !== day.today ? { day: day.day } : {}),
    });
    const when = day ? ` for ${relativeDay(day.day, day.today).toLowerCase()}` : '';
    toast({
      text: `${habit.name}: ${kind === 'done' ? 'done' : 'skipped'}${when}.`,
      action: ev.id === undefined ? undefined : { label: 'Undo', run: () => void undo(ev.id!, toast) },
    });
    return true;
  } catch (err) {
    toast({ text: `Could not save: ${errorText(err)}` });
    return false;
  }
}

/** Deletes an event (the log keeps only what the person says is true); false on failure (toasted). */
export async function undo(id: number, toast: (m: ToastMessage) => void): Promise<boolean> {
  try {
    await deleteEvent(id);
    toast({ text: 'Undone.' });
    return true;
  } catch (err) {
    toast({ text: `Could not undo: ${errorText(err)}` });
    return false;
  }
}
