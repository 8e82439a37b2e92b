/** History: the heatmap, streaks, rates and recent events of an imported habit; the sample history on and off. */
import { css, inside, role, testId } from './driver.ts';
import { countOf, eventually, expectThat, attributeOf } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { importBackup, openToday, screenHeading, TRACKING_BACKUP } from './steps.ts';

const doneCells = css('[data-testid=heatmap] rect[data-status=done]');

export default {
  journeys: [
    {
      name: "History shows an imported habit's heatmap, streaks, rates and recent events, and switches habits",
      async run(d) {
        await importBackup(d, TRACKING_BACKUP);
        await d.goto('./#/history/read');
        await expectThat(d, screenHeading('History: Read 10 pages')).toBeVisible();
        await expectThat(d, testId('heatmap')).toBeVisible();
        // Sep 1-14 with one skip (skips bridge, do not count) and a gap on Sep 15.
        await expectThat(d, testId('best-streak')).toHaveText('13 days');
        await expectThat(d, testId('current-streak')).toHaveText(/^\d+ days?$/);
        await expectThat(d, testId('strength')).toHaveText(/^\d+%$/);
        await expectThat(d, testId('history-stats')).toContainText(/Last \d+ days\s*\d+% \(\d+ of \d+ days?\)/);
        await expectThat(d, inside(testId('recent-events'), role('listitem', undefined, { nth: 0 }))).toBeVisible();
        await d.select(role('combobox', 'Habit'), 'Evening walk');
        await expectThat(d, screenHeading('History: Evening walk')).toBeVisible();
        await expectThat(d, testId('best-streak')).toHaveText('6 days');
        await expectThat(d, testId('recent-events')).toContainText('marked later');
      },
    },
    {
      name: 'the sample history appears in one tap, fills History, and goes in one tap',
      async run(d) {
        await openToday(d);
        await d.click(role('button', 'Try with a sample history'));
        await expectThat(d, testId('habit-row', { nth: 1 })).toBeVisible();
        const first = testId('habit-row', { nth: 0 });
        const id = await attributeOf(d, first, 'data-habit-id');
        await d.click(inside(first, role('link')));
        await eventually('the address of its History', async () =>
          (await d.url()).endsWith(`#/history/${id}`) ? true : undefined,
        );
        // 90+ days of history: the heatmap shows many done days.
        const cells = await eventually('a filled heatmap', async () => {
          const n = await countOf(d, doneCells);
          return n > 30 ? n : undefined;
        });
        if (cells <= 30) throw new Error(`only ${cells} done days on the heatmap`);
        await openToday(d);
        await d.click(role('button', 'Remove sample history'));
        await expectThat(d, testId('today-empty')).toBeVisible();
        await expectThat(d, testId('habit-row')).toHaveCount(0);
      },
    },
  ],
} satisfies JourneyFile;
