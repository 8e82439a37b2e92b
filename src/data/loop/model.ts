// Loop Habit Tracker's data as both of its exports hold it, before it becomes Nudge's: habits with
// their frequency, and entries per day with Loop's own values. Read by read-zip.ts and read-db.ts,
// turned into a backup by convert.ts.

/** Loop's entry values (Entry.kt): a yes/no habit's day, or a numerical habit's amount x 1000. */
export const LOOP_VALUE = { UNKNOWN: -1, NO: 0, YES_AUTO: 1, YES_MANUAL: 2, SKIP: 3 } as const;

/** Loop's 20 palette colours by index, as its CSV export writes them (PaletteColor.toCsvColor). */
export const LOOP_PALETTE = [
  '#d32f2f',
  '#e64a19',
  '#f57c00',
  '#ff8f00',
  '#f9a825',
  '#afb42b',
  '#7cb342',
  '#388e3c',
  '#00897b',
  '#00acc1',
  '#039be5',
  '#1976d2',
  '#303f9f',
  '#5e35b1',
  '#8e24aa',
  '#d81b60',
  '#5d4037',
  '#303030',
  '#757575',
  '#aaaaaa',
] as const;

/** A Loop habit, from either export. */
export interface LoopHabit {
  /** 1-based place in Loop's list: the CSV's "001" and its folder prefix. */
  position: number;
  name: string;
  numerical: boolean;
  /** Loop's frequency: `freqNum` times in `freqDen` days. */
  freqNum: number;
  freqDen: number;
  /** '#rrggbb' or null when Loop's colour is unknown. */
  color: string | null;
  archived: boolean;
  /** 'HH:MM' or null (only the database export has reminders). */
  reminderTime: string | null;
  /** Numerical habits: at least or at most `targetValue` `unit` per period. */
  targetType: 'atLeast' | 'atMost';
  targetValue: number;
  unit: string;
}

/** One day's entry: the local day and Loop's value for it. */
export interface LoopEntry {
  day: string;
  value: number;
}

/** Everything read from one Loop export. */
export interface LoopData {
  format: 'csv' | 'db';
  habits: LoopHabit[];
  /** Entries per habit, keyed by LoopHabit.position. */
  entries: Map<number, LoopEntry[]>;
}

/** A problem with a Loop file: which file (and line) and what is wrong. */
export interface LoopProblem {
  path: string;
  message: string;
}

/** A Loop export that cannot be read; nothing was changed. */
export class LoopFileError extends Error {
  override name = 'LoopFileError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
  /** The problem as an import error row. */
  get problem(): LoopProblem {
    return { path: this.path, message: this.message.slice(this.path.length + 2) };
  }
}
