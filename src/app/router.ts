// Hash routing: the screen lives in location.hash so a reload (or an installed app's relaunch)
// keeps the person where they were, and no server-side routing is needed on a static host.
import { useEffect, useState } from 'preact/hooks';

/** The screens of the app, as parsed from the hash. */
export type Route =
  | { screen: 'today'; reminder: string | null }
  | { screen: 'history'; habitId: string | null }
  | { screen: 'insights'; habitId: string | null }
  | { screen: 'settings' }
  | { screen: 'habits' };

/** The four tabs of the bottom bar, in order. */
export const TABS = [
  { screen: 'today', label: 'Today', href: '#/today' },
  { screen: 'history', label: 'History', href: '#/history' },
  { screen: 'insights', label: 'Insights', href: '#/insights' },
  { screen: 'settings', label: 'Settings', href: '#/settings' },
] as const;

function decode(part: string | undefined): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Parses a location hash such as '#/history/read' (unknown hashes fall back to Today). */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [head, id] = path.split('/');
  switch (head) {
    case 'history':
      return { screen: 'history', habitId: decode(id) };
    case 'insights':
      return { screen: 'insights', habitId: decode(id) };
    case 'settings':
      return { screen: 'settings' };
    case 'habits':
      return { screen: 'habits' };
    default:
      return { screen: 'today', reminder: new URLSearchParams(query).get('reminder') };
  }
}

/** The hash of a screen, with the habit id escaped so any id round-trips. */
export function hrefFor(screen: 'history' | 'insights', habitId: string | null): string {
  return habitId ? `#/${screen}/${encodeURIComponent(habitId)}` : `#/${screen}`;
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Moves to another screen, replacing the history entry when asked (e.g. a picker's choice). */
export function navigate(href: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', href);
    dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = href;
  }
}
