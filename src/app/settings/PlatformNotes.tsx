// Settings section: plainly what this device can and cannot do for reminders and training.
import { useEffect, useState } from 'preact/hooks';
import { askNotificationPermission } from '../../remind/notify.ts';
import { detectCapabilities, platformNotes } from './capabilities.ts';
import '../components/tones.css';
import './platformNotes.css';

/** Settings section: what this device can and cannot do for reminders and background training. */
export function PlatformNotes() {
  const [caps, setCaps] = useState(detectCapabilities);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    // The person may change the permission in the browser's UI while Settings is open.
    const again = () => document.visibilityState === 'visible' && setCaps(detectCapabilities());
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);
  const ask = async () => {
    setAsking(true);
    try {
      await askNotificationPermission();
    } finally {
      setAsking(false);
      setCaps(detectCapabilities());
    }
  };
  return (
    <section class="platform-notes" aria-labelledby="platform-notes-h" data-testid="platform-notes">
      <h3 id="platform-notes-h">What this device can do</h3>
      <ul>
        {platformNotes(caps).map((n) => (
          <li key={n.id} data-testid={`platform-${n.id}`} data-ok={n.ok ? 'yes' : 'no'}>
            <span class={`cap-mark ${n.ok ? 'cap-yes' : 'cap-no'}`} aria-hidden="true">
              {n.ok ? '✓' : '–'}
            </span>
            <span>
              <strong>{n.title}</strong>
              <span class="sr-only">{n.ok ? ' (available)' : ' (not available)'}</span>: {n.text}
            </span>
          </li>
        ))}
      </ul>
      {caps.notifications === 'default' && (
        <button type="button" class="btn" onClick={ask} disabled={asking} data-testid="allow-notifications">
          {asking ? 'Asking…' : 'Allow notifications'}
        </button>
      )}
    </section>
  );
}
