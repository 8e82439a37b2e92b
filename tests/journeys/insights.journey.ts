/**
 * The learning loop as a person sees it: Train now and Insights (model version, the run listed, both charts
 * drawn), the probability on Today; the sample history trained by the scheduler through whatever this browser
 * offers (in WebKit, as on iPhone, no idle callback and no battery: a quiet spell), kept across a reload.
 */
import assert from 'node:assert/strict';
import { css, type Driver, inside, role, testId } from './driver.ts';
import { attributeOf, countOf, expectThat } from './expect.ts';
import { oneHabitBackup, weekdayHabit } from './histories.ts';
import { handMadeModels, writeModels } from './models.ts';
import type { JourneyFile } from './journey.ts';
import { importBackup, moment, openToday, screenHeading, storeRows } from './steps.ts';

/** What Today's chip of each habit says: percentage, source and model version. */
async function chips(d: Driver, ids: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const chip = testId(`likelihood-${id}`);
    await expectThat(d, chip, 30_000).toHaveAttribute('data-p', /^\d+$/);
    const [info] = await d.inspect(chip, ['data-p', 'data-source', 'data-version']);
    out[id] =
      `${info.attributes['data-p']}% ${info.attributes['data-source']} v${info.attributes['data-version'] ?? ''}`;
  }
  return out;
}

export default {
  journeys: [
    {
      name: 'Train now: Insights shows the model version, the run and both charts; Today shows the probability',
      timeoutMs: 150_000,
      async run(d) {
        await importBackup(d, weekdayHabit());
        await d.goto('./#/insights/stretch');
        await expectThat(d, screenHeading(/^Insights/)).toBeVisible();
        await d.click(testId('train-now'));
        await expectThat(d, testId('train-status'), 60_000).toContainText(/Trained on \d+ days|training right now/);
        await expectThat(d, testId('run-row', { nth: 0 })).toBeVisible();
        // The model line always says something true: a version or "none yet".
        await expectThat(d, testId('model-version')).toHaveText(/^(v\d+|none yet)$/);

        const series = testId('probability-chart');
        await expectThat(d, series, 60_000).toBeVisible();
        assert.ok((await countOf(d, inside(series, css('path.series')))) >= 1, 'a probability line is drawn');
        assert.ok((await countOf(d, inside(series, css('circle.dot.done')))) > 10, 'done days are marked');
        await expectThat(d, inside(series, css('svg title'))).toHaveText(/Predicted chance per day/);
        await expectThat(d, inside(series, css('.chart-summary'))).toContainText(/you did it on \d+ days/);
        const calibration = testId('calibration-chart');
        await expectThat(d, calibration).toBeVisible();
        assert.ok((await countOf(d, inside(calibration, css('circle.cal-dot')))) >= 1, 'calibration points drawn');

        await openToday(d);
        const chip = testId('likelihood-stretch');
        await expectThat(d, chip).toContainText('%');
        assert.notEqual(await attributeOf(d, chip, 'data-source'), 'none');
        await d.focus(inside(chip, role('button')));
        await d.press('Enter');
        await expectThat(d, inside(chip, testId('likelihood-why'))).toBeVisible();
        await expectThat(d, inside(chip, role('button'))).toHaveAttribute('aria-expanded', 'true');
      },
    },
    {
      name: "the sample history trains through this browser's fallback path; a reload keeps the model, untrained",
      timeoutMs: 150_000,
      async run(d) {
        await openToday(d);
        await moment(d, 'launch');
        const platform = await d.evaluate(() => ({
          idle: typeof requestIdleCallback === 'function',
          battery: typeof (navigator as { getBattery?: unknown }).getBattery === 'function',
        }));
        // The Safari engine lacks both, as iOS does: the scheduler must fall back to a quiet spell.
        if (d.engine !== 'chromium') assert.deepEqual(platform, { idle: false, battery: false });
        await d.click(role('button', 'Try with a sample history'));
        await expectThat(d, testId('habit-row', { nth: 1 })).toBeVisible();
        const ids = (await storeRows<{ id: string }>(d, 'habits')).map((h) => h.id).sort();
        assert.ok(ids.length >= 2, `the sample habits: ${ids}`);

        const decided = await moment(d, 'data', 60_000);
        const allowed = platform.idle || platform.battery ? ['charging', 'idle', 'quiet'] : ['quiet'];
        assert.ok(allowed.includes(decided.trigger), `trained on "${decided.trigger}", expected one of ${allowed}`);
        assert.equal(decided.habits, ids.length);
        const runs = await storeRows<{ habitId: string; trigger: string }>(d, 'trainingRuns');
        assert.deepEqual(
          runs.map((r) => `${r.habitId}:${r.trigger}`).sort(),
          ids.map((id) => `${id}:${decided.trigger}`),
        );
        const shown = await chips(d, ids);

        await d.reload();
        assert.deepEqual(await moment(d, 'launch'), { trigger: 'none', habits: 0 }, 'a reload trains nothing');
        assert.equal((await storeRows(d, 'trainingRuns')).length, runs.length);
        assert.deepEqual(await chips(d, ids), shown, 'the same probabilities and model versions after the reload');
      },
    },
    {
      name: 'Roll back to the previous version makes it active, and no older one is offered',
      timeoutMs: 150_000,
      async run(d) {
        // Let the launch moment pass on the empty app first, so the import is new data to the scheduler.
        await openToday(d);
        await moment(d, 'launch');
        await importBackup(
          d,
          oneHabitBackup(60, (_i, wd) => wd % 2 === 1),
        );
        // The import makes the scheduler train at once: let that run finish, then replace its model with two
        // hand-made versions, so the journey does not depend on whether a real run is promoted.
        await moment(d, 'data', 60_000);
        await d.evaluate(() =>
          (window as { nudgeDebug?: { trainer: { whenIdle(): Promise<void> } } }).nudgeDebug?.trainer.whenIdle(),
        );
        await writeModels(d, handMadeModels('stretch'));
        await d.goto('./#/insights/stretch');
        await d.reload(); // the rows were written behind the app's back
        await expectThat(d, testId('model-version')).toHaveText('v2');
        await expectThat(d, testId('rollback')).toHaveText('Roll back to v1');
        await d.click(testId('rollback'));
        await expectThat(d, testId('model-version'), 30_000).toHaveText('v1');
        await expectThat(d, testId('train-status')).toHaveText('Rolled back: v1 is active again.');
        const stored = await storeRows<{ version: number; active: number }>(d, 'checkpoints');
        assert.deepEqual(
          stored.filter((c) => c.active === 1).map((c) => c.version),
          [1],
        );
        await expectThat(d, testId('rollback')).toHaveCount(0);
      },
    },
  ],
} satisfies JourneyFile;
