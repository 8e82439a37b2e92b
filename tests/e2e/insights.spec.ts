/**
 * The loop's UI in a real browser (issue 4): Insights draws its charts and lists the run after
 * "Train now"; "Roll back to vN" changes the active model; the reminder banner shows a habit at
 * risk, and tapping it (or opening a notification's link) records `reminderTapped`.
 * Histories are generated here, relative to the browser's today, and imported through Settings.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect as baseExpect } from './fixtures.ts';
import { importThroughSettings as importBackup, storeRows, waitForMoment } from './loop-helpers.ts';
import { addDays, dayToNumber, deviceOffset, formatInstant, localDayOf } from '../../src/learn/time.ts';
import { createMlp } from '../../src/learn/nn/mlp.ts';
import { createAdam } from '../../src/learn/nn/adam.ts';
import { checkpointToJson, makeCheckpoint } from '../../src/learn/checkpoint.ts';
import { DEFAULT_CONFIG } from '../../src/learn/config.ts';
import { newLearner } from '../../src/learn/learner.ts';

const HABIT = 'stretch';
// The machine is shared and the worker trains in the background: be patient, never timing-dependent.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A backup with one habit over `days` days up to yesterday, done on days where `done(i)` holds. */
function backup(days: number, done: (i: number, weekday: number) => boolean): string {
  const now = Date.now();
  const off = deviceOffset(new Date(now));
  const today = localDayOf(now, off);
  const start = addDays(today, -days);
  const at = (day: string, hhmm: string) => formatInstant(Date.parse(`${day}T${hhmm}:00.000Z`) - off * 60_000, off);
  const events: object[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(start, i);
    events.push({ type: 'appOpened', at: at(day, '08:00') });
    if (done(i, new Date(`${day}T00:00:00Z`).getUTCDay()))
      events.push({ type: 'habitCompleted', habitId: HABIT, at: at(day, '20:30') });
  }
  return JSON.stringify({
    app: 'nudge',
    kind: 'backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    timeZone: 'UTC',
    habits: [{ id: HABIT, name: 'Stretch', createdAt: at(start, '07:00'), archivedAt: null }],
    events,
  });
}

test('Insights draws the charts and lists the run after Train now', async ({ page }) => {
  // Mostly weekdays, with a few lapses: enough history to train (cold start needs 21 labelled days).
  await importBackup(
    page,
    backup(100, (i, wd) => wd !== 0 && wd !== 6 && i % 9 !== 4),
  );
  await page.goto(`./#/insights/${HABIT}`);
  await expect(page.getByRole('heading', { name: /Insights/, level: 2 })).toBeVisible();
  await page.getByTestId('train-now').click();
  await expect(page.getByTestId('train-status')).toContainText(/Trained on \d+ days|training right now/, {
    timeout: 60_000,
  });

  const run = page.getByTestId('run-row').first();
  await expect(run).toBeVisible();
  expect(await page.getByTestId('run-row').count()).toBeGreaterThanOrEqual(1);
  // The model version line always says something true: a version or "none yet".
  await expect(page.getByTestId('model-version')).toHaveText(/^(v\d+|none yet)$/);

  const series = page.getByTestId('probability-chart');
  await expect(series).toBeVisible({ timeout: 60_000 });
  expect(await series.locator('path.series').count()).toBeGreaterThanOrEqual(1);
  expect(await series.locator('circle.dot.done').count()).toBeGreaterThan(10);
  await expect(series.locator('svg title')).toHaveText(/Predicted chance per day/);
  await expect(series.locator('.chart-summary')).toContainText(/you did it on \d+ days/);
  const calib = page.getByTestId('calibration-chart');
  await expect(calib).toBeVisible();
  expect(await calib.locator('circle.cal-dot').count()).toBeGreaterThanOrEqual(1);
  const axe = await new AxeBuilder({ page }).include('[data-testid="insights"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Today shows the stored probability with its source.
  await page.goto('./#/today');
  const chip = page.getByTestId(`likelihood-${HABIT}`);
  await expect(chip).toContainText('%');
  await expect(chip).not.toHaveAttribute('data-source', 'none');
  await chip.getByRole('button').press('Enter');
  await expect(chip.getByTestId('likelihood-why')).toBeVisible();
  await expect(chip.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
});

test('Roll back to the previous version makes it active', async ({ page }) => {
  // Let the launch moment pass on the empty app first, so the import is new data to the scheduler.
  await page.goto('./');
  await waitForMoment(page, 'launch');
  await importBackup(
    page,
    backup(60, (_i, wd) => wd % 2 === 1),
  );
  // New history makes the scheduler train at once: let that run finish, then replace its model
  // with two hand-made versions, so the test does not depend on whether a real run is promoted.
  await waitForMoment(page, 'data', 30_000);
  await page.evaluate(() =>
    (window as unknown as { nudgeDebug: { trainer: { whenIdle(): Promise<void> } } }).nudgeDebug.trainer.whenIdle(),
  );
  // Two valid checkpoints of the current architecture, v2 active, and a run saying so (which also
  // tells a wired scheduler that training is not due, so it cannot add a v3 meanwhile).
  const now = Date.now();
  const metrics = { n: 14, logLoss: 0.6, brier: 0.2, auc: 0.7 };
  const today = dayToNumber(localDayOf(now, deviceOffset(new Date(now))));
  // Hand-made learners (no sync counts): the app rebuilds their stages from the imported history around the network.
  const cps = [1, 2].map((version) => {
    const s = newLearner(HABIT, today, [], DEFAULT_CONFIG);
    const net = createMlp(DEFAULT_CONFIG.network.layers.slice(), version);
    s.network = { net, opt: createAdam(net), trainedThrough: today - 1, steps: 100 * version };
    return checkpointToJson(
      makeCheckpoint(s, {
        version,
        metrics: { base: metrics, learned: metrics, shown: metrics, networkShare: 0.5 },
        createdAt: now - (3 - version) * 1000,
        trigger: 'manual',
      }),
    );
  });
  await page.evaluate(
    async ({ cps, now }) => {
      const f32 = (a: number[][]) => a.map((x) => Float32Array.from(x));
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('nudge');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const tx = db.transaction(['checkpoints', 'trainingRuns'], 'readwrite');
      tx.objectStore('checkpoints').clear();
      for (const c of cps as Array<
        Record<string, unknown> & {
          version: number;
          weights: number[][];
          biases: number[][];
          optimizer: { step: number; mW: number[][]; vW: number[][]; mB: number[][]; vB: number[][] };
        }
      >) {
        const o = c.optimizer;
        tx.objectStore('checkpoints').add({
          ...c,
          weights: f32(c.weights),
          biases: f32(c.biases),
          optimizer: { step: o.step, mW: f32(o.mW), vW: f32(o.vW), mB: f32(o.mB), vB: f32(o.vB) },
          active: c.version === 2 ? 1 : 0,
        });
      }
      tx.objectStore('trainingRuns').add({
        habitId: 'stretch',
        startedAt: now,
        durationMs: 42,
        trigger: 'manual',
        samples: 40,
        promoted: true,
        reason: 'promoted (test setup)',
        metrics: null,
        checkpointVersion: 2,
        featureVersion: 2,
      });
      await new Promise((ok, ko) => {
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
      db.close();
    },
    { cps, now },
  );

  await page.goto(`./#/insights/${HABIT}`);
  await page.reload(); // the rows were written behind Dexie's back
  await expect(page.getByTestId('model-version')).toHaveText('v2');
  const rollback = page.getByTestId('rollback');
  await expect(rollback).toHaveText('Roll back to v1');
  await rollback.click();
  await expect(page.getByTestId('model-version')).toHaveText('v1', { timeout: 30_000 });
  await expect(page.getByTestId('train-status')).toHaveText('Rolled back: v1 is active again.');
  const stored = await storeRows<{ version: number; active: number }>(page, 'checkpoints');
  expect(stored.filter((c) => c.active === 1).map((c) => c.version)).toEqual([1]);
  // Nothing older than v1: no further rollback offered.
  await expect(page.getByTestId('rollback')).toHaveCount(0);
});

test('the reminder banner shows a habit at risk and tapping it records reminderTapped', async ({ page }) => {
  // Done on about one day in eight: whatever predicts it (prior, baseline or model) says "at risk".
  await importBackup(
    page,
    backup(60, (i) => i % 8 === 3),
  );
  await page.goto(`./#/insights/${HABIT}`);
  await page.getByTestId('train-now').click();
  await expect(page.getByTestId('train-status')).toContainText(/Trained on|training right now/, { timeout: 60_000 });

  await page.goto('./#/today');
  const chip = page.getByTestId(`likelihood-${HABIT}`);
  await expect(chip).toHaveClass(/tone-risk/);
  const banner = page.getByTestId('reminder-banner');
  await expect(banner).toBeVisible();
  const item = banner.getByTestId('reminder-item').filter({ hasText: 'Stretch' });
  await expect(item).toContainText(/only \d+% likely today/);
  await item.getByRole('button', { name: /Do it now/ }).click();
  await expect(item).toHaveCount(0); // acted on: gone from the banner for today
  // Focus lands on that habit's Done button (Enter now marks it), not on the row's likelihood chip.
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.closest<HTMLElement>('[data-testid=habit-row]')?.dataset.habitId ?? '-'} ${el?.dataset.action ?? el?.tagName ?? ''}`;
    });
  await expect.poll(focused).toBe(`${HABIT} done`);

  type Ev = { type: string; habitId?: string };
  const tapped = async () =>
    (await storeRows<Ev>(page, 'events')).filter((e) => e.type === 'reminderTapped' && e.habitId === HABIT).length;
  await expect.poll(tapped).toBe(1);

  // A notification tap opens the app at #/today?reminder=<id>: the app records it once and cleans the address.
  await page.goto(`./#/today?reminder=${HABIT}`);
  await expect.poll(tapped).toBe(2);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/today');
  await page.reload();
  await expect(page.getByTestId(`likelihood-${HABIT}`)).toBeVisible();
  expect(await tapped()).toBe(2);

  // Settings says plainly what this device can do, including the no-server limit.
  await page.goto('./#/settings');
  await expect(page.getByTestId('platform-schedule')).toContainText(
    'No web app can schedule a notification for a set time without a server',
  );
});
