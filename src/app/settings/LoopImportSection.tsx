// "Import from Loop Habit Tracker": the person picks Loop's CSV zip or its database backup, sees a
// preview (habits, days, first and last date, what was converted), then merges or replaces. The
// write is the backup import's: all or nothing, with a progress bar.
import { useRef, useState } from 'preact/hooks';
import { importBackupData } from '../../data/backup/import.ts';
import type { LoopImport } from '../../data/loop/convert.ts';
import { deviceOffset } from '../../learn/time.ts';
import { scheduleLabel, scheduleOf } from '../../habits/schedule.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { longDay, plural } from '../humanize.ts';
import { errorsOf, ImportOutcome, importedText, type Outcome } from './ImportOutcome.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; loop: LoopImport }
  | { kind: 'writing'; name: string; done: number; total: number };

function Preview({ name, loop }: { name: string; loop: LoopImport }) {
  const s = loop.summary;
  return (
    <div class="loop-preview" data-testid="loop-preview">
      <p>
        <strong>{name}</strong> ({s.format === 'db' ? 'Loop database backup' : 'Loop CSV export'}):{' '}
        {plural(s.habits, 'habit')}
        {s.archived ? ` (${s.archived} archived)` : ''}, {plural(s.days, 'day')} with{' '}
        {plural(s.completions, 'completion')} and {plural(s.skips, 'skip')}
        {s.firstDay && s.lastDay ? `, from ${longDay(s.firstDay)} to ${longDay(s.lastDay)}` : ''}.
      </p>
      <ul class="loop-habits" data-testid="loop-habits">
        {loop.backup.habits.map((h) => (
          <li key={h.id}>
            {h.name}: {scheduleLabel(scheduleOf(h)).toLowerCase()}
            {h.archivedAt ? ' (archived)' : ''}
          </li>
        ))}
      </ul>
      {s.notes.length > 0 && (
        <ul class="loop-notes" data-testid="loop-notes">
          {s.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p class="note">
        Manual yeses become completions of their day; skips and explicit “no”s become skips; Loop’s automatic checkmarks
        and unknown days are left out.
      </p>
    </div>
  );
}

/** The Loop import section of Settings; reports each import through `onChanged` (wiped: it replaced everything). */
export function LoopImportSection({ onChanged }: { onChanged?: (wiped: boolean) => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const reset = () => {
    setStep({ kind: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
  };

  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setOutcome(null);
    setStep({ kind: 'reading', name: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // The readers (and fflate) load only when someone imports from Loop; sql.js only for a .db.
      const [{ prepareLoopImport }, { openSqliteInBrowser }] = await Promise.all([
        import('../../data/loop/open.ts'),
        import('../../data/loop/sqlite-browser.ts'),
      ]);
      const loop = await prepareLoopImport(bytes, file.name, {
        openSqlite: openSqliteInBrowser,
        offset: deviceOffset(),
      });
      setStep({ kind: 'preview', name: file.name, loop });
    } catch (err) {
      const errors = errorsOf(err);
      setOutcome(errors ? { kind: 'errors', fileName: file.name, errors } : { kind: 'failed', text: errorText(err) });
      reset();
    }
  };

  const write = async (how: 'merge' | 'replace') => {
    if (step.kind !== 'preview') return;
    const { name, loop } = step;
    setStep({ kind: 'writing', name, done: 0, total: loop.backup.events.length });
    try {
      const c = await importBackupData(loop.backup, how, (done, total) =>
        setStep({ kind: 'writing', name, done, total }),
      );
      setOutcome({ kind: 'ok', text: importedText(name, how, c) });
      onChanged?.(how === 'replace');
    } catch (err) {
      const errors = errorsOf(err);
      setOutcome(errors ? { kind: 'errors', fileName: name, errors } : { kind: 'failed', text: errorText(err) });
    } finally {
      reset();
    }
  };

  return (
    <section class="card" aria-labelledby="loop-import-h" data-testid="loop-import">
      <h2 id="loop-import-h">Import from Loop Habit Tracker</h2>
      <p class="note">
        In Loop, use Settings → Export as CSV (a “Loop Habits CSV … .zip”) or Export full backup (a “Loop Habits Backup
        … .db”), then choose that file here. You see what it holds before anything is imported.
      </p>
      <label class="field file-field">
        <span>Loop export file</span>
        <input
          ref={fileRef}
          type="file"
          accept=".zip,.db,application/zip,application/x-sqlite3,application/vnd.sqlite3"
          onChange={onFile}
          disabled={step.kind === 'reading' || step.kind === 'writing'}
          data-testid="loop-file"
        />
      </label>
      <div aria-live="polite" data-testid="loop-result">
        {step.kind === 'reading' && <p>Reading {step.name}…</p>}
        {step.kind === 'preview' && (
          <>
            <Preview name={step.name} loop={step.loop} />
            <div class="row-buttons">
              <button type="button" class="btn btn-primary" onClick={() => write('merge')} data-testid="loop-merge">
                Import: add to what is here
              </button>
              <button type="button" class="btn btn-danger-outline" onClick={() => setConfirmReplace(true)}>
                Replace everything here
              </button>
              <button type="button" class="btn" onClick={reset}>
                Cancel
              </button>
            </div>
          </>
        )}
        {step.kind === 'writing' && (
          <p>
            <label>
              Importing {step.name}…{' '}
              <progress max={Math.max(1, step.total)} value={step.done} data-testid="loop-progress" />
            </label>
          </p>
        )}
        <ImportOutcome outcome={outcome} />
      </div>
      <ConfirmDialog
        open={confirmReplace}
        title="Replace all data?"
        confirmLabel="Replace"
        danger
        onConfirm={() => {
          setConfirmReplace(false);
          void write('replace');
        }}
        onCancel={() => setConfirmReplace(false)}
      >
        <p>
          Everything on this device — habits, history and learned models — will be replaced by the history from Loop.
          Export a backup first if you may want it back.
        </p>
      </ConfirmDialog>
    </section>
  );
}
