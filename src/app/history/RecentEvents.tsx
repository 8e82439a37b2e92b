// The habit's latest events, newest first; a done or skip has Undo (which deletes it). Reminder
// events are the app's own record, not something the person said, so they have none.
import type { StoredEvent } from '../../data/entities.ts';
import { useToast } from '../components/Toast.tsx';
import { clockOf, relativeDay } from '../humanize.ts';
import { undo } from '../today/actions.ts';
import { localDayOf } from '../../learn/time.ts';

const TYPE_TEXT: Record<string, string> = {
  habitCompleted: 'Done',
  habitSkipped: 'Skipped',
  reminderTapped: 'Reminder opened',
  reminderShown: 'Reminder shown',
};

/**
 * True when the event was recorded on a later day than the one it counts for. Read from the
 * event's own fields: its key cannot be split on '|', since a habit id may contain one.
 */
export function markedLater(e: StoredEvent): boolean {
  return e.day !== localDayOf(e.t, e.offset);
}

/**
 * How the event was recorded, after its day: "at 21:40"; a past day marked later says when; a mark
 * given with its own day on that day (an import from Loop Habit Tracker, which keeps no time of day)
 * shows no clock time, since it has none of its own.
 */
function recordedText(e: StoredEvent): string {
  if (markedLater(e)) return ` (marked later, on ${e.at.slice(0, 10)} at ${clockOf(e.at)})`;
  return e.marked ? ' (marked for the day)' : ` at ${clockOf(e.at)}`;
}

/** The recent-events list. */
export function RecentEvents({ events, today }: { events: StoredEvent[]; today: string }) {
  const toast = useToast();
  if (events.length === 0) return <p class="note">Nothing recorded yet.</p>;
  return (
    <ul class="plain-list events" data-testid="recent-events">
      {events.map((e) => {
        const what = TYPE_TEXT[e.type] ?? e.type;
        return (
          <li key={e.id ?? e.key} class="event-row" data-type={e.type} data-day={e.day}>
            <span>
              <strong>{what}</strong> · {relativeDay(e.day, today)}
              <small class="note">{recordedText(e)}</small>
            </span>
            {e.id !== undefined && (e.type === 'habitCompleted' || e.type === 'habitSkipped') && (
              <button type="button" class="btn btn-small" onClick={() => undo(e.id!, toast)}>
                Undo <span class="sr-only">{`${what} on ${e.day}`}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
