/**
 * The on-device loop in Chromium (issue 4): with a sample history, the scheduler trains in the
 * worker when a favourable signal fires — every step of the fallback chain is emulated (periodic
 * sync through DevTools, charging, idle, quiet spell, return, launch) — probabilities appear on
 * Today, a reload keeps the model without retraining, rollback works, two tabs train once, and a
 * worker killed mid-run leaves the old checkpoint active and intact. The signals are emulated with
 * init scripts; the real engines' own path (WebKit: a quiet spell) is tests/journeys/insights.journey.ts,
 * and Train now offline is tests/journeys/offline.journey.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForServiceWorkerControl } from './fixtures.ts';
import {
  addSampleHistory,
  emulateSignals,
  moments,
  storeRows,
  waitForMoment,
  type CheckpointSummary,
  type PredictionRow,
  type RunRow,
} from './loop-helpers.ts';

test.skip(
  ({ browserName }) => browserName !== 'chromium',
  'Chromium-only: DevTools protocol, Battery Status, requestIdleCallback',
);

/**
 * Opens Today, lets the launch moment pass on the empty app, then adds the sample history. With
 * `hidden`, the page is (emulated) hidden while the habits arrive, so the scheduler starts nothing.
 */
async function sampleAfterLaunch(page: Page, opts: { hidden?: boolean } = {}): Promise<string[]> {
  await page.goto('./#/today');
  await waitForMoment(page, 'launch');
  if (opts.hidden) await setVisibility(page, 'hidden');
  return addSampleHistory(page);
}

function setVisibility(page: Page, v: 'hidden' | 'visible'): Promise<void> {
  return page.evaluate((v) => (window as unknown as { __setVisibility(v: string): void }).__setVisibility(v), v);
}

async function runs(page: Page): Promise<RunRow[]> {
  return storeRows<RunRow>(page, 'trainingRuns');
}

async function expectTrainedOnce(page: Page, ids: string[], trigger: string): Promise<void> {
  const r = await runs(page);
  expect(r.map((x) => x.habitId).sort(), `one run per habit, trigger ${trigger}`).toEqual(ids);
  for (const x of r) expect(x.trigger).toBe(trigger);
}

async function expectProbabilitiesOnToday(page: Page, ids: string[]): Promise<void> {
  await page.goto('./#/today');
  for (const id of ids) {
    const chip = page.getByTestId(`likelihood-${id}`);
    await expect(chip).toHaveAttribute('data-p', /^\d+$/);
    await expect(chip).toHaveAttribute('data-source', /^(model|baseline|prior)$/);
  }
}

test('new habits (the sample history) train in the worker on idle; Today shows the probabilities', async ({
  page,
  context,
}) => {
  await emulateSignals(context, { battery: { charging: false, level: 0.9 } });
  const ids = await sampleAfterLaunch(page);
  expect(await waitForMoment(page, 'data')).toEqual({ trigger: 'idle', habits: ids.length });
  await expectTrainedOnce(page, ids, 'idle');
  expect(
    page
      .workers()
      .map((w) => w.url())
      .some((u) => /trainer\.worker/.test(u)),
    'training ran in the trainer worker',
  ).toBe(true);
  await expectProbabilitiesOnToday(page, ids);
  const preds = await storeRows<PredictionRow>(page, 'predictions');
  expect(preds.map((p) => p.habitId).sort()).toEqual(ids);
  // A reload keeps them and trains nothing again.
  await page.reload();
  expect(await waitForMoment(page, 'launch')).toEqual({ trigger: 'none', habits: 0 });
  expect(await runs(page)).toHaveLength(ids.length);
});

/** Keeps the pointer moving (a person using the app), so no quiet spell happens. */
async function busyPerson(page: Page, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 250) {
    await page.mouse.move(20 + (t % 200), 200 + (t % 50));
    await page.waitForTimeout(250);
  }
}

test('Safari-like (no idle callback, no battery): a quiet spell after new habits trains, with "quiet"', async ({
  page,
  context,
}) => {
  await emulateSignals(context, { battery: null, noIdleCallback: true });
  const ids = await sampleAfterLaunch(page);
  expect(await waitForMoment(page, 'data')).toEqual({ trigger: 'quiet', habits: ids.length });
  await expectTrainedOnce(page, ids, 'quiet');
});

test('a busy person is not interrupted; a battery that starts charging then trains, with "charging"', async ({
  page,
  context,
}) => {
  await emulateSignals(context, { battery: { charging: false, level: 0.5 }, noIdleCallback: true });
  const ids = await sampleAfterLaunch(page);
  await busyPerson(page, 7_000);
  expect(await waitForMoment(page, 'data'), 'due, but no favourable moment yet').toEqual({
    trigger: 'none',
    habits: 0,
  });
  expect(await runs(page)).toEqual([]);
  await page.evaluate(() => (window as unknown as { __setCharging(c: boolean): void }).__setCharging(true));
  expect(await waitForMoment(page, 'charging')).toEqual({ trigger: 'charging', habits: ids.length });
  await expectTrainedOnce(page, ids, 'charging');
});

test('Safari-like: never while hidden; on return with a busy person it trains with "visibility"', async ({
  page,
  context,
}) => {
  await emulateSignals(context, { battery: null, noIdleCallback: true, visibility: 'visible' });
  const ids = await sampleAfterLaunch(page, { hidden: true });
  await page.waitForTimeout(1_000);
  expect(await runs(page), 'nothing trains while hidden').toEqual([]);
  expect(
    (await moments(page)).filter((m) => m.cause !== 'launch'),
    'no moment is even considered while hidden',
  ).toEqual([]);
  await setVisibility(page, 'visible');
  await busyPerson(page, 7_000);
  expect(await waitForMoment(page, 'return')).toEqual({ trigger: 'visibility', habits: ids.length });
  await expectTrainedOnce(page, ids, 'visibility');
});

test('Safari-like: a busy person at launch still gets a run, with the trigger "launch"', async ({ page, context }) => {
  await emulateSignals(context, { battery: null, noIdleCallback: true });
  const ids = await sampleAfterLaunch(page);
  await busyPerson(page, 7_000);
  expect(await waitForMoment(page, 'data')).toEqual({ trigger: 'none', habits: 0 });
  await page.reload();
  await busyPerson(page, 7_000);
  expect(await waitForMoment(page, 'launch')).toEqual({ trigger: 'launch', habits: ids.length });
  await expectTrainedOnce(page, ids, 'launch');
});

test('a real periodicsync event makes the service worker train inline', async ({ page, context, server }) => {
  await emulateSignals(context, { battery: { charging: false, level: 0.9 }, visibility: 'visible' });
  await page.goto('./');
  await waitForServiceWorkerControl(page);
  // The page is hidden while the habits arrive: it must not train; the service worker will.
  const ids = await sampleAfterLaunch(page, { hidden: true });
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const reg = e.registrations.find((r) => r.scopeURL.startsWith(server.origin) && !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
    origin: server.origin,
    registrationId: await registrationId,
    tag: 'nudge-train',
  });
  await expect.poll(async () => (await runs(page)).length, { timeout: 30_000 }).toBe(ids.length);
  await expectTrainedOnce(page, ids, 'periodicsync');
  // The page did not train: the service worker did, without any page moment choosing to.
  expect((await moments(page)).filter((m) => m.habits > 0)).toEqual([]);
  await expectProbabilitiesOnToday(page, ids);
});

/** Adds a copy of the active checkpoint as the next version (as a later promotion would). */
async function promoteCopy(page: Page, habitId: string): Promise<number> {
  return page.evaluate(
    (habitId) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('nudge');
        open.onsuccess = () => {
          const tx = open.result.transaction('checkpoints', 'readwrite');
          const st = tx.objectStore('checkpoints');
          const req = st.getAll();
          let next = 0;
          req.onsuccess = () => {
            const rows = (
              req.result as { id: number; habitId: string; version: number; active: number; weights: Float32Array[] }[]
            ).filter((r) => r.habitId === habitId);
            const active = rows.find((r) => r.active === 1)!;
            next = Math.max(...rows.map((r) => r.version)) + 1;
            st.put({ ...active, active: 0 });
            const { id: _id, ...copy } = active;
            void _id;
            st.add({ ...copy, version: next, active: 1, weights: active.weights.map((w) => w.map((x) => x * 0.9)) });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(next);
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    habitId,
  );
}

test('Train now, then rollback makes the previous version active again', async ({ page, context }) => {
  await emulateSignals(context, { battery: { charging: false, level: 0.9 } });
  await sampleAfterLaunch(page);
  const first = await page.evaluate(() =>
    (
      window as unknown as {
        nudgeDebug: {
          trainer: { train(r: object): Promise<{ outcomes: { habitId: string; activeVersion: number | null }[] }> };
        };
      }
    ).nudgeDebug.trainer.train({ habitIds: 'all', trigger: 'manual' }),
  );
  const promoted = first.outcomes.find((o) => o.activeVersion !== null);
  expect(promoted, `some sample habit gets a model: ${JSON.stringify(first.outcomes)}`).toBeTruthy();
  const id = promoted!.habitId;
  await page.goto(`./#/insights/${id}`);
  await page.getByTestId('train-now').click();
  await expect(page.getByTestId('train-status')).toContainText(/Trained on \d+ days/, { timeout: 30_000 });
  const active = Number(await page.getByTestId('model-version').getAttribute('data-version'));
  expect(active).toBeGreaterThanOrEqual(1);
  const next = await promoteCopy(page, id);
  // Written behind the app's back (as another tab's promotion would be): reload to read it.
  await page.reload();
  await expect(page.getByTestId('model-version')).toHaveAttribute('data-version', String(next));
  await page.getByTestId('rollback').click();
  await expect(page.getByTestId('model-version')).toHaveAttribute('data-version', String(active));
  await expect(page.getByTestId('train-status')).toContainText(`v${active} is active again`);
  const cps = await storeRows<CheckpointSummary>(page, 'checkpoints');
  expect(cps.filter((c) => c.habitId === id && c.active === 1).map((c) => c.version)).toEqual([active]);
  const pred = (await storeRows<PredictionRow>(page, 'predictions')).find((p) => p.habitId === id)!;
  expect(pred.modelVersion === active || pred.source !== 'model').toBe(true);
});

test('two tabs open at once train each habit once (Web Lock)', async ({ page, context }) => {
  await emulateSignals(context, { battery: { charging: false, level: 0.9 }, visibility: 'visible' });
  const ids = await sampleAfterLaunch(page, { hidden: true });
  const second = await context.newPage();
  // Both launch at the same moment with every habit due.
  await Promise.all([page.reload(), second.goto('./#/today')]);
  await Promise.all([waitForMoment(page, 'launch'), waitForMoment(second, 'launch')]);
  await expect.poll(async () => (await runs(page)).length, { timeout: 30_000 }).toBe(ids.length);
  await page.waitForTimeout(500);
  await expectTrainedOnce(page, ids, 'idle');
  const cps = await storeRows<CheckpointSummary>(page, 'checkpoints');
  for (const id of ids) expect(cps.filter((c) => c.habitId === id && c.active === 1).length).toBeLessThanOrEqual(1);
});

test('killing the worker mid-run leaves the old checkpoint active and intact', async ({ page, context }) => {
  await emulateSignals(context, { battery: { charging: false, level: 0.9 }, visibility: 'visible' });
  // Hidden: the scheduler stays out of the way; the test drives the trainer itself.
  const ids = await sampleAfterLaunch(page, { hidden: true });
  // A first run gives every habit its current state (checkpoint where promoted, run, prediction).
  await page.evaluate(() =>
    (window as unknown as { nudgeDebug: { trainer: { train(r: object): Promise<unknown> } } }).nudgeDebug.trainer.train(
      { habitIds: 'all', trigger: 'manual' },
    ),
  );
  const before = {
    cps: await storeRows<CheckpointSummary>(page, 'checkpoints'),
    runs: await runs(page),
    preds: await storeRows<PredictionRow>(page, 'predictions'),
  };
  expect(before.runs).toHaveLength(ids.length);

  // Hold the runs store so the worker's write transaction must wait: it has trained and is about to commit.
  const outcome = await page.evaluate(async () => {
    const debug = (
      window as unknown as {
        nudgeDebug: {
          trainer: { train(r: object): Promise<unknown>; status(): Promise<{ training: boolean }>; abort(): void };
        };
      }
    ).nudgeDebug;
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const o = indexedDB.open('nudge');
      o.onsuccess = () => res(o.result);
      o.onerror = () => rej(o.error);
    });
    let hold = true;
    const tx = db.transaction(['trainingRuns'], 'readwrite');
    const st = tx.objectStore('trainingRuns');
    const spin = (): void => {
      if (hold) st.count().onsuccess = spin;
    };
    spin();
    const run = debug.trainer.train({ habitIds: 'all', trigger: 'manual' }).then(
      () => 'finished',
      (e: Error) => `rejected: ${e.name} ${e.message}`,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const status = await debug.trainer.status();
    debug.trainer.abort();
    const result = await run;
    hold = false;
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
    return { result, trainingWhenKilled: status.training };
  });
  expect(outcome.trainingWhenKilled).toBe(true);
  expect(outcome.result).toMatch(/^rejected: TrainerError training was aborted/);
  // Nothing of the killed run reached the database: same checkpoints (weights included), runs, predictions.
  expect(await storeRows<CheckpointSummary>(page, 'checkpoints')).toEqual(before.cps);
  expect(await runs(page)).toEqual(before.runs);
  expect(await storeRows<PredictionRow>(page, 'predictions')).toEqual(before.preds);
  // And the bridge restarts the worker for the next call.
  await page.goto(`./#/insights/${ids[0]}`);
  await page.getByTestId('train-now').click();
  await expect(page.getByTestId('train-status')).toContainText(/Trained on \d+ days/, { timeout: 30_000 });
});
