/**
 * Offline, proven by stopping the server (not by the browser's offline switch, which does not cover the service
 * worker's own fetches): the app reloads from its service worker, a habit marked done offline is kept across
 * reloads, and Train now loads its worker from the precache.
 */
import assert from 'node:assert/strict';
import { testId } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import {
  addHabit,
  expectRowState,
  moment,
  openToday,
  rowButton,
  screenHeading,
  serverGone,
  storeRows,
  untilServiceWorkerControls,
} from './steps.ts';

export default {
  journeys: [
    {
      name: 'with the server stopped the app reloads, and a habit marked done offline stays done',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Walk');
        await untilServiceWorkerControls(d);
        await serverGone(d);
        await d.reload();
        await expectThat(d, screenHeading('Today')).toBeVisible();
        await d.click(rowButton('Walk', 'Done'));
        await expectRowState(d, 'Walk', 'done');
        await d.reload();
        await expectRowState(d, 'Walk', 'done');
        await d.server.start();
        await d.reload();
        await expectRowState(d, 'Walk', 'done');
      },
    },
    {
      name: 'Train now works offline (the worker comes from the precache); a reload keeps the model',
      timeoutMs: 150_000,
      async run(d) {
        await openToday(d);
        await untilServiceWorkerControls(d);
        await moment(d, 'launch');
        await d.click({ role: 'button', name: 'Try with a sample history' });
        await expectThat(d, testId('habit-row', { nth: 0 })).toBeVisible();
        const first = (await moment(d, 'data', 60_000)).trigger;
        const [id] = (await storeRows<{ id: string }>(d, 'habits')).map((h) => h.id).sort();

        await serverGone(d);
        await d.reload();
        assert.deepEqual(await moment(d, 'launch'), { trigger: 'none', habits: 0 }, 'trained today already');
        await d.goto(`./#/insights/${id}`);
        await d.click(testId('train-now'));
        await expectThat(d, testId('run-row', { nth: 0 }), 60_000).toHaveAttribute('data-trigger', 'manual');
        await expectThat(d, testId('train-status')).toContainText(/Trained on \d+ days/);
        const [model] = await d.inspect(testId('model-version'), ['data-version']);
        const runs = await storeRows<{ habitId: string; trigger: string }>(d, 'trainingRuns');
        assert.deepEqual(
          runs.filter((r) => r.habitId === id).map((r) => r.trigger),
          [first, 'manual'],
        );

        await d.server.start();
        await d.reload();
        assert.deepEqual(await moment(d, 'launch'), { trigger: 'none', habits: 0 }, 'a reload trains nothing');
        await expectThat(d, testId('model-version')).toHaveAttribute(
          'data-version',
          model.attributes['data-version'] ?? '',
        );
        assert.equal((await storeRows(d, 'trainingRuns')).length, runs.length);
      },
    },
  ],
} satisfies JourneyFile;
