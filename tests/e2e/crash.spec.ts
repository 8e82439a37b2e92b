/**
 * Crash and kill (issue 5): a named fault point (src/data/fault-points.ts) is armed to HANG, the
 * operation is started the person's way, the test waits until the point is reached (the write
 * transaction is then provably still open: a reader of the same store is blocked), and the page is
 * closed (for training the worker is terminated first). A fresh page in the same context then reads
 * every table with raw IndexedDB (tests/support/integrity.ts): every table readable and sound, and
 * every table byte-for-byte as before the operation, so no half-written checkpoint, no partial import.
 * Finally the app itself opens on the same data and the interrupted operation works when repeated.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { addSampleHistory, emulateSignals, longBackup, waitForMoment } from './loop-helpers.ts';
import {
  activeModels,
  checkIntegrity,
  diffSnapshots,
  readAllStores,
  withoutMeta,
  type DbSnapshot,
} from '../support/integrity.ts';
import type { FaultPointName } from '../../src/data/fault-points.ts';

test.skip(
  ({ browserName }) => browserName !== 'chromium',
  'Chromium-only: arms the trainer worker through Playwright (Worker.evaluate)',
);

const PROBE = 'crash-probe';

type Realm = Page | Worker;
type Debug = { nudgeDebug: { trainer: { train(r: object): Promise<unknown>; abort(): void } } };

/**
 * Every page of the context gets a probe mode: `?crash-probe` stops the document before any app
 * script runs, so reading the database there cannot change it (the app records a launch when it opens).
 */
async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript((flag) => {
    if (new URLSearchParams(location.search).has(flag)) window.stop();
  }, PROBE);
}

/** Every table of the app's database as a fresh page sees it, read without running the app. */
async function readFromFreshPage(context: BrowserContext): Promise<DbSnapshot> {
  const probe = await context.newPage();
  // window.stop() means no load event: the committed document is enough to read from.
  await probe.goto(`./?${PROBE}`, { waitUntil: 'commit' });
  expect(
    await probe.evaluate(() => 'nudgeDebug' in window || document.querySelector('#app > *') !== null),
    'the probe page runs no app code',
  ).toBe(false);
  const snap = await probe.evaluate(readAllStores, 'nudge');
  await probe.close();
  return snap;
}

/**
 * Opens Today, lets the launch pass on the empty app, hides the page (the scheduler stays out of the way), adds the
 * sample history.
 */
async function start(page: Page, context: BrowserContext): Promise<string[]> {
  await installProbe(context);
  await emulateSignals(context, { battery: { charging: false, level: 0.9 }, visibility: 'visible' });
  await page.goto('./#/today');
  await waitForMoment(page, 'launch');
  await page.evaluate(() => (window as unknown as { __setVisibility(v: string): void }).__setVisibility('hidden'));
  return addSampleHistory(page);
}

/** Page and Worker share evaluate's shape; TypeScript cannot call it on their union, so pick one type. */
function inRealm(realm: Realm): Page {
  return realm as Page;
}

async function arm(realm: Realm, point: FaultPointName): Promise<void> {
  await inRealm(realm).evaluate((p) => {
    (globalThis as { __nudgeFaults?: object }).__nudgeFaults = { [p]: 'hang' };
  }, point);
}

async function waitReached(realm: Realm, point: FaultPointName): Promise<void> {
  await expect
    .poll(
      () =>
        inRealm(realm).evaluate(() => (globalThis as { __nudgeFaultsReached?: string[] }).__nudgeFaultsReached ?? []),
      { message: `fault point ${point} reached`, timeout: 20_000 },
    )
    .toContain(point);
}

/** 'blocked' while another connection holds a read-write transaction on `store` (a read of it must wait). */
async function storeState(page: Page, store: string): Promise<'blocked' | 'free'> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const o = indexedDB.open('nudge');
      o.onsuccess = () => res(o.result);
      o.onerror = () => rej(o.error);
    });
    const read = new Promise<'free'>((res) => {
      db.transaction(name, 'readonly').objectStore(name).count().onsuccess = () => res('free');
    });
    const state = await Promise.race([read, new Promise<'blocked'>((res) => setTimeout(() => res('blocked'), 1_500))]);
    db.close();
    return state;
  }, store);
}

/** The fresh page's view equals `before` in every table, and is sound. */
async function expectUnchanged(context: BrowserContext, before: DbSnapshot): Promise<DbSnapshot> {
  const after = await readFromFreshPage(context);
  expect(checkIntegrity(after), 'integrity of every table after the kill').toEqual([]);
  // The one row a page writes on purpose as it goes away: when the person left (noteAppHidden), not data.
  const ignore = ['lastActiveAt'];
  expect(
    diffSnapshots(withoutMeta(before, ignore), withoutMeta(after, ignore)),
    'tables changed by the killed operation',
  ).toEqual([]);
  return after;
}

async function expectTodayShows(page: Page, habits: number): Promise<void> {
  await page.goto('./#/today');
  await expect(page.getByTestId('habit-row')).toHaveCount(habits);
}

for (const point of ['train:after-read', 'train:before-commit'] as const) {
  test(`killing training at ${point} leaves the previous checkpoints active and byte-for-byte intact`, async ({
    page,
    context,
  }) => {
    const ids = await start(page, context);
    // A first run gives the habits their current models; the worker is now running and can be armed.
    await page.evaluate(() =>
      (window as unknown as Debug).nudgeDebug.trainer.train({ habitIds: 'all', trigger: 'manual' }),
    );
    const worker = page.workers().find((w) => w.url().includes('trainer'));
    expect(
      worker,
      `the trainer worker is running: ${page
        .workers()
        .map((w) => w.url())
        .join(', ')}`,
    ).toBeTruthy();
    const before = await page.evaluate(readAllStores, 'nudge');
    expect(checkIntegrity(before)).toEqual([]);
    expect(
      before.stores.checkpoints && 'rows' in before.stores.checkpoints && before.stores.checkpoints.rows.length,
      'a model exists to protect',
    ).toBeGreaterThan(0);

    await arm(worker!, point);
    await page.evaluate(() => {
      (window as unknown as { __run: Promise<string> }).__run = (window as unknown as Debug).nudgeDebug.trainer
        .train({ habitIds: 'all', trigger: 'manual' })
        .then(
          () => 'finished',
          (e: Error) => `rejected: ${e.message}`,
        );
    });
    await waitReached(worker!, point);
    if (point === 'train:before-commit')
      expect(await storeState(page, 'checkpoints'), 'the write transaction is open when the kill lands').toBe(
        'blocked',
      );
    await page.evaluate(() => (window as unknown as Debug).nudgeDebug.trainer.abort());
    expect(await page.evaluate(() => (window as unknown as { __run: Promise<string> }).__run)).toMatch(
      /^rejected: training was aborted/,
    );
    await page.close();

    const after = await expectUnchanged(context, before);
    // Said explicitly: each trained habit still has exactly one active model, the same version with the same bytes.
    expect(Object.keys(activeModels(before)).length, 'some habit had an active model').toBeGreaterThan(0);
    expect(activeModels(after)).toEqual(activeModels(before));
    // The person's view: the app opens on the same habits, and training works again.
    const next = await context.newPage();
    await expectTodayShows(next, ids.length);
    await next.waitForFunction(() => 'nudgeDebug' in window);
    const again = await next.evaluate(() =>
      (window as unknown as Debug).nudgeDebug.trainer.train({ habitIds: 'all', trigger: 'manual' }),
    );
    expect((again as { status: string }).status).toBe('done');
    expect(checkIntegrity(await next.evaluate(readAllStores, 'nudge'))).toEqual([]);
  });
}

for (const mode of ['merge', 'replace'] as const) {
  test(`closing the page in the middle of a ${mode} import leaves none of the file and all of the old data`, async ({
    page,
    context,
  }) => {
    const ids = await start(page, context);
    await page.goto('./#/settings');
    const before = await page.evaluate(readAllStores, 'nudge');
    await arm(page, 'import:mid');
    await page.getByRole('radio', { name: mode === 'merge' ? /^Merge/ : /^Replace/ }).check();
    const file = longBackup(2, 60);
    await page
      .getByLabel('Import backup file')
      .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    if (mode === 'replace') await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await waitReached(page, 'import:mid');
    expect(await storeState(page, 'habits'), 'the import transaction is open when the kill lands').toBe('blocked');
    await page.close();

    await expectUnchanged(context, before);
    const next = await context.newPage();
    await expectTodayShows(next, ids.length);
    // The same file imports completely afterwards.
    await next.goto('./#/settings');
    await next.getByRole('radio', { name: /^Merge/ }).check();
    await next
      .getByLabel('Import backup file')
      .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(next.getByTestId('import-result')).toContainText('Imported history.json (merge): 2 habits added');
    expect(checkIntegrity(await next.evaluate(readAllStores, 'nudge'))).toEqual([]);
  });
}

test('an import failing in the middle of its transaction says nothing was changed, and changes nothing', async ({
  page,
  context,
}) => {
  await start(page, context);
  await page.goto('./#/settings');
  const before = await page.evaluate(readAllStores, 'nudge');
  await page.evaluate(() => {
    (globalThis as { __nudgeFaults?: object }).__nudgeFaults = { 'import:mid': 'throw' };
  });
  await page.getByRole('radio', { name: /^Merge/ }).check();
  await page
    .getByLabel('Import backup file')
    .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(longBackup(2, 30)) });
  await expect(page.getByRole('alert')).toContainText(
    /Nothing was imported: .*Could not save the backup \(injected fault at import:mid\)\. Nothing was changed\./,
  );
  await page.close();
  await expectUnchanged(context, before);
});

test('closing the page in the middle of an export changes nothing, and the next export works', async ({
  page,
  context,
}) => {
  const ids = await start(page, context);
  await page.goto('./#/settings');
  const before = await page.evaluate(readAllStores, 'nudge');
  await arm(page, 'export:mid');
  await page.getByTestId('export-backup').click();
  await waitReached(page, 'export:mid');
  await page.close();

  await expectUnchanged(context, before);
  const next = await context.newPage();
  await next.goto('./#/settings');
  const download = next.waitForEvent('download');
  await next.getByTestId('export-backup').click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { habits: unknown[] };
  expect(file.habits).toHaveLength(ids.length);
});
