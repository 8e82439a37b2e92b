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
export async function waitForServiceWorkerControl(driver: WebDriver, timeoutMs = 20_000): Promise<string> {
  await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    navigator.serviceWorker.ready.then(() => done(true), (e) => done(String(e)));
  `);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = (await driver.executeScript('return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL')) as
      | string
      | null;
    if (url) return url;
    await driver.navigate().refresh();
  }
  throw new Error(`no service worker controlled the page within ${timeoutMs} ms`);
}
