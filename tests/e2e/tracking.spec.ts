/**
 * The habit tracker in a real browser (issue 3): habits, Done/Skip/Undo surviving reloads,
 * archive/restore, import through the UI, export compared with the imported file, the sample
 * history, names rendered as text, and losing the database. Accessibility: a11y.spec.ts; the
 * speed of Today with 5 habits x 5 years: today-scale.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/tracking-backup.json', import.meta.url));

interface BackupHabit {
  id: string;
  name: string;
  createdAt: string;
  archivedAt: string | null;
}
interface BackupEvent {
  type: string;
  habitId?: string;
  at: string;
  day?: string;
}
interface Backup {
  app: string;
  kind: string;
  version: number;
  exportedAt?: string;
  timeZone?: string;
  habits: BackupHabit[];
  events: BackupEvent[];
}

function row(page: Page, name: string): Locator {
  return page.getByTestId('habit-row').filter({ hasText: name });
}

async function openToday(page: Page): Promise<void> {
  await page.goto('./#/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 2, exact: true })).toBeVisible();
}

async function addHabit(page: Page, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a habit' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add habit' }).click();
  await expect(row(page, name)).toBeVisible();
}

async function importFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  mode: 'Merge' | 'Replace' = 'Merge',
) {
  await page.goto('./#/settings');
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByLabel('Import backup file').setInputFiles(file);
  if (mode === 'Replace') await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Imported', { timeout: 60_000 });
}

const eventKey = (e: BackupEvent) => `${e.type}|${e.habitId ?? ''}|${e.at}|${e.day ?? ''}`;

test('a habit marked done stays done after a reload; undo clears it', async ({ page }) => {
  await openToday(page);
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await addHabit(page, 'Drink water');
  const r = row(page, 'Drink water');
  await expect(r).toHaveAttribute('data-state', 'open');
  await r.getByRole('button', { name: /^Done/ }).click();
  await expect(r).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('today-summary')).toHaveText('1 of 1 done today');
  await expect(r.getByTestId('habit-streak')).toHaveText('1 day streak');

  await page.reload();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');

  // Undo from the row deletes the event.
  await row(page, 'Drink water').getByRole('button', { name: /^Undo/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');
  // Skip, then Undo from the toast.
  await row(page, 'Drink water').getByRole('button', { name: /^Skip/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'skipped');
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');
  await page.reload();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');

  // A double tap (two clicks before the row re-renders) records one completion: one Undo clears it.
  await row(page, 'Drink water')
    .getByRole('button', { name: /^Done/ })
    .evaluate((b: HTMLElement) => {
      b.click();
      b.click();
    });
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');
  await row(page, 'Drink water').getByRole('button', { name: /^Undo/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');
});

test('a past day can be marked and counts for that day, not for today', async ({ page }) => {
  await openToday(page);
  await importFile(page, FIXTURE);
  await openToday(page);
  await page.getByText('Mark a past day').click();
  const form = page.locator('details.past-day');
  await form.getByLabel('Habit').selectOption({ label: 'Evening walk' });
  await expect(form.getByLabel('Day')).toHaveValue(
    await page.evaluate(() => {
      const d = new Date(Date.now() - 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }),
  );
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByTestId('past-status')).toHaveText('Yesterday: done');
  await expect(row(page, 'Evening walk')).toHaveAttribute('data-state', 'open');
  await page.reload();
  await page.getByText('Mark a past day').click();
  await form.getByLabel('Habit').selectOption({ label: 'Evening walk' });
  await expect(page.getByTestId('past-status')).toHaveText('Yesterday: done');
  await expect(row(page, 'Evening walk').getByTestId('habit-streak')).toHaveText('1 day streak');
});

test('archive takes a habit off Today and restore brings it back', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Stretch');
  await addHabit(page, 'Journal');
  await page.getByRole('link', { name: /Manage habits/ }).click();
  await page.getByRole('button', { name: 'Archive Stretch' }).click();
  await expect(page.getByTestId('archived-list')).toContainText('Stretch');
  await openToday(page);
  await expect(row(page, 'Journal')).toBeVisible();
  await expect(row(page, 'Stretch')).toHaveCount(0);
  await page.goto('./#/habits');
  await page.getByTestId('archived-list').getByRole('button', { name: 'Restore Stretch' }).click();
  await expect(page.getByRole('button', { name: 'Restore Stretch' })).toHaveCount(0);
  await openToday(page);
  await expect(row(page, 'Stretch')).toBeVisible();
});

test('reorder, rename and delete with a confirmation dialog', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'First');
  await addHabit(page, 'Second');
  await page.goto('./#/habits');
  await page.getByRole('button', { name: 'Move Second up' }).click();
  // The move is saved once the list shows it; leaving before that (page.goto is a new document here,
  // the address carries ?kept=1) would abort the write with the page.
  await expect(page.getByTestId('habit-editor').first()).toContainText('Second');
  await openToday(page);
  await expect(page.getByTestId('habit-row').first()).toContainText('Second');

  await page.goto('./#/habits');
  const editor = page.getByTestId('habit-editor').filter({ has: page.getByRole('button', { name: 'Delete First' }) });
  await editor.getByLabel('Name').fill('x'.repeat(61));
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(editor.getByRole('alert')).toContainText('61 characters, the limit is 60');
  await editor.getByLabel('Name').fill('First, renamed');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByTestId('toast')).toContainText('Saved');

  await page.getByRole('button', { name: 'Delete Second' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this habit?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete Second' }).click();
  await dialog.getByRole('button', { name: 'Delete habit' }).click();
  await expect(page.getByRole('button', { name: 'Delete Second' })).toHaveCount(0);
  await openToday(page);
  await expect(page.getByTestId('habit-row')).toHaveCount(1);
  await expect(row(page, 'First, renamed')).toBeVisible();
});

test('an imported backup shows its history, and export gives back the same habits and events', async ({ page }) => {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Backup;
  await openToday(page);
  await importFile(page, FIXTURE);
  await expect(page.getByTestId('import-result')).toContainText(`${fixture.events.length} events added`);

  // Importing the same file again adds nothing.
  await importFile(page, FIXTURE);
  await expect(page.getByTestId('import-result')).toContainText('0 events added');

  await page.goto('./#/history/read');
  await expect(page.getByRole('heading', { name: 'History: Read 10 pages' })).toBeVisible();
  // Sep 1-14 with one skip (skips bridge, do not count) and a gap on Sep 15.
  await expect(page.getByTestId('best-streak')).toHaveText('13 days');
  await expect(page.getByTestId('recent-events').locator('li').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Habit' }).selectOption('walk');
  await expect(page.getByRole('heading', { name: 'History: Evening walk' })).toBeVisible();
  await expect(page.getByTestId('best-streak')).toHaveText('6 days');
  await expect(page.getByTestId('recent-events')).toContainText('marked later');
  await openToday(page);
  await expect(row(page, 'Read 10 pages')).toBeVisible();
  await expect(row(page, 'Stretch')).toHaveCount(0); // archived in the file

  await page.goto('./#/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  expect(download.suggestedFilename()).toMatch(/^nudge-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Backup;
  expect([exported.app, exported.kind, exported.version]).toEqual(['nudge', 'backup', 2]);
  const core = (h: BackupHabit) => ({ id: h.id, name: h.name, createdAt: h.createdAt, archivedAt: h.archivedAt });
  expect(exported.habits.map(core).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    fixture.habits.map(core).sort((a, b) => a.id.localeCompare(b.id)),
  );
  // Habit events are exactly the file's; app launches during the test add appOpened events only.
  const habitEvents = (b: Backup) =>
    b.events
      .filter((e) => e.type !== 'appOpened')
      .map(eventKey)
      .sort();
  expect(habitEvents(exported)).toEqual(habitEvents(fixture));
  const exportedKeys = new Set(exported.events.map(eventKey));
  expect(fixture.events.filter((e) => !exportedKeys.has(eventKey(e)))).toEqual([]);
});

test('a bad backup file is refused with the place of each problem, and nothing changes', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Keep me');
  const bad = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Backup;
  bad.events[3].at = '2026-09-02T21:40:00'; // no offset
  bad.events[5].habitId = 'nobody';
  await page.goto('./#/settings');
  await page.getByRole('radio', { name: /^Replace/ }).check();
  await page
    .getByLabel('Import backup file')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Nothing was imported');
  await expect(result).toContainText('events[3].at');
  await expect(result).toContainText('events[5].habitId');
  await openToday(page);
  await expect(row(page, 'Keep me')).toBeVisible();
  await expect(page.getByTestId('habit-row')).toHaveCount(1);
});

test('the sample history appears and is removed in one tap', async ({ page }) => {
  await openToday(page);
  await page.getByRole('button', { name: 'Try with a sample history' }).click();
  await expect(page.getByTestId('habit-row').nth(1)).toBeVisible();
  const first = page.getByTestId('habit-row').first();
  const id = await first.getAttribute('data-habit-id');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/history/${id}$`));
  // 90+ days of history: the heatmap shows many done days.
  const doneCells = await page.locator('[data-testid=heatmap] rect[data-status=done]').count();
  expect(doneCells).toBeGreaterThan(30);
  await openToday(page);
  await page.getByRole('button', { name: 'Remove sample history' }).click();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await expect(page.getByTestId('habit-row')).toHaveCount(0);
});

test('a habit name is shown as text, never as HTML', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)>';
  await openToday(page);
  await addHabit(page, evil);
  await expect(row(page, evil).getByRole('heading')).toHaveText(evil);
  await page.goto('./#/history');
  await expect(page.getByRole('heading', { name: `History: ${evil}` })).toBeVisible();
  await page.goto('./#/habits');
  await openToday(page);
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('delete all data asks first, then empties the app; storage status is shown', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Temporary');
  await page.goto('./#/settings');
  await expect(page.getByTestId('persisted')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await openToday(page);
  await expect(row(page, 'Temporary')).toBeVisible();
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('toast')).toContainText('deleted');
  await openToday(page);
  await expect(page.getByTestId('today-empty')).toBeVisible();
  // Deleting on purpose is not an eviction: the next launch says nothing about lost data.
  await page.reload();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await expect(page.getByTestId('eviction-banner')).toHaveCount(0);
});

test('when the browser throws the database away, the next launch says so plainly', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Read');
  await expect(page.getByTestId('eviction-banner')).toHaveCount(0);
  // Delete the database underneath the app, as a browser wiping site data would. The app's open
  // connection gets a versionchange and the app reloads itself (boot.ts); its new connection
  // waits for the deletion, and the launch check finds the data gone.
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => {
    indexedDB.deleteDatabase('nudge');
  });
  await reloaded;
  await expect(page.getByTestId('eviction-banner')).toBeVisible();
  await expect(page.getByTestId('eviction-banner')).toContainText('restore it in Settings');
  await expect(page.getByTestId('habit-row')).toHaveCount(0);
});

test('a wipe of every storage at once (Safari 7-day cap) is still noticed through the address flag', async ({
  page,
}) => {
  await openToday(page);
  await addHabit(page, 'Read');
  await expect(page).toHaveURL(/[?&]kept=1/);
  // Safari clears IndexedDB and Cache Storage together, so the Cache Storage marker goes too.
  const reloaded = page.waitForEvent('load');
  await page.evaluate(async () => {
    await caches.delete('nudge-marker-v1');
    indexedDB.deleteDatabase('nudge');
  });
  await reloaded;
  await expect(page.getByTestId('eviction-banner')).toBeVisible();
  await expect(page.getByTestId('habit-row')).toHaveCount(0);
});
