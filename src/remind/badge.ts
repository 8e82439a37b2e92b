// The app icon badge: the number of habits at risk today, where the Badging API exists.

interface BadgingNavigator {
  setAppBadge?: (n?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
}

/** True where this browser can badge the app icon (Chromium; iOS 16.4+ home-screen apps). */
export function badgeSupported(nav: object = navigator): boolean {
  return typeof (nav as BadgingNavigator).setAppBadge === 'function';
}

/** Shows `count` on the app icon, or clears it at 0; false where badging is missing or refused. */
export async function setBadge(count: number, nav: object = navigator): Promise<boolean> {
  const n = nav as BadgingNavigator;
  if (!badgeSupported(nav)) return false;
  try {
    if (count > 0) await n.setAppBadge!(count);
    else if (n.clearAppBadge) await n.clearAppBadge();
    else await n.setAppBadge!(0);
    return true;
  } catch {
    // Chromium refuses badges for pages that are not installed apps in some contexts: not an error.
    return false;
  }
}
