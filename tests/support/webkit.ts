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

const REGISTRATION_STATE = `
  const done = arguments[arguments.length - 1];
  navigator.serviceWorker.getRegistration().then(
    (r) => done(!r ? 'none' : r.active ? r.active.state : r.installing ? 'installing' : r.waiting ? 'waiting' : 'empty'),
    (e) => done('error: ' + e),
  );
`;

/** Waits, without navigating, until the app's first service worker is active; then reloads until it controls the page. */
export async function waitForServiceWorkerControl(driver: WebDriver, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  // Never navigate while the worker installs: WebKitGTK (2.4x) leaves a registration whose page navigated
  // away while the engine was starting the worker's context stuck in "installing" until the browser
  // restarts (no precache request is ever made; even a fresh register() hangs behind it). Seen in ~2 of 3
  // runs when the next navigation followed the first load by under a second.
  // A page that asked getRegistration() before the app's register() may never see the new registration
  // (WebKitGTK), so after a long "none" one reload asks again from a fresh page.
  let noneSince = Date.now();
  let state: unknown;
  for (;;) {
    state = await driver.executeAsyncScript(REGISTRATION_STATE);
    if (state === 'activated') break;
    if (typeof state === 'string' && state.startsWith('error'))
      throw new Error(`the service worker registration failed: ${state}`);
    if (Date.now() > deadline)
      throw new Error(`no service worker became active within ${timeoutMs} ms (last state: ${String(state)})`);
    if (state !== 'none') noneSince = Date.now();
    else if (Date.now() - noneSince > 10_000) {
      await driver.navigate().refresh();
      noneSince = Date.now();
    }
    await driver.sleep(250);
  }
  while (Date.now() < deadline) {
    const url = (await driver.executeScript(
      'return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL',
    )) as string | null;
    if (url) return url;
    await driver.navigate().refresh();
  }
  throw new Error(
    `no service worker controlled the page within ${timeoutMs} ms (its registration is ${String(state)})`,
  );
}

/** Waits, without navigating, until the page's service worker registration has finished installing (see above). */
export async function waitForServiceWorkerInstalled(driver: WebDriver, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await driver.executeAsyncScript(REGISTRATION_STATE);
    if (state === 'activated' || state === 'activating' || state === 'waiting') return;
    if (Date.now() > deadline)
      throw new Error(
        `the service worker did not finish installing within ${timeoutMs} ms (last state: ${String(state)})`,
      );
    await driver.sleep(250);
  }
}
