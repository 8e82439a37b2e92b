/**
 * Types and helpers for the real-WebKit suite (tests/webkit/*.wd.ts, run by tests/webkit/run.ts).
 *
 * A .wd.ts file default-exports WdTest[]:
 *   export default [{ name: 'loads', async run({ driver, baseUrl, server }) { await driver.get(baseUrl); ... } }];
 * The runner gives each FILE one WebDriver session (WebKitGTK allows one per driver) and one fresh static server
 * (new port = new origin, so no service worker or storage leaks between files); tests in a file run in order
 * and share both. baseUrl ends with '/' and is the app root.
 */
import type { WebDriver } from 'selenium-webdriver';
import type { StaticServer } from './static-server.ts';

/** What each WebKit test receives. */
export interface WdContext {
  driver: WebDriver;
  baseUrl: string;
  server: StaticServer;
}

/** One WebKit test. */
export interface WdTest {
  name: string;
  run(ctx: WdContext): Promise<void>;
}

/** Polls `probe` in the page (a function body returning a value) until it is truthy; returns that value. */
export async function waitInPage<T>(driver: WebDriver, script: string, timeoutMs: number, what: string): Promise<T> {
  let last: unknown;
  return driver.wait(
    async () => {
      last = await driver.executeScript(script);
      return last ? (last as T) : null;
    },
    timeoutMs,
    `timed out after ${timeoutMs} ms waiting for ${what}`,
  ) as Promise<T>;
}

/** Waits for the service worker to be ready, then reloads until it controls the page; returns its scriptURL. */
export async function waitForServiceWorkerControl(driver: WebDriver, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  // Poll the registration from fresh page loads rather than awaiting navigator.serviceWorker.ready:
  // in WebKitGTK, once a page asked getRegistration() before the app's register() (the app's
  // reminder and periodic-sync code do at launch), that page's container never sees the new
  // registration (`ready` stays pending), although the worker installs and controls the next load.
  for (;;) {
    const state = await driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      navigator.serviceWorker.getRegistration().then(
        (r) => done(r && r.active ? r.active.state : 'none'),
        (e) => done('error: ' + e),
      );
    `);
    if (state === 'activated') break;
    if (typeof state === 'string' && state.startsWith('error')) throw new Error(`the service worker registration failed: ${state}`);
    if (Date.now() > deadline) throw new Error(`no service worker became active within ${timeoutMs} ms (last state: ${String(state)})`);
    await driver.sleep(1000);
    await driver.navigate().refresh();
  }
  while (Date.now() < deadline) {
    const url = (await driver.executeScript('return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL')) as
      | string
      | null;
    if (url) return url;
    await driver.navigate().refresh();
  }
  throw new Error(`no service worker controlled the page within ${timeoutMs} ms`);
}
