/**
 * The at-risk banner on Today: a slipping habit is listed with its chance; "Do it now" records a reminder tap
 * and puts focus on the habit's Done; a notification's link is recorded once; "Not today" hides the banner for
 * the rest of the day, across a reload.
 */
import assert from 'node:assert/strict';
import { type Driver, inside, role, testId } from './driver.ts';
import { eventually, expectThat } from './expect.ts';
import { slippingHabit } from './histories.ts';
import type { JourneyFile } from './journey.ts';
import { importBackup, openScreen, openToday, rowButton, storeRows } from './steps.ts';

const banner = role('complementary', 'At risk today');

/** Imports the slipping habit and trains it, so Today has a stored prediction that says "at risk". */
async function slippingHabitTrained(d: Driver): Promise<void> {
  await importBackup(d, slippingHabit());
  await d.goto('./#/insights/stretch');
  await d.click(testId('train-now'));
  await expectThat(d, testId('train-status'), 60_000).toContainText(/Trained on|training right now/);
  await openToday(d);
  await expectThat(d, testId('likelihood-stretch')).toHaveAttribute('class', /tone-risk/);
}

async function reminderTaps(d: Driver): Promise<number> {
  const events = await storeRows<{ type: string; habitId?: string }>(d, 'events');
  return events.filter((e) => e.type === 'reminderTapped' && e.habitId === 'stretch').length;
}

async function tapsBecome(d: Driver, n: number): Promise<void> {
  await eventually(`${n} reminder taps recorded`, async () => ((await reminderTaps(d)) === n ? true : undefined));
}

export default {
  journeys: [
    {
      name: 'a habit at risk is in the banner; "Do it now" records the tap and focuses its Done button',
      timeoutMs: 150_000,
      async run(d) {
        await slippingHabitTrained(d);
        const item = inside(banner, testId('reminder-item', { hasText: 'Stretch' }));
        await expectThat(d, item).toContainText(/only \d+% likely today/);
        await d.click(inside(item, role('button', /^Do it now/)));
        await expectThat(d, item).toHaveCount(0); // acted on: gone from the banner for today
        await expectThat(d, rowButton('Stretch', 'Done')).toBeFocused();
        await tapsBecome(d, 1);

        // A notification tap opens #/today?reminder=<id>: recorded once, and the address cleaned.
        await d.goto('./#/today?reminder=stretch');
        await tapsBecome(d, 2);
        await eventually('the address cleaned', async () => ((await d.url()).endsWith('#/today') ? true : undefined));
        await d.reload();
        await expectThat(d, testId('likelihood-stretch')).toBeVisible();
        assert.equal(await reminderTaps(d), 2, 'a reload records nothing more');

        // Settings says plainly what this device can do, including the no-server limit.
        await openScreen(d, '#/settings', 'Settings');
        await expectThat(d, testId('platform-schedule')).toContainText(
          'No web app can schedule a notification for a set time without a server',
        );
      },
    },
    {
      name: '"Not today" hides the at-risk banner for the rest of the day, also after a reload',
      timeoutMs: 150_000,
      async run(d) {
        await slippingHabitTrained(d);
        await expectThat(d, banner).toBeVisible();
        await d.click(inside(banner, role('button', 'Not today')));
        await expectThat(d, banner).toHaveCount(0);
        await d.reload();
        await expectThat(d, testId('likelihood-stretch')).toHaveAttribute('class', /tone-risk/);
        await expectThat(d, banner).toHaveCount(0);
        assert.equal(await reminderTaps(d), 0, 'dismissing is not a reminder tap');
      },
    },
  ],
} satisfies JourneyFile;
