/**
 * Storage full in a real browser (issue 5), Chromium:
 *  - a REAL QuotaExceededError: after some data is saved, the origin's quota is lowered through the DevTools protocol
 *    (Storage.overrideQuotaForOrigin). The next write fails; the app says storage is full, keeps and shows what was
 *    saved (also after a reload), explains each refused write, and writes again once the quota is restored.
 *    Chromium (156) accepts the override in Playwright's default off-the-record contexts but does not enforce it for
 *    IndexedDB there; in a persistent profile it does, so this test launches one (with the same isolation checks).
 * IndexedDB unavailable (blocked or missing) runs in both engines: tests/journeys/storage.journey.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunch } from '../support/browsers.ts';
import { test, expect } from './fixtures.ts';

test.skip(
  ({ browserName }) => browserName !== 'chromium',
  'the quota override is a Chromium DevTools protocol command',
);

function row(page: Page, name: string) {
  return page.getByTestId('habit-row').filter({ hasText: name });
}

async function addHabit(page: Page, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a habit' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add habit' }).click();
}

async function setQuota(cdp: CDPSession, origin: string, quotaSize?: number): Promise<void> {
  // Without quotaSize the override is removed and the origin's real quota applies again.
  await cdp.send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
}

// A Chromium with an on-disk profile (where quota is enforced), failing the test on any request off the app origin.
async function persistentContext(origin: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const launch = chromiumLaunch()!;
  const dir = mkdtempSync(join(tmpdir(), 'nudge-faults-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: launch.executablePath,
    args: launch.args,
  });
  const foreign: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (/^https?:/.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      expect(foreign, 'requests left the app origin').toEqual([]);
    },
  };
}

test('storage full: a real QuotaExceededError makes the app read-only, keeps what was saved, and recovers', async ({
  server,
}) => {
  const { context, close } = await persistentContext(server.origin);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}#/today`);
  await addHabit(page, 'Drink water');
  await row(page, 'Drink water').getByRole('button', { name: /^Done/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');

  const cdp = await context.newCDPSession(page);
  // Chromium caches an origin's space left while its IndexedDB is open (pages, the service worker, and a grace period
  // of about two seconds after the last close), so a lowered quota takes hold once everything is closed: leave the
  // app, stop its service worker, wait out the grace period, lower the quota below what is used, and come back —
  // as when a phone fills up while the app is in the background.
  await page.goto('about:blank');
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(4000);
  await setQuota(cdp, server.origin, 5000);
  const { usage, quota } = await cdp.send('Storage.getUsageAndQuota', { origin: server.origin });
  console.log(`[faults] usage ${usage} B; quota lowered to ${quota} B`);
  await page.goto(`${server.url}#/today`);
  // The launch's own write (appOpened) already fails: the app opens read-only and shows what was saved.
  await expect(page.getByTestId('storage-full')).toBeVisible();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');

  // Proof the failure is the browser's own QuotaExceededError, not a simulated one: a plain IndexedDB write.
  const nativeWrite = () =>
    page.evaluate(
      () =>
        new Promise<string>((ok) => {
          const req = indexedDB.open('nudge-quota-probe');
          req.onupgradeneeded = () => req.result.createObjectStore('meta', { keyPath: 'key' });
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({ key: 'fault-probe', value: 'x'.repeat(300_000) });
            tx.oncomplete = () => {
              db.close();
              ok('committed');
            };
            tx.onabort = () => {
              db.close();
              ok(tx.error?.name ?? 'aborted');
            };
          };
          req.onerror = () => ok(`open failed: ${req.error?.name}`);
        }),
    );
  expect(await nativeWrite()).toBe('QuotaExceededError');

  // A write now fails with the browser's QuotaExceededError: the person is told plainly, the app turns read-only.
  await addHabit(page, 'Stretch');
  await expect(page.getByTestId('storage-full')).toBeVisible();
  await expect(page.getByTestId('storage-full')).toContainText('read-only until space is freed');
  await expect(page.getByRole('form', { name: 'Add a habit' }).getByRole('alert')).toContainText(
    'out of storage space',
  );
  await expect(row(page, 'Stretch')).toHaveCount(0);

  // What was saved before stays, with its state.
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');

  // Reads keep working, across screens and a reload (the launch's own write fails and is explained, not fatal).
  await page.goto(`${server.url}#/history`);
  await expect(page.getByText('Drink water').first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('storage-full')).toBeVisible();
  await page.goto(`${server.url}#/today`);
  await expect(row(page, 'Drink water')).toBeVisible();
  await expect(page.getByTestId('storage-blocked')).toHaveCount(0);

  // Still full: checking again says so and stays read-only.
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.getByTestId('storage-still-full')).toBeVisible();

  // Space freed: the check passes, the banner goes, and writes work again.
  await setQuota(cdp, server.origin);
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.getByTestId('storage-full')).toHaveCount(0);
  await addHabit(page, 'Stretch');
  await expect(row(page, 'Stretch')).toBeVisible();
  await page.reload();
  await expect(row(page, 'Stretch')).toBeVisible();
  await expect(row(page, 'Drink water')).toBeVisible();
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  await cdp.detach();
  await close();
});
