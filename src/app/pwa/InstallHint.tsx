/**
 * A short, dismissible "Add to Home Screen" hint for iOS Safari visitors. It says why installing first matters:
 * on iOS the home-screen app keeps its own storage, apart from Safari's tabs.
 */
import { useState } from 'preact/hooks';
import { browserInstallHintEnv, rememberInstallHintDismissed, shouldShowInstallHint } from './installHint.ts';
import './pwa.css';

/** Renders the hint when shouldShowInstallHint() says so; remembers dismissal. */
export function InstallHint() {
  const [show, setShow] = useState(() => shouldShowInstallHint(browserInstallHintEnv()));
  if (!show) return null;
  const dismiss = () => {
    rememberInstallHintDismissed();
    setShow(false);
  };
  return (
    <aside class="pwa-hint" aria-labelledby="pwa-hint-title">
      <p id="pwa-hint-title">
        <strong>Install Nudge:</strong> tap Share, then “Add to Home Screen”.
      </p>
      <p>
        The installed app keeps its own storage, apart from Safari’s tabs — so install before you start, or export your
        data here and import it in the installed app.
      </p>
      <button type="button" onClick={dismiss} aria-label="Dismiss the install hint">
        Got it
      </button>
    </aside>
  );
}
