// Which navigations the service worker answers with the app shell. The app routes by hash, so its
// only documents are its scope and the scope's index.html (with any query, e.g. ?kept=1). Any other
// path under the scope, which at an origin-root deploy is every other page of the site, is left to
// the network: answered with the shell it would load the app's assets from the wrong path, blank.

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The allowlist for workbox's NavigationRoute (matched against pathname + search) for a scope's path. */
export function shellNavigationAllowlist(scopePath: string): RegExp[] {
  const base = scopePath.endsWith('/') ? scopePath : `${scopePath}/`;
  return [new RegExp(`^${escapeRegExp(base)}(?:index\\.html)?(?:\\?.*)?$`)];
}
