/**
 * Habits on a schedule and the Loop Habit Tracker import, in a real browser: a habit added with a
 * schedule shows it on Today and in History; each of Loop's exports (the CSV zip and the SQLite
 * backup) imports through Settings with a preview first, then Today and History show the history,
 * streaks and schedules. The .db import runs sql.js's WebAssembly under the app's CSP (any violation
 * fails the test, see fixtures.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { addDays } from '../../src/learn/time.ts';
import { sampleLoop } from '../fixtures/loop/sample.ts';
import { loopCsvZip, loopDatabase } from '../support/loop-export.ts';
import { expect, test, waitForServiceWorkerControl } from './fixtures.ts';

function row(page: Page, name: string): Locator {
  return page.getByTestId('habit-row').filter({ hasText: name });
}

async function openToday(page: Page): Promise<void> {
  await page.goto('./#/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 2, exact: true })).toBeVisible();
}

/** The browser's today, read in the page (the test machine's zone could differ from Node's). */
async function browserToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
}

async function importLoop(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.goto('./#/settings');
  const section = page.getByTestId('loop-import');
  await section.getByLabel('Loop export file').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
  const preview = section.getByTestId('loop-preview');
  await expect(preview).toContainText('6 habits (1 archived)');
  await expect(section.getByTestId('loop-habits')).toContainText('Call grandma: every 3 days');
  await expect(section.getByTestId('loop-habits')).toContainText('Old Spanish lessons: 5 times a week (archived)');
  await expect(section.getByTestId('loop-notes')).toContainText(
    'Old Spanish lessons: 2 times in 3 days became 5 times a week',
  );
  await section.getByTestId('loop-merge').click();
  await expect(section.getByTestId('loop-result')).toContainText(`Imported ${name} (merge): 6 habits added`, {
    timeout: 60_000,
  });
}

async function seeImportedHistory(page: Page, today: string): Promise<void> {
  await openToday(page);
  // Méditer: 19 yeses ending yesterday, a skip and an explicit NO (both skips) bridging.
  await expect(row(page, 'Méditer 🧘').getByTestId('habit-streak')).toHaveText('19 days streak');
  await expect(row(page, 'Gym, weights').getByTestId('habit-schedule')).toHaveText('3 times a week');
  await expect(row(page, 'Gym, weights').getByTestId('habit-week')).toContainText('of 3 this week');
  // Every 3 days from yesterday: today is a rest day, listed after the due habits.
  const grandma = row(page, 'Call grandma');
  await expect(grandma.getByTestId('habit-state')).toHaveText('Not due today');
  await expect(grandma).toHaveAttribute('data-due', 'no');
  await expect(grandma.getByRole('button', { name: /^Skip/ })).toHaveCount(0); // nothing to skip on a rest day
  await expect(grandma.getByRole('button', { name: /^Done/ })).toBeVisible();
  await expect(page.getByTestId('habit-row').last()).toHaveAttribute('data-due', 'no');
  await expect(row(page, 'Old Spanish lessons')).toHaveCount(0); // archived in Loop

  await grandma.getByRole('link', { name: 'Call grandma' }).click();
  await expect(page.getByRole('heading', { name: 'History: Call grandma' })).toBeVisible();
  await expect(page.getByTestId('history-schedule')).toHaveText('Schedule: Every 3 days');
  await expect(page.getByTestId('current-streak')).toHaveText('4 days');
  // The two days between due days are not due: drawn apart, never as misses.
  await expect(page.getByTestId('heatmap').locator(`[data-day="${addDays(today, -2)}"]`)).toHaveAttribute(
    'data-status',
    'rest',
  );
  await expect(page.getByTestId('heatmap').locator(`[data-day="${addDays(today, -4)}"]`)).toHaveAttribute(
    'data-status',
    'done',
  );
  await page.getByRole('combobox', { name: 'Habit' }).selectOption({ label: 'Gym, weights' });
  await expect(page.getByTestId('history-schedule')).toHaveText('Schedule: 3 times a week');
  await expect(page.getByTestId('history-rate').first()).toContainText('weeks met');
}

test('a habit added on weekdays shows its schedule, is not due on other days, and can still be done', async ({
  page,
}) => {
  await openToday(page);
  const today = await browserToday(page);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const form = page.getByRole('form', { name: 'Add a habit' });
  await form.getByLabel('Name').fill('Piano');
  await form.getByRole('combobox', { name: 'Schedule' }).selectOption('weekdays');
  // Tick only tomorrow's weekday: today is then a rest day.
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  for (const n of names) await form.getByRole('checkbox', { name: n, exact: true }).setChecked(false);
  await form.getByRole('button', { name: 'Add habit' }).click();
  await expect(form.getByRole('alert')).toHaveText('Tick at least one day of the week.');
  await form.getByRole('checkbox', { name: names[(weekday + 1) % 7], exact: true }).check();
  await form.getByRole('button', { name: 'Add habit' }).click();
  const piano = row(page, 'Piano');
  await expect(piano.getByTestId('habit-state')).toHaveText('Not due today');
  await expect(page.getByTestId('today-summary')).toHaveText('Nothing due today, 1 not due');
  await expect(piano.getByTestId('habit-schedule')).toHaveText(/^[A-Z][a-z]+days$/);
  await piano.getByRole('button', { name: 'Done Piano' }).click();
  await expect(piano).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('today-summary')).toHaveText('1 of 1 done today');
  await expect(piano.getByTestId('habit-streak')).toHaveText('1 day streak');

  // The editor changes it to 2 times a week; Today then shows the week's progress.
  await page.goto('./#/habits');
  const editor = page.getByTestId('habit-editor'); // the only habit
  await editor.getByRole('combobox', { name: 'Schedule' }).selectOption('perWeek');
  await editor.getByRole('spinbutton').fill('2');
  await editor.getByRole('button', { name: 'Save Piano' }).click();
  await openToday(page);
  await expect(row(page, 'Piano').getByTestId('habit-week')).toHaveText('1 of 2 this week');
});

test('the Loop CSV export imports through Settings: history, streaks and schedules', async ({ page }) => {
  await openToday(page);
  const today = await browserToday(page);
  await importLoop(page, 'Loop Habits CSV 2026-03-19.zip', loopCsvZip(sampleLoop(addDays(today, -1))));
  await seeImportedHistory(page, today);
});

test('the Loop database backup imports through Settings with sql.js, reminders included', async ({ page }) => {
  await openToday(page);
  const today = await browserToday(page);
  const db = await loopDatabase(sampleLoop(addDays(today, -1)));
  await importLoop(page, 'Loop Habits Backup 2026-03-19 101010.db', db);
  await seeImportedHistory(page, today);
  await openToday(page);
  await expect(row(page, 'Méditer 🧘')).toContainText('Reminder 07:30');
  // The same history again, as the CSV export: nothing new is added.
  await page.goto('./#/settings');
  await page
    .getByTestId('loop-import')
    .getByLabel('Loop export file')
    .setInputFiles({
      name: 'again.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(loopCsvZip(sampleLoop(addDays(today, -1)))),
    });
  await page.getByTestId('loop-merge').click();
  await expect(page.getByTestId('loop-result')).toContainText('0 habits added, 0 events added');
});

test('a file that is not a Loop export is refused, naming it, and nothing changes', async ({ page }) => {
  await openToday(page);
  await page.goto('./#/settings');
  await page
    .getByTestId('loop-import')
    .getByLabel('Loop export file')
    .setInputFiles({
      name: 'photos.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(`PK\u0005\u0006${'\0'.repeat(18)}`),
    });
  await expect(page.getByTestId('loop-result')).toContainText(
    'photos.zip: this zip is not a Loop Habit Tracker export: it has no Habits.csv',
  );
  await openToday(page);
  await expect(page.getByTestId('today-empty')).toBeVisible();
});

test('the Loop database import works offline once the app is installed (sql.js and its .wasm are precached)', async ({
  appPage: page,
  server,
}) => {
  await waitForServiceWorkerControl(page);
  const today = await browserToday(page);
  const db = await loopDatabase(sampleLoop(addDays(today, -1)));
  await server.stop(); // the fixture starts it again after the test
  await page.reload();
  await importLoop(page, 'Loop Habits Backup offline.db', db);
});
