/**
 * Which real browsers this machine has, for the Playwright config and the test runner.
 *
 *   chromiumLaunch()   -> { source: 'playwright' | 'system', executablePath?, args } or null when no Chromium exists
 *   playwrightWebkit() -> true when Playwright's own (patched) WebKit build is installed
 *   ISOLATION_ARGS     -> Chromium flags that resolve every host but 127.0.0.1/localhost to nowhere
 */
import { existsSync } from 'node:fs';
import { chromium, webkit } from '@playwright/test';

/** The system Chromium used when Playwright's download is absent (see shared/BROWSERS.md). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Nothing but the app's own host can be reached, whatever the page or its service worker try. */
export const ISOLATION_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost'];

/** Flags the system Chromium needs as root and to stop it calling home (BROWSERS.md). */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** How to launch Chromium here: Playwright's own build when installed, else the system one, else null. */
export function chromiumLaunch(): { source: 'playwright' | 'system'; executablePath?: string; args: string[] } | null {
  if (existsSync(chromium.executablePath())) return { source: 'playwright', args: [...ISOLATION_ARGS] };
  if (existsSync(SYSTEM_CHROMIUM)) {
    return { source: 'system', executablePath: SYSTEM_CHROMIUM, args: [...SYSTEM_CHROMIUM_ARGS, ...ISOLATION_ARGS] };
  }
  return null;
}

/** True when Playwright's own WebKit build is installed (it cannot be installed on machines without its CDN). */
export function playwrightWebkit(): boolean {
  return existsSync(webkit.executablePath());
}
