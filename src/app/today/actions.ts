// Recording a mark and undoing it, with the toast that offers the undo. Shared by Today's rows
// and the past-day form so both behave the same.
import { deleteEvent, recordEvent } from '../../data/repo.ts';
import type { Habit } from '../../data/entities.ts';
import type { ToastMessage } from '../components/Toast.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { relativeDay } from '../humanize.ts';
import { localToday } from '../../learn/time.ts';

/** Which day a mark counts for, and what to do before its toast's Undo runs. */
export interface MarkOptions {
  /** The day as the screen shows it; omitted means the real today at the time of the write. */
  day?: string;
  /** Runs first when the toast's Undo is pressed (e.g. to keep focus in the habit's row). */
  beforeUndo?: () => void;
}

/**
 * The `day` to send with a mark: the screen's day when it is already over (the screen may lag
 * behind midnight by up to a minute, and a tap must count for the day the person saw), else
 * nothing, so the data layer uses its own today.
 */
export function dayToSend(shownDay: string | undefined, realToday: string): string | undefined {
  return shownDay !== undefined && shownDay < realToday ? shownDay : undefined;
}

/** Records done/skipped for a habit and toasts an Undo; false on failure (toasted). */
export async function mark(
  habit: Habit,
  kind: 'done' | 'skipped',
  toast: (m: ToastMessage) => void,
  opts: MarkOptions = {},
): Promise<boolean> {
  try {
    const now = new Date();
    const realToday = localToday(now.getTime());
    const day = dayToSend(opts.day, realToday);
    const ev = await recordEvent(
      { type: kind === 'done' ? 'habitCompleted' : 'habitSkipped', habitId: habit.id, ...(day ? { day } : {}) },
      now,
    );
    const when = day ? ` for ${relativeDay(day, realToday).toLowerCase()}` : '';
    const run = async () => {
      opts.beforeUndo?.();
      await undo(ev.id!, toast);
    };
    toast({
      text: `${habit.name}: ${kind === 'done' ? 'done' : 'skipped'}${when}.`,
      action: ev.id === undefined ? undefined : { label: 'Undo', run },
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
