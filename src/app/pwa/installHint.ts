/**
 * Who should see the "Add to Home Screen" hint: iOS Safari visitors not already in the installed app, who have
 * not dismissed it. Pure, so it is tested without a browser.
 */

/** What the decision reads from the browser. */
export interface InstallHintEnv {
  userAgent: string;
  platform: string;
  maxTouchPoints: number;
  /** navigator.standalone (iOS home-screen app) */
  standalone: boolean | undefined;
  /** matchMedia('(display-mode: standalone)').matches */
  displayModeStandalone: boolean;
  dismissed: boolean;
}

/** localStorage key remembering that the person closed the hint. */
export const INSTALL_HINT_DISMISSED_KEY = 'nudge.installHint.dismissed';

/** True on iPhone/iPad Safari outside the home-screen app, unless dismissed before. */
export function shouldShowInstallHint(env: InstallHintEnv): boolean {
  if (env.dismissed || env.standalone === true || env.displayModeStandalone) return false;
  // iPadOS 13+ reports itself as a Mac; touch points give it away.
  const iOS = /iPad|iPhone|iPod/.test(env.userAgent) || (env.platform === 'MacIntel' && env.maxTouchPoints > 1);
  // Other iOS browsers (Chrome, Firefox, Edge, ...) share the engine but name themselves.
  const safari =
    /Safari\//.test(env.userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\/|YaBrowser|DuckDuckGo/.test(env.userAgent);
  return iOS && safari;
}

/** Reads the environment from the running browser (storage failures count as "not dismissed"). */
export function browserInstallHintEnv(): InstallHintEnv {
  let dismissed = false;
  try {
    dismissed = localStorage.getItem(INSTALL_HINT_DISMISSED_KEY) === '1';
  } catch {
    // Storage can be blocked; showing the hint again is harmless.
  }
  return {
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone: (navigator as Navigator & { standalone?: boolean }).standalone,
    displayModeStandalone: typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches,
    dismissed,
  };
}

/** Remembers the dismissal across visits. */
export function rememberInstallHintDismissed(): void {
  try {
    localStorage.setItem(INSTALL_HINT_DISMISSED_KEY, '1');
  } catch {
    // Not remembered: the hint comes back next visit, nothing else is lost.
  }
}
