/**
 * The PWA shell where it needs Playwright itself: a tab left on the old version after another tab's update
 * (two pages, and the HTTP cache emptied through the DevTools protocol), and the isolation harness's own checks.
 * The rest of the shell (first launch, service worker, offline, update prompt, CSP, install hint) runs in both
 * engines as journeys: tests/journeys/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, assertIsolated, waitForServiceWorkerControl } from './fixtures.ts';
import { addSampleHistory } from './loop-helpers.ts';
import type { Locator, Page } from '@playwright/test';

// The suffix makes sw.js differ byte-wise (a "new deploy") and lets the test ask the worker which version it is.
const NEW_VERSION_SUFFIX = `self.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'NUDGE_TEST_VERSION') e.ports[0].postMessage('v2');
});`;

async function controllerVersion(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((ok) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => ok(String(e.data));
        navigator.serviceWorker.controller!.postMessage({ type: 'NUDGE_TEST_VERSION' }, [channel.port2]);
        setTimeout(() => ok('v1'), 1000);
      }),
  );
}

/**
 * Returns to the app (visibilitychange) until the update prompt shows, as a person would: on a busy
 * machine the update check may be wired a moment after the worker took control, and installing the
 * new worker takes a while.
 */
async function returnUntilUpdatePrompt(page: Page): Promise<Locator> {
  const prompt = page.getByRole('status').filter({ hasText: 'New version available' });
  await expect(async () => {
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(prompt).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  return prompt;
}

test('a tab left on an old version says to reload when its trainer cannot load, not that it crashed', async ({
  appPage,
  server,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', 'empties the HTTP cache through the DevTools protocol (Chromium only)');
  const [habit] = await addSampleHistory(appPage);
  await waitForServiceWorkerControl(appPage);
  const other = await appPage.context().newPage();
  await other.goto('./');
  await waitForServiceWorkerControl(other);

  // A deploy: the trainer worker was rebuilt under a new name, so the old name is gone from the server and
  // from the new version's precache.
  const worker = readdirSync(join(server.root, 'assets')).find((f) => /^trainer\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error(`no trainer worker in ${server.root}/assets`);
  server.renameAsset(`assets/${worker}`, `assets/${worker.replace('trainer.worker-', 'trainer.worker-v2-')}`);
  server.setSwSuffix(NEW_VERSION_SUFFIX);
  const prompt = await returnUntilUpdatePrompt(other);
  await Promise.all([other.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);

  // The first tab is now controlled by the new version and offers the reload itself.
  await expect(appPage.getByRole('status').filter({ hasText: 'New version available' })).toBeVisible({
    timeout: 30_000,
  });
  expect(await controllerVersion(appPage)).toBe('v2');
  // Its worker stopped (a crash or a timeout would do the same), and the browser's HTTP cache no longer holds
  // the old worker file (evicted, or a browser restart): a new worker cannot load it from anywhere.
  await appPage.evaluate(() =>
    (window as unknown as { nudgeDebug: { trainer: { abort(): void } } }).nudgeDebug.trainer.abort(),
  );
  const cdp = await appPage.context().newCDPSession(appPage);
  await cdp.send('Network.clearBrowserCache');
  await appPage.goto(`./#/insights/${habit}`);
  const alert = appPage.getByRole('alert').filter({ hasText: 'Could not compute the charts' });
  await expect(alert).toContainText('Nudge was updated in another tab: reload this tab to continue', {
    timeout: 30_000,
  });
  await expect(alert).not.toContainText('crashed');
  await other.close();
});

test.describe('the isolation harness itself', () => {
  // Each provokes what the guard must catch, checks that the after-test check would fail, then clears the record
  // so this test itself passes.
  test('a page request to another origin would fail the test', async ({ appPage, guard }) => {
    await appPage.evaluate(() => {
      location.href = 'http://example.com/leak';
    });
    await expect.poll(() => guard.foreignRequests).toContain('http://example.com/leak');
    expect(() => assertIsolated(guard)).toThrow(/requests left the app origin/);
    guard.foreignRequests.length = 0;
  });

  test('a CSP violation would fail the test', async ({ appPage, guard }) => {
    await appPage.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'void 0';
      document.body.append(script);
    });
    await expect.poll(() => guard.cspViolations.length).toBeGreaterThan(0);
    expect(() => assertIsolated(guard)).toThrow(/Content-Security-Policy violations/);
    guard.cspViolations.length = 0;
  });

  test("Chromium cannot resolve any host but the app's", async ({ browser, browserName }) => {
    test.skip(browserName !== 'chromium', '--host-resolver-rules is a Chromium flag');
    // A bare context: no guard listener, so this only observes what the browser itself allows.
    const context = await browser.newContext();
    const page = await context.newPage();
    const error = await page.goto('http://example.com/').then(
      () => null,
      (e: Error) => e.message,
    );
    await context.close();
    expect(error).toMatch(/ERR_NAME_NOT_RESOLVED/);
  });
});
