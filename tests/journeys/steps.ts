/**
 * Steps many journeys share, written against the Driver: open a screen, add a habit, import a backup, wait for
 * the service worker, stop the server, read the browser's date and the app's database with raw IndexedDB (not
 * through the app's code).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pageStoreRows, type StoreName } from '../support/raw-store.ts';
import { type Driver, inside, label, role, type Target, testId, type UploadFile } from './driver.ts';
import { eventually, expectThat } from './expect.ts';

/** The backup file in tests/fixtures used by the tracking and backup journeys. */
export const TRACKING_BACKUP: UploadFile = {
  name: 'tracking-backup.json',
  text: readFileSync(fileURLToPath(new URL('../fixtures/tracking-backup.json', import.meta.url)), 'utf8'),
};

/** A screen's level-2 heading. */
export const screenHeading = (name: string | RegExp): Target => role('heading', name, { level: 2 });

/** Today's row of a habit (a list item named by the habit). */
export const habitRow = (name: string): Target => inside(testId('today-list'), role('listitem', name));

/** A button of a habit's row on Today, by the start of its name (Done, Skip, Undo). */
export const rowButton = (name: string, action: 'Done' | 'Skip' | 'Undo'): Target =>
  inside(habitRow(name), role('button', new RegExp(`^${action}\\b`)));

/** The Add-a-habit form on Today. */
export const addForm: Target = role('form', 'Add a habit');

/**
 * Opens a screen by its address and waits for its heading. Already in the app, it changes the address's hash, as
 * a tap on a tab or link does; a new page load is a different path (lifecycle.journey.ts covers leaving a page).
 */
export async function openScreen(d: Driver, hash: string, heading: string | RegExp): Promise<void> {
  if ((await d.url()).startsWith(d.server.origin)) {
    await d.evaluate((h) => {
      location.hash = h;
    }, hash);
  } else {
    await d.goto(`./${hash}`);
  }
  await expectThat(d, screenHeading(heading)).toBeVisible();
}

/** Opens Today and waits for it. */
export async function openToday(d: Driver): Promise<void> {
  await openScreen(d, '#/today', 'Today');
}

/** Adds a habit through Today's form (Today must be open) and waits for its row and the emptied form. */
export async function addHabit(d: Driver, name: string): Promise<void> {
  const field = inside(addForm, label(/^Name/));
  await d.fill(field, name);
  await d.click(inside(addForm, role('button', 'Add habit')));
  await expectThat(d, habitRow(name)).toBeVisible();
  // The row can show before the form clears itself: typing the next name earlier would be wiped.
  await expectThat(d, field).toHaveValue('');
}

/** Waits until the habit's row shows this stored state (data-state: the write is committed). */
export async function expectRowState(d: Driver, name: string, state: 'open' | 'done' | 'skipped'): Promise<void> {
  await expectThat(d, habitRow(name)).toHaveAttribute('data-state', state);
}

/** Imports a backup through Settings, merging or replacing (confirmed in the dialog), and waits for the result. */
export async function importBackup(d: Driver, file: UploadFile, mode: 'Merge' | 'Replace' = 'Merge'): Promise<void> {
  await openScreen(d, '#/settings', 'Settings');
  await d.click(role('radio', new RegExp(`^${mode}`)));
  await d.upload(label('Import backup file'), file);
  if (mode === 'Replace') await d.click(inside(role('dialog', 'Replace all data?'), role('button', 'Replace')));
  await expectThat(d, testId('import-result'), 60_000).toContainText('Imported');
}

/** Reloads until a service worker controls the page (the first visit installs it; control starts on reload). */
export async function untilServiceWorkerControls(d: Driver): Promise<string> {
  return eventually(
    'a service worker to control the page',
    async () => {
      const url = await d.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
      if (url) return url;
      const ready = await d.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise((ok) => setTimeout(() => ok(false), 2_000)),
        ]),
      );
      if (ready) await d.reload();
      return undefined;
    },
    60_000,
  );
}

/** Stops the server and proves, from the page, that the network is really gone. */
export async function serverGone(d: Driver): Promise<void> {
  await d.server.stop();
  const gone = await d.evaluate(() =>
    fetch(`sw.js?probe=${Date.now()}`, { cache: 'no-store' }).then(
      () => false,
      () => true,
    ),
  );
  assert.equal(gone, true, 'the server still answered after stop()');
}

/** Today's date (YYYY-MM-DD) in the browser's zone, as the app computes its days (Node's zone could differ). */
export async function browserToday(d: Driver): Promise<string> {
  return d.evaluate(() => {
    const t = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}`;
  });
}

/** Every row of one store of the app's database, read with raw IndexedDB (checkpoints summarised). */
export async function storeRows<T = Record<string, unknown>>(d: Driver, store: StoreName): Promise<T[]> {
  return (await d.evaluate(pageStoreRows, store)) as T[];
}

/** The scheduler's decision for a cause (launch, data, ...), from its timeline mark `nudge:moment:<cause>:...`. */
export async function moment(
  d: Driver,
  cause: string,
  timeoutMs = 30_000,
): Promise<{ trigger: string; habits: number }> {
  const mark = await eventually(
    `the scheduler to decide on a "${cause}" moment`,
    async () =>
      (await d.evaluate(
        (c) =>
          performance
            .getEntriesByType('mark')
            .map((m) => m.name)
            .find((n) => n.startsWith(`nudge:moment:${c}:`)) ?? null,
        cause,
      )) ?? undefined,
    timeoutMs,
  );
  const [, , , trigger, habits] = mark.split(':');
  return { trigger, habits: Number(habits) };
}

/** Marks the current document, so that a reload the app does by itself (a new document) can be told apart. */
export async function markDocument(d: Driver): Promise<void> {
  await d.evaluate(() => {
    (window as { __journeyOldDocument?: boolean }).__journeyOldDocument = true;
  });
}

/** Waits until the document marked by markDocument() has been replaced. */
export async function reloaded(d: Driver): Promise<void> {
  await eventually(
    'the page to reload',
    async () => {
      const old = await d.evaluate(() => (window as { __journeyOldDocument?: boolean }).__journeyOldDocument === true);
      return old ? undefined : true;
    },
    30_000,
  );
}
