// What the person waved away today on the reminder banner. Kept in localStorage under one key
// holding today's day, so it resets by itself at midnight and never grows.

const KEY = 'nudge.reminderBanner';

/** Today's dismissals: the whole banner, or single habits already acted on. */
export interface Dismissals {
  day: string;
  all: boolean;
  habits: string[];
}

function read(today: string): Dismissals {
  try {
    const d = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Dismissals | null;
    if (d && d.day === today && Array.isArray(d.habits))
      return { day: today, all: !!d.all, habits: d.habits.filter((h) => typeof h === 'string') };
  } catch {
    // Unreadable or blocked storage: show the banner again rather than fail.
  }
  return { day: today, all: false, habits: [] };
}

/** Today's dismissals (empty on a new day). */
export function loadDismissals(today: string): Dismissals {
  return read(today);
}

/** Records a dismissal for today and returns the new state. */
export function dismiss(today: string, what: { all: true } | { habitId: string }): Dismissals {
  const d = read(today);
  const next: Dismissals =
    'all' in what ? { ...d, all: true } : { ...d, habits: [...new Set([...d.habits, what.habitId])] };
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private modes may refuse storage: the dismissal then lasts until the page is closed.
  }
  return next;
}
