/**
 * The app's screens as the reliability specs (a11y, iPhone look) visit them, in one fixed order:
 * Today empty -> (sample history added) Today, History, Insights, Settings, Manage habits, a confirmation dialog.
 * Each `open` leaves the page on that screen, settled; the visit order matters because the sample history
 * is added once, by the second screen.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** One screen to check: a stable name (used for screenshot files) and how to get there. */
export interface ScreenVisit {
  name: string;
  open(page: Page): Promise<void>;
}

async function goTab(page: Page, hash: string, heading: RegExp): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await expect(page.getByRole('heading', { level: 2, name: heading }).first()).toBeVisible();
  await settle(page);
}

/** Waits for pending renders and live queries to finish (two animation frames after the network is idle). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** The screens in visit order. */
export const SCREENS: ScreenVisit[] = [
  {
    name: 'today-empty',
    async open(page) {
      await page.goto('./#/today');
      await expect(page.getByTestId('today-empty')).toBeVisible();
      await expect(page.getByRole('form', { name: 'Add a habit' })).toBeVisible();
      await settle(page);
    },
  },
  {
    name: 'today-sample',
    async open(page) {
      await page.getByRole('button', { name: 'Try with a sample history' }).click();
      await expect(page.getByTestId('habit-row').first()).toBeVisible();
      // The toast is transient: close it so it is not part of every later screen.
      const dismiss = page.getByRole('button', { name: 'Dismiss message' });
      if (await dismiss.isVisible()) await dismiss.click();
      await settle(page);
    },
  },
  { name: 'history', open: (page) => goTab(page, '#/history', /history/i) },
  { name: 'insights', open: (page) => goTab(page, '#/insights', /insights/i) },
  { name: 'settings', open: (page) => goTab(page, '#/settings', /./) },
  { name: 'habits', open: (page) => goTab(page, '#/habits', /./) },
  {
    name: 'confirm-dialog',
    async open(page) {
      await goTab(page, '#/settings', /./);
      await page.getByRole('button', { name: 'Delete all data…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await settle(page);
    },
  },
];

/** Closes the confirmation dialog opened by the last screen without deleting anything. */
export async function cancelDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}
