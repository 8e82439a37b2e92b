// Export and import of the v1 backup file. Import validates the whole file first: on any problem
// the person sees every error with its place in the file, and nothing is changed. Export names any
// rows it left out because the import would refuse them.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LeftOutRow } from '../../data/backup/export-check.ts';
import { backupToText, exportBackupChecked } from '../../data/backup/export.ts';
import { importBackup } from '../../data/backup/import.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { useToast } from '../components/Toast.tsx';
import { plural } from '../humanize.ts';
import { backupFileName, downloadText } from './download.ts';
import { ExportLeftOut } from './ExportLeftOut.tsx';
import { NO_CHANGE, type DataChange } from './dataChange.ts';
import { errorsOf, ImportOutcome, importedText, type Outcome } from './ImportOutcome.tsx';

/** The Backup section of Settings; reports each import through `onChanged` (wiped: it replaced everything). */
export function BackupSection({
  change = NO_CHANGE,
  onChanged,
}: {
  change?: DataChange;
  onChanged?: (wiped: boolean) => void;
}) {
  const toast = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [busy, setBusy] = useState(false);
  // Events written so far of all to write, once the file is checked and the write has begun.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  const [leftOut, setLeftOut] = useState<LeftOutRow[]>([]);
  // The left-out rows were on this device; once a replace or delete-all removed them, the note is wrong.
  useEffect(() => {
    if (change.wiped) setLeftOut([]);
  }, [change]);

  const doExport = async () => {
    setLeftOut([]);
    try {
      const { backup, leftOut } = await exportBackupChecked();
      downloadText(backupToText(backup), backupFileName());
      const missing = leftOut.length ? ` ${plural(leftOut.length, 'item')} left out: see below.` : '';
      toast({
        text:
          `Backup saved: ${plural(backup.habits.length, 'habit')}, ` +
          `${plural(backup.events.length, 'event')}.${missing}`,
      });
      setLeftOut(leftOut);
    } catch (err) {
      toast({ text: `Export failed: ${errorText(err)}` });
    }
  };

  const runImport = async (name: string, text: string, how: 'merge' | 'replace') => {
    setBusy(true);
    setOutcome(null);
    try {
      const c = await importBackup(text, how, (done, total) => setProgress({ done, total }));
      setOutcome({ kind: 'ok', text: importedText(name, how, c) });
      onChanged?.(how === 'replace');
    } catch (err) {
      const errors = errorsOf(err);
      setOutcome(errors ? { kind: 'errors', fileName: name, errors } : { kind: 'failed', text: errorText(err) });
    } finally {
      setBusy(false);
      setProgress(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setOutcome({ kind: 'failed', text: `Could not read ${file.name}: ${errorText(err)}` });
      return;
    }
    if (mode === 'replace') setPending({ name: file.name, text });
    else await runImport(file.name, text, 'merge');
  };

  return (
    <section class="card" aria-labelledby="backup-h">
      <h2 id="backup-h">Backup</h2>
      <p class="note">
        Everything stays on this device. A backup file moves your history to another browser or device, and saves it if
        this browser clears its storage.
      </p>
      <button type="button" class="btn btn-primary" onClick={doExport} data-testid="export-backup">
        Export backup
      </button>
      <ExportLeftOut rows={leftOut} />
      <fieldset class="field">
        <legend>When importing</legend>
        <label class="choice">
          <input
            type="radio"
            name="import-mode"
            value="merge"
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />
          <span>
            Merge: add only what is not here yet
            <span class="note"> (habits already here keep their settings)</span>
          </span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="import-mode"
            value="replace"
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />
          Replace everything here with the file
        </label>
      </fieldset>
      <label class="field file-field">
        <span>Import backup file</span>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          onChange={onFile}
          disabled={busy}
          data-testid="import-file"
        />
      </label>
      <div aria-live="polite" data-testid="import-result">
        {busy && (
          <p>
            Importing…{' '}
            {progress && (
              <progress
                aria-label="Import progress"
                max={Math.max(1, progress.total)}
                value={progress.done}
                data-testid="import-progress"
              />
            )}
          </p>
        )}
        <ImportOutcome outcome={outcome} />
      </div>
      <ConfirmDialog
        open={pending !== null}
        title="Replace all data?"
        confirmLabel="Replace"
        danger
        onConfirm={() => {
          const p = pending!;
          setPending(null);
          runImport(p.name, p.text, 'replace');
        }}
        onCancel={() => {
          setPending(null);
          if (fileRef.current) fileRef.current.value = '';
        }}
      >
        <p>
          Everything on this device — habits, history and learned models — will be replaced by the contents of{' '}
          {pending?.name}. Export a backup first if you may want it back.
        </p>
      </ConfirmDialog>
    </section>
  );
}
