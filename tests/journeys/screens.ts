/**
 * The app's screens in one fixed visit order, for the journeys that check every screen (axe, iPhone geometry)
 * and the Chromium-only specs that do the same through DevTools (tests/e2e/a11y.spec.ts, iphone.spec.ts):
 * Today empty -> (sample history added) Today, History, Insights, Settings, Manage habits, a confirmation
 * dialog. Each `open` leaves the page on that screen, settled; the sample history is added by the second.
 */
import { type Driver, inside, role, testId } from './driver.ts';
import { expectThat } from './expect.ts';
import { addForm, screenHeading } from './steps.ts';

/** One screen: a stable name (screenshot files use it) and how to get there from the previous one. */
export interface ScreenVisit {
  name: string;
  open(d: Driver): Promise<void>;
}

/** Waits two animation frames, so pending renders are on screen. */
export async function settle(d: Driver): Promise<void> {
  await d.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

async function goTab(d: Driver, hash: string, heading: RegExp): Promise<void> {
  // A hash change, not a page load: the screens keep the app running between them, as a person's taps do.
  await d.evaluate((h) => {
    location.hash = h;
  }, hash);
  await expectThat(d, screenHeading(heading)).toBeVisible();
  await settle(d);
}

/** The screens in visit order. */
export const SCREENS: ScreenVisit[] = [
  {
    name: 'today-empty',
    async open(d) {
      await d.goto('./#/today');
      await expectThat(d, testId('today-empty')).toBeVisible();
      await expectThat(d, addForm).toBeVisible();
      await settle(d);
    },
  },
  {
    name: 'today-sample',
    async open(d) {
      await d.click(role('button', 'Try with a sample history'));
      await expectThat(d, testId('habit-row', { nth: 0 })).toBeVisible();
      // The toast is transient: close it so it is not part of every later screen.
      await expectThat(d, testId('toast')).toContainText('Sample history added');
      await d.click(inside(testId('toast'), role('button', 'Dismiss message')));
      await expectThat(d, testId('toast')).toHaveCount(0);
      await settle(d);
    },
  },
  { name: 'history', open: (d) => goTab(d, '#/history', /^History/) },
  { name: 'insights', open: (d) => goTab(d, '#/insights', /^Insights/) },
  { name: 'settings', open: (d) => goTab(d, '#/settings', /^Settings$/) },
  { name: 'habits', open: (d) => goTab(d, '#/habits', /^Habits$/) },
  {
    name: 'confirm-dialog',
    async open(d) {
      await goTab(d, '#/settings', /^Settings$/);
      await d.click(role('button', 'Delete all data…'));
      await expectThat(d, role('dialog', 'Delete all data?')).toBeVisible();
      await settle(d);
    },
  },
];

/** Closes the confirmation dialog opened by the last screen without deleting anything. */
export async function cancelDialog(d: Driver): Promise<void> {
  await d.click(inside(role('dialog', 'Delete all data?'), role('button', 'Cancel')));
  await expectThat(d, role('dialog')).toHaveCount(0);
}
