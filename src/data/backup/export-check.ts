// The export's last defence: a file is checked with the import's own validator before it is
// written, and rows that would make the import refuse the whole file are left out and named.
// Such rows come from older versions (imports before a rule existed, a v1 database upgraded
// before its migration followed the rules); the database itself is never changed here.
import type { BackupFile } from './backup-file.ts';
import { validateBackup } from './validate.ts';

/** A row left out of an exported file: what it is and why the import would refuse it. */
export interface LeftOutRow {
  kind: 'habit' | 'event' | 'checkpoint';
  what: string;
  why: string;
}

const ROW_RE = /^(habits|events|checkpoints)\[(\d+)\](?:\.?(.*))$/;
/** Rounds of validate-and-leave-out before giving up (the second only sees rows of left-out habits). */
const MAX_ROUNDS = 3;

type Table = 'habits' | 'events' | 'checkpoints';

/** Problems by row index for each table, as "field: message". */
function problemsByRow(errors: { path: string; message: string }[]): Record<Table, Map<number, string[]>> {
  const out: Record<Table, Map<number, string[]>> = { habits: new Map(), events: new Map(), checkpoints: new Map() };
  for (const e of errors) {
    const m = ROW_RE.exec(e.path);
    // A problem with the file as a whole cannot be fixed by leaving rows out.
    if (!m) throw new Error(`The backup would not import: ${e.path ? `${e.path}: ` : ''}${e.message}`);
    const list = out[m[1] as Table];
    const row = Number(m[2]);
    list.set(row, [...(list.get(row) ?? []), m[3] ? `${m[3]}: ${e.message}` : e.message]);
  }
  return out;
}

/**
 * The backup without the rows its import would refuse, and those rows with the reasons. A left-out
 * habit takes its events and models with it. Throws when the file as a whole would be refused.
 */
export function withoutUnreadableRows(backup: BackupFile): { backup: BackupFile; leftOut: LeftOutRow[] } {
  const leftOut: LeftOutRow[] = [];
  let b = backup;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = validateBackup(b, { listAll: true });
    // The rows as the database holds them, not the validator's cleaned copy: export writes what is here.
    if (r.ok) return { backup: b, leftOut };
    const bad = problemsByRow(r.errors);
    const goneHabits = new Set<string>();
    const habits = b.habits.filter((h, i) => {
      const why = bad.habits.get(i);
      if (!why) return true;
      goneHabits.add(h.id);
      leftOut.push({ kind: 'habit', what: `habit ${JSON.stringify(h.name)} (${h.id})`, why: why.join('; ') });
      return false;
    });
    const habitGone = (id: string | undefined): string[] | undefined =>
      id !== undefined && goneHabits.has(id) ? [`its habit ${JSON.stringify(id)} is left out`] : undefined;
    const events = b.events.filter((e, i) => {
      const why = bad.events.get(i) ?? habitGone(e.habitId);
      if (why)
        leftOut.push({
          kind: 'event',
          what: `${e.type}${e.habitId ? ` of ${JSON.stringify(e.habitId)}` : ''} at ${e.at}`,
          why: why.join('; '),
        });
      return !why;
    });
    const checkpoints = b.checkpoints?.filter((c, i) => {
      const why = bad.checkpoints.get(i) ?? habitGone(c.habitId);
      if (why)
        leftOut.push({
          kind: 'checkpoint',
          what: `model v${c.version} of ${JSON.stringify(c.habitId)}`,
          why: why.join('; '),
        });
      return !why;
    });
    b = { ...b, habits, events, ...(checkpoints ? { checkpoints } : {}) };
  }
  throw new Error('The backup would not import, even without the rows it refused');
}
