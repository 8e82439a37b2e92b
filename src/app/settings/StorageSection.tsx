// Storage status and the "Keep my data" request. Browsers that do not say (WebKitGTK has no
// navigator.storage) are reported as "unknown", never guessed.
import { useEffect, useState } from 'preact/hooks';
import { requestPersistence, storageStatus } from '../../data/storage.ts';
import { errorText } from '../components/ErrorNote.tsx';
import { formatBytes } from '../humanize.ts';

type Status = Awaited<ReturnType<typeof storageStatus>>;

/** The Storage section of Settings; `change` goes up after each import or delete-all, which re-reads the figures. */
export function StorageSection({ change = 0 }: { change?: number }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () =>
    storageStatus().then(setStatus, (err: unknown) =>
      setMessage(`Could not read the storage status: ${errorText(err)}`),
    );
  useEffect(() => {
    refresh();
  }, [change]);
  const keep = async () => {
    try {
      const granted = await requestPersistence();
      setMessage(
        granted === true
          ? 'Done: this browser will keep Nudge’s data unless you clear it yourself.'
          : granted === false
            ? 'The browser declined for now. Browsers grant this more readily to installed apps and sites ' +
              'you use often; keep exporting backups.'
            : 'This browser does not offer persistent storage. Keep exporting backups.',
      );
    } catch (err) {
      setMessage(errorText(err));
    }
    refresh();
  };
  const persisted = status?.persisted;
  return (
    <section class="card" aria-labelledby="storage-h" data-testid="storage-section">
      <h2 id="storage-h">Storage</h2>
      {!status && !message && <p>Checking…</p>}
      {status && (
        <dl class="kv">
          <div>
            <dt>Persistent</dt>
            <dd data-testid="persisted">
              {persisted === true
                ? 'Yes: the browser will not clear it on its own'
                : persisted === false
                  ? 'No: the browser may clear it when space runs low or after weeks unused'
                  : 'Unknown: this browser does not say'}
            </dd>
          </div>
          <div>
            <dt>Used</dt>
            <dd>
              {status.usage !== null ? formatBytes(status.usage) : 'unknown'}
              {status.quota !== null ? ` of ${formatBytes(status.quota)} available` : ''}
            </dd>
          </div>
        </dl>
      )}
      {persisted !== true && (
        <button type="button" class="btn btn-primary" onClick={keep}>
          Keep my data
        </button>
      )}
      {message && (
        <p class="note" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
