/**
 * The Playwright harness every spec uses:  import { test, expect } from './fixtures.ts';
 *
 * Fixtures added to Playwright's own:
 *   server   (worker-scoped) a StaticServer (tests/support/static-server.ts) over the build, on a free port.
 *            A test may stop/restart it or call setSwSuffix(); after each test it is running again and the
 *            suffix is cleared. `baseURL` is server.url, so `page.goto('./')` opens the app.
 *   guard    the isolation record of the current test: { foreignRequests, cspViolations, pageErrors,
 *            allowCspViolations() }. Checked after every test (no opt-in needed):
 *              - any request from the context (pages, workers, service worker where the browser reports it) to an
 *                origin other than the app's fails the test; on Chromium the browser also resolves every host but
 *                127.0.0.1/localhost to nowhere (--host-resolver-rules), so nothing can leave even if hidden;
 *              - any `securitypolicyviolation` event in a page fails the test, unless the test called
 *                guard.allowCspViolations() because it provokes one on purpose.
 *            pageErrors (uncaught exceptions) are collected for specs to assert on; they do not fail a test alone.
 *            Contexts a test makes itself with browser.newContext() are NOT guarded (the resolver rule still holds).
 *   appPage  helper: a page already at the app with the shell rendered (`page.goto('./')` + the app root visible).
 *
 * Helpers: waitForServiceWorkerControl(page) reloads until navigator.serviceWorker.controller is set;
 *          assertIsolated(guard) is the after-test check, callable directly.
 * Projects: the same specs run on `chromium` and `webkit`; a project whose browser is missing is skipped with
 * its reason.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { chromiumLaunch, playwrightWebkit } from '../support/browsers.ts';

/** A CSP violation as reported in the page. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  page: string;
}

/** What the isolation guard saw during one test. */
export interface Guard {
  foreignRequests: string[];
  cspViolations: CspViolation[];
  pageErrors: string[];
  /** Set by allowCspViolations(). */
  cspAllowed: boolean;
  /** The test provokes a CSP violation on purpose: do not fail it for that (foreign requests still fail it). */
  allowCspViolations(): void;
}

type TestFixtures = { guard: Guard; appPage: Page; browserAvailable: undefined };
type WorkerFixtures = { server: StaticServer };

// Requests the page can make without the network: inline data, blobs, the browser's own pages.
const LOCAL_SCHEMES = /^(data|blob|about|chrome|chrome-extension|devtools):/;

/** Playwright's test with the Nudge harness fixtures (see the file header). */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],

  browserAvailable: [
    async ({ browserName }, use) => {
      if (browserName === 'chromium' && !chromiumLaunch()) {
        base.skip(true, "chromium: neither Playwright's Chromium nor /usr/bin/chromium is installed");
      }
      if (browserName === 'webkit' && !playwrightWebkit()) {
        base.skip(
          true,
          "webkit: Playwright's WebKit build is not installed; the real WebKit engine runs in tests/webkit",
        );
      }
      await use(undefined);
    },
    { auto: true },
  ],

  baseURL: async ({ server }, use) => {
    await use(server.url);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  guard: async ({}, use) => {
    await use({
      foreignRequests: [],
      cspViolations: [],
      pageErrors: [],
      cspAllowed: false,
      allowCspViolations() {
        this.cspAllowed = true;
      },
    });
  },

  context: async ({ context, server, guard }, use) => {
    const onRequest = (url: string) => {
      if (LOCAL_SCHEMES.test(url)) return;
      if (new URL(url).origin !== server.origin) guard.foreignRequests.push(url);
    };
    context.on('request', (request) => onRequest(request.url()));
    context.on('page', (page) =>
      page.on('pageerror', (error) => guard.pageErrors.push(`${page.url()}: ${error.message}`)),
    );
    await context.exposeBinding('__nudgeCspViolation', ({ page }, v: Omit<CspViolation, 'page'>) => {
      guard.cspViolations.push({ ...v, page: page?.url() ?? '' });
    });
    await context.addInitScript(() => {
      const report = (window as unknown as { __nudgeCspViolation?: (v: unknown) => void }).__nudgeCspViolation;
      document.addEventListener('securitypolicyviolation', (e) => {
        report?.({
          directive: e.violatedDirective,
          blockedURI: e.blockedURI,
          sourceFile: e.sourceFile,
          line: e.lineNumber,
        });
      });
    });

    await use(context);

    // Requests still in flight when the test ends are reported by now; give late events one tick.
    await new Promise((ok) => setTimeout(ok, 50));
    assertIsolated(guard);
  },

  page: async ({ page, server }, use) => {
    await use(page);
    // Leave the shared server as the next test expects it, whatever this test did to it.
    server.setSwSuffix('');
    server.setInitScript(null);
    server.setWorkerPrelude(null);
    server.renameAsset(null);
    if (!server.running) await server.start();
  },

  appPage: async ({ page }, use) => {
    await page.goto('./');
    await expect(page.locator('#app > *').first()).toBeVisible();
    await use(page);
  },
});

/** The check run after every test: throws when a request left the origin or (unless allowed) the CSP was violated. */
export function assertIsolated(guard: Guard): void {
  expect(guard.foreignRequests, 'requests left the app origin (nothing may leave the device)').toEqual([]);
  if (!guard.cspAllowed) {
    expect(guard.cspViolations, 'Content-Security-Policy violations in the page').toEqual([]);
  }
}

/** Reloads until a service worker controls the page (the first visit installs it; control starts on reload). */
export async function waitForServiceWorkerControl(page: Page): Promise<string> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let attempt = 0; attempt < 5; attempt++) {
    const url = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    if (url) return url;
    await page.reload();
  }
  throw new Error('no service worker took control of the page after 5 reloads');
}

export { expect };
