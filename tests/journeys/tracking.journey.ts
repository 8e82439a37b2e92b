/**
 * Tracking on Today: Done, Skip and Undo (from the row and from the toast), a double tap, a past day marked
 * later; every state read back after a reload, so IndexedDB in each engine keeps what the app confirmed.
 */
import { addDays } from '../../src/learn/time.ts';
import { css, type Driver, inside, label, role, testId, text } from './driver.ts';
import { eventually, expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import {
  addHabit,
  browserToday,
  expectRowState,
  habitRow,
  importBackup,
  openToday,
  rowButton,
  storeRows,
  TRACKING_BACKUP,
} from './steps.ts';

const pastDay = css('details.past-day');

/**
 * Opens "Mark a past day". Today's rows and the at-risk banner can still be arriving and move it; a tap that
 * landed elsewhere is tapped again, and only while it is closed (a second tap would close it).
 */
async function openPastDay(d: Driver): Promise<void> {
  await eventually('"Mark a past day" to open', async () => {
    const [details] = await d.inspect(pastDay, ['open']);
    if (details && details.attributes.open !== null) return true;
    await d.click(text('Mark a past day'));
    return undefined;
  });
}

export default {
  journeys: [
    {
      name: 'Done, Skip and Undo on Today are kept across reloads; a double tap records one completion',
      async run(d) {
        await openToday(d);
        await expectThat(d, testId('today-empty')).toBeVisible();
        await addHabit(d, 'Drink water');
        await expectRowState(d, 'Drink water', 'open');
        await d.click(rowButton('Drink water', 'Done'));
        await expectRowState(d, 'Drink water', 'done');
        await expectThat(d, testId('today-summary')).toHaveText('1 of 1 done today');
        await expectThat(d, inside(habitRow('Drink water'), testId('habit-streak'))).toHaveText('1 day streak');
        await d.reload();
        await expectRowState(d, 'Drink water', 'done');

        // Undo from the row deletes the event; Skip, then Undo from the toast.
        await d.click(rowButton('Drink water', 'Undo'));
        await expectRowState(d, 'Drink water', 'open');
        await d.click(rowButton('Drink water', 'Skip'));
        await expectRowState(d, 'Drink water', 'skipped');
        await d.click(inside(testId('toast'), role('button', 'Undo')));
        await expectRowState(d, 'Drink water', 'open');
        await d.reload();
        await expectRowState(d, 'Drink water', 'open');

        // Two clicks before the row re-renders record one completion: one Undo clears it.
        await d.evaluate(() => {
          const done = document.querySelector<HTMLButtonElement>('[data-testid=habit-row] [data-action=done]');
          done?.click();
          done?.click();
        });
        await expectRowState(d, 'Drink water', 'done');
        await d.click(rowButton('Drink water', 'Undo'));
        await expectRowState(d, 'Drink water', 'open');
        const marks = (await storeRows<{ type: string }>(d, 'events')).filter((e) => e.type !== 'appOpened');
        if (marks.length !== 0) throw new Error(`expected no marks left after Undo, found ${JSON.stringify(marks)}`);
      },
    },
    {
      name: 'a past day can be marked and counts for that day, not for today',
      async run(d) {
        await importBackup(d, TRACKING_BACKUP);
        await openToday(d);
        await openPastDay(d);
        await d.select(inside(pastDay, label('Habit')), 'Evening walk');
        const yesterday = addDays(await browserToday(d), -1);
        await expectThat(d, inside(pastDay, label('Day'))).toHaveValue(yesterday);
        await d.click(inside(pastDay, role('button', 'Mark done')));
        await expectThat(d, testId('past-status')).toHaveText('Yesterday: done');
        await expectRowState(d, 'Evening walk', 'open');
        await d.reload();
        await openPastDay(d);
        await d.select(inside(pastDay, label('Habit')), 'Evening walk');
        await expectThat(d, testId('past-status')).toHaveText('Yesterday: done');
        await expectThat(d, inside(habitRow('Evening walk'), testId('habit-streak'))).toHaveText('1 day streak');
      },
    },
  ],
} satisfies JourneyFile;
