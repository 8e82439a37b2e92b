/**
 * Keyboard focus on Today: the pressed button disappears when a habit is marked (Done turns into Undo), so focus
 * must move to the control that took its place instead of falling to the page, and the toast's Undo must bring it
 * back into the habit's row.
 */
import { inside, role, testId } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { addHabit, expectRowState, openToday, rowButton } from './steps.ts';

export default {
  journeys: [
    {
      name: 'Done and Undo pressed from the keyboard leave focus on the control that replaced them',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Stretch');
        await addHabit(d, 'Read');
        await d.focus(rowButton('Read', 'Done'));
        await d.press('Enter');
        await expectRowState(d, 'Read', 'done');
        await expectThat(d, rowButton('Read', 'Undo')).toBeFocused();
        await d.press('Enter');
        await expectRowState(d, 'Read', 'open');
        await expectThat(d, rowButton('Read', 'Done')).toBeFocused();
      },
    },
    {
      name: "the toast's Undo brings focus back into the habit's row",
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Read');
        await d.click(rowButton('Read', 'Skip'));
        await expectRowState(d, 'Read', 'skipped');
        await d.click(inside(testId('toast'), role('button', 'Undo')));
        await expectRowState(d, 'Read', 'open');
        await expectThat(d, rowButton('Read', 'Done')).toBeFocused();
      },
    },
  ],
} satisfies JourneyFile;
