// Loop's CSV export, "Loop Habits CSV <date>.zip": Habits.csv at the top and one folder per habit,
// "NNN <name>/Checkmarks.csv". Folders are matched by their 3-digit position, because Loop strips
// names to ASCII for folder names.
import { strFromU8, unzipSync } from 'fflate';
import { readCheckmarksCsv, readHabitsCsv } from './read-csv.ts';
import { LoopFileError, type LoopData, type LoopEntry } from './model.ts';

const FOLDER_RE = /^(?:.*\/)?(\d{3}) [^/]*\/Checkmarks\.csv$/;

/** Reads a Loop CSV zip; throws LoopFileError naming the file (and line) of the problem. */
export function readLoopZip(bytes: Uint8Array, fileName: string): LoopData {
  let files: Record<string, Uint8Array>;
  try {
    // Only the files Loop's reader needs are inflated.
    files = unzipSync(bytes, { filter: (f) => /(^|\/)(Habits|Checkmarks)\.csv$/.test(f.name) });
  } catch (err) {
    throw new LoopFileError(fileName, `this zip file cannot be opened (${(err as Error).message || err})`);
  }
  const names = Object.keys(files);
  const habitsName = names.filter((n) => /(^|\/)Habits\.csv$/.test(n)).sort((a, b) => a.length - b.length)[0];
  if (!habitsName)
    throw new LoopFileError(
      fileName,
      'this zip is not a Loop Habit Tracker export: it has no Habits.csv ' +
        "(export again from Loop's settings: Export as CSV)",
    );
  const habits = readHabitsCsv(strFromU8(files[habitsName]), `${fileName}: ${habitsName}`);
  const entries = new Map<number, LoopEntry[]>();
  for (const name of names) {
    const m = FOLDER_RE.exec(name);
    if (!m) continue;
    const position = Number(m[1]);
    if (!habits.some((h) => h.position === position)) continue;
    entries.set(position, readCheckmarksCsv(strFromU8(files[name]), `${fileName}: ${name}`));
  }
  return { format: 'csv', habits, entries };
}
