/**
 * Keyboard focus on Today in a real browser: the pressed button disappears when a habit is marked
 * (Done turns into Undo), so focus must move to the control that took its place instead of falling
 * to the page, and the toast's Undo must bring it back into the habit's row.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

async function addHabit(page: Page, name: string): Promise<void> {
  await page.goto('./#/today');
  const form = page.getByRole('form', { name: 'Add a habit' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add habit' }).click();
  await expect(page.getByTestId('habit-row').filter({ hasText: name })).toBeVisible();
}

/** The data-action of the focused button and the name of the row it sits in ('' when focus is elsewhere). */
function focused(page: Page): Promise<{ action: string; row: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const row = el?.closest<HTMLElement>('[data-testid=habit-row]');
    return { action: el?.dataset.action ?? el?.tagName ?? '', row: row?.querySelector('h3')?.textContent ?? '' };
  });
}

test('Done and Undo pressed from the keyboard leave focus on the control that replaced them', async ({ page }) => {
  await addHabit(page, 'Stretch');
  await addHabit(page, 'Read');
  const row = page.getByTestId('habit-row').filter({ hasText: 'Read' });
  await row.getByRole('button', { name: /^Done/ }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'done');
  await expect.poll(() => focused(page)).toEqual({ action: 'undo', row: 'Read' });
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'open');
  await expect.poll(() => focused(page)).toEqual({ action: 'done', row: 'Read' });
});

test("the toast's Undo brings focus back into the habit's row", async ({ page }) => {
  await addHabit(page, 'Read');
  const row = page.getByTestId('habit-row').filter({ hasText: 'Read' });
  await row.getByRole('button', { name: /^Skip/ }).click();
  await expect(row).toHaveAttribute('data-state', 'skipped');
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveAttribute('data-state', 'open');
  await expect.poll(() => focused(page)).toEqual({ action: 'done', row: 'Read' });
});
