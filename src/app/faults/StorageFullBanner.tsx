// The read-only state after a write failed for lack of space: says so once, at the top of every
// screen, keeps everything readable, and lets the person check again after freeing space.
import { useEffect, useState } from 'preact/hooks';
import { isReadOnly, onReadOnlyChange, probeWritable } from '../../data/faults.ts';

/** Shows "storage full — read-only" while the app is read-only; renders nothing otherwise. */
export function StorageFullBanner() {
  const [readOnly, setReadOnly] = useState(isReadOnly);
  const [checking, setChecking] = useState(false);
  const [stillFull, setStillFull] = useState(false);
  useEffect(() => onReadOnlyChange(setReadOnly), []);
  useEffect(() => {
    if (!readOnly) return;
    // Space is usually freed in another app: check again when the person comes back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void probeWritable();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [readOnly]);
  if (!readOnly) return null;
  const retry = async () => {
    setChecking(true);
    const ok = await probeWritable();
    setChecking(false);
    setStillFull(!ok);
  };
  return (
    <div class="banner banner-warn storage-full" role="alert" data-testid="storage-full">
      <p>
        <strong>Storage is full — Nudge is read-only until space is freed.</strong> Everything saved so far is kept and
        shown; new marks and changes cannot be saved yet. Free some space on this device, then try again.
      </p>
      {stillFull && <p data-testid="storage-still-full">Still no space: nothing new can be saved yet.</p>}
      <button type="button" class="btn" disabled={checking} onClick={retry}>
        {checking ? 'Checking…' : 'Try saving again'}
      </button>
    </div>
  );
}
