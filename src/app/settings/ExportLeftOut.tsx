// Tells the person which rows an export left out of the file and why: without it a backup would
// silently miss history, or (before the check existed) be a file the import refuses as a whole.
import type { LeftOutRow } from '../../data/backup/export-check.ts';
import { plural } from '../humanize.ts';

/** Shows at most this many left-out rows (the count says how many in all). */
const MAX_ROWS_SHOWN = 5;

/** How many of each kind, e.g. "1 habit, 3 events". */
function counts(rows: readonly LeftOutRow[]): string {
  const n = (kind: LeftOutRow['kind']) => rows.filter((r) => r.kind === kind).length;
  return [plural(n('habit'), 'habit'), plural(n('event'), 'event'), plural(n('checkpoint'), 'model')]
    .filter((s) => !s.startsWith('0 '))
    .join(', ');
}

/** The rows an export left out, with reasons; nothing when none were. */
export function ExportLeftOut({ rows }: { rows: readonly LeftOutRow[] }) {
  if (!rows.length) return null;
  return (
    <div class="note" role="status" data-testid="export-left-out">
      <p>
        Left out of the backup file: {counts(rows)}. Importing the file would refuse them, so they were left out to keep
        the rest readable. They are still on this device, unchanged.
      </p>
      <ul class="error-list">
        {rows.slice(0, MAX_ROWS_SHOWN).map((r, i) => (
          <li key={i}>
            {r.what}: {r.why}
          </li>
        ))}
      </ul>
      {rows.length > MAX_ROWS_SHOWN && <p>…and {rows.length - MAX_ROWS_SHOWN} more.</p>}
    </div>
  );
}
