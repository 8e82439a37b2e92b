/**
 * Managing habits: add, rename (a name too long is refused), reorder, archive and restore, delete after a question;
 * a habit on a schedule (some weekdays, then N times a week) as Today and History show it.
 */
import { inside, label, role, testId } from './driver.ts';
import { eventually, expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import {
  addForm,
  addHabit,
  expectRowState,
  habitRow,
  openScreen,
  openToday,
  rowButton,
  screenHeading,
} from './steps.ts';

const openHabits = (d: Parameters<typeof openToday>[0]) => openScreen(d, '#/habits', 'Habits');

export default {
  journeys: [
    {
      name: 'add, reorder, rename and delete habits, with a confirmation before deleting',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'First');
        await addHabit(d, 'Second');
        await openHabits(d);
        await d.click(role('button', 'Move Second up'));
        // Saved once the list shows it: leaving before that would abort the write with the page.
        await expectThat(d, testId('habit-editor', { nth: 0 })).toContainText('Second');
        await openToday(d);
        await expectThat(d, testId('habit-row', { nth: 0 })).toContainText('Second');

        await openHabits(d);
        const editor = role('form', 'Edit First');
        await d.fill(inside(editor, label(/^Name/)), 'x'.repeat(61));
        await d.click(inside(editor, role('button', /^Save/)));
        await expectThat(d, inside(editor, role('alert'))).toContainText('61 characters, the limit is 60');
        await d.fill(inside(editor, label(/^Name/)), 'First, renamed');
        await d.click(inside(editor, role('button', /^Save/)));
        await expectThat(d, testId('toast')).toContainText('Saved');
        await expectThat(d, role('form', 'Edit First, renamed')).toBeVisible();

        const question = role('dialog', 'Delete this habit?');
        await d.click(role('button', 'Delete Second'));
        await expectThat(d, question).toBeVisible();
        await d.click(inside(question, role('button', 'Cancel')));
        await expectThat(d, question).toHaveCount(0);
        await d.click(role('button', 'Delete Second'));
        await d.click(inside(question, role('button', 'Delete habit')));
        await expectThat(d, role('button', 'Delete Second')).toHaveCount(0);
        await openToday(d);
        await expectThat(d, testId('habit-row')).toHaveCount(1);
        await expectThat(d, habitRow('First, renamed')).toBeVisible();
      },
    },
    {
      name: 'archive takes a habit off Today and restore brings it back',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Stretch');
        await addHabit(d, 'Journal');
        await d.click(role('link', /Manage habits/));
        await expectThat(d, role('heading', 'Habits', { level: 2 })).toBeVisible();
        await d.click(role('button', 'Archive Stretch'));
        await expectThat(d, testId('archived-list')).toContainText('Stretch');
        await openToday(d);
        await expectThat(d, habitRow('Journal')).toBeVisible();
        await expectThat(d, habitRow('Stretch')).toHaveCount(0);
        await openHabits(d);
        await d.click(inside(testId('archived-list'), role('button', 'Restore Stretch')));
        await expectThat(d, role('button', 'Restore Stretch')).toHaveCount(0);
        await openToday(d);
        await expectThat(d, habitRow('Stretch')).toBeVisible();
      },
    },
    {
      name: 'a habit for some weekdays shows its schedule, is not due on other days, can be done, then goes 2 a week',
      async run(d) {
        await openToday(d);
        const weekday = await d.evaluate(() => new Date().getDay());
        await d.fill(inside(addForm, label(/^Name/)), 'Piano');
        await d.select(inside(addForm, role('combobox', 'Schedule')), 'On some weekdays');
        const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
        const tick = async (day: string, on: boolean) => {
          const box = inside(addForm, role('checkbox', day));
          const [info] = await d.inspect(box);
          if (info?.checked !== on) await d.click(box);
          await eventually(`${day} ${on ? 'ticked' : 'unticked'}`, async () =>
            (await d.inspect(box))[0]?.checked === on ? true : undefined,
          );
        };
        for (const n of names) await tick(n, false);
        await d.click(inside(addForm, role('button', 'Add habit')));
        await expectThat(d, inside(addForm, role('alert'))).toHaveText('Tick at least one day of the week.');
        // Only tomorrow's weekday ticked: today is a rest day.
        await tick(names[(weekday + 1) % 7], true);
        await d.click(inside(addForm, role('button', 'Add habit')));
        const piano = habitRow('Piano');
        await expectThat(d, inside(piano, testId('habit-state'))).toHaveText('Not due today');
        await expectThat(d, piano).toHaveAttribute('data-due', 'no');
        await expectThat(d, testId('today-summary')).toHaveText('Nothing due today, 1 not due');
        await expectThat(d, inside(piano, testId('habit-schedule'))).toHaveText(/^[A-Z][a-z]+days$/);
        await d.click(rowButton('Piano', 'Done'));
        await expectRowState(d, 'Piano', 'done');
        await expectThat(d, testId('today-summary')).toHaveText('1 of 1 done today');
        await expectThat(d, inside(piano, testId('habit-streak'))).toHaveText('1 day streak');

        await d.click(inside(piano, role('link', 'Piano')));
        await expectThat(d, screenHeading('History: Piano')).toBeVisible();
        await expectThat(d, testId('history-schedule')).toHaveText(/^Schedule: [A-Z][a-z]+days$/);

        // Changed to 2 times a week in the editor, Today shows the week's progress instead.
        await openHabits(d);
        const editor = role('form', 'Edit Piano');
        await d.select(inside(editor, role('combobox', 'Schedule')), 'A number of times a week');
        await d.fill(inside(editor, label(/^times a week/)), '2');
        await d.click(inside(editor, role('button', /^Save/)));
        await expectThat(d, testId('toast')).toContainText('Saved');
        await openToday(d);
        await expectThat(d, inside(piano, testId('habit-week'))).toHaveText('1 of 2 this week');
        await expectThat(d, inside(piano, testId('habit-schedule'))).toHaveText('2 times a week');
      },
    },
  ],
} satisfies JourneyFile;
