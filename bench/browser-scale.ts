/**
 * Scale in a real browser (issue 5), Chromium: `npx tsx bench/browser-scale.ts [--json] [--smoke]`.
 * 5 habits x 5 years (about 60,000 events, tests/support/long-history.ts) are imported through
 * Settings, then measured:
 *   import_ms             the import, from choosing the file to "Imported" on screen;
 *   today_render_ms       a fresh load of Today until all five rows are in the DOM (from navigation start);
 *   history_render_ms     a fresh load of History until its heading and heat map are shown;
 *   train_all_ms          one training of every habit in the worker, through the scheduler's trainer
 *                         (window.nudgeDebug.trainer.train({ habitIds: 'all', trigger: 'manual' }));
 *   heap_mb               the page's JS heap after a forced garbage collection (DevTools HeapProfiler.collectGarbage)
 *                         before and after each of 20 runs (train all, then look at one habit's Insights and go
 *                         back to Today, as a person would), with the live workers and performance entries
 *                         after each, so growth from leaked listeners, workers, buffers or marks shows. Measured
 *                         3.5 s after leaving Insights: Dexie drops a query's cached result 3 s after its last
 *                         subscriber leaves, and measuring sooner counts that as growth. Known (dexie 4.4.7): a
 *                         live query unsubscribed while its read is in flight leaves its cache entry subscribed to
 *                         an already-aborted signal, never dropped (~6 listeners and ~35 KB per run here); opening
 *                         AppDB with { cache: 'disabled' } keeps listeners flat.
 * Performance entries still grow by ~2 per run from the browser's own capped buffers (favicon resource timing on
 * each hash navigation, layout shifts); the scheduler's own marks are capped (src/schedule/start.ts markMoment).
 * Figures only, never asserted (timing assertions make flaky tests). --smoke: 1 year and 3 runs, for
 * `npm test`; it fails (exit 1) only if something crashes or a training reports an error.
 * Builds the app into a temporary directory unless $NUDGE_DIST points at a build.
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { scaleBackup } from '../tests/support/long-history.ts';
import { waitForMoment } from '../tests/e2e/loop-helpers.ts';
import { openBenchApp } from './browser-app.ts';
import { assertKnownArgs } from './args.ts';

assertKnownArgs('browser-scale', process.argv.slice(2), ['--smoke', '--json']);

const smoke = process.argv.includes('--smoke');
const HABITS = 5;
const DAYS = smoke ? 365 : 1826;
const RUNS = smoke ? 3 : 20;

interface TrainSummary {
  ms: number;
  status: string;
  habits: number;
  promoted: number;
}

// Runs in the page. A string, so the TypeScript runner's helpers (e.g. __name) cannot leak into it.
const TRAIN_ALL = `(async () => {
  const t0 = performance.now();
  const res = await window.nudgeDebug.trainer.train({ habitIds: 'all', trigger: 'manual' });
  const ms = Math.round(performance.now() - t0);
  const outcomes = res.outcomes || [];
  const promoted = outcomes.filter((o) => o.run.promoted).length;
  return { ms, status: String(res.status), habits: outcomes.length, promoted };
})()`;

/**
 * Dexie keeps a query's result cached for 3 s after its last subscriber leaves (the screen just left):
 * waiting that long first means the heap holds what the app keeps, not what it is about to drop.
 */
const DEXIE_CACHE_GRACE_MS = 3_500;

/** The page's JS heap after a forced GC (MB), with DOM nodes and event listeners (DevTools Memory.getDOMCounters). */
async function memory(page: Page): Promise<{ heapMb: number; nodes: number; listeners: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { heapMb: Math.round((usedSize / 1_048_576) * 100) / 100, nodes, listeners: jsEventListeners };
}

/**
 * Dedicated workers alive in the browser (DevTools targets: Playwright's page.workers() misses some
 * after a reload).
 */
async function liveWorkers(cdp: CDPSession): Promise<number> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'worker').length;
}

/**
 * Goes to a screen inside the running page, as the app's own links do (a hash change). page.goto
 * would load a new document: the app keeps `?kept=1` in the address, which a relative URL drops.
 */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

/** A fresh load of a screen: ms from navigation start until `ready` holds. */
async function loadMs(page: Page, hash: string, ready: () => Promise<unknown>): Promise<number> {
  await go(page, hash);
  await page.reload();
  await ready();
  const ms = Math.round(await page.evaluate(() => performance.now()));
  await page.waitForFunction(() => 'nudgeDebug' in window);
  return ms;
}

/** Trains every habit once (a failed training throws in the page, so it fails the bench). */
async function trainAll(page: Page): Promise<TrainSummary> {
  const res = await page.evaluate<TrainSummary>(TRAIN_ALL);
  if (res.status !== 'done' || res.habits !== HABITS)
    throw new Error(`train all did not train every habit: ${JSON.stringify(res)}`);
  return res;
}

/** One habit's Insights until both charts are drawn, then back to Today. */
async function visitInsights(page: Page, habitId: string): Promise<void> {
  await go(page, `#/insights/${encodeURIComponent(habitId)}`);
  await page.getByTestId('probability-chart').waitFor({ timeout: 120_000 });
  await page.getByTestId('calibration-chart').waitFor({ timeout: 120_000 });
  await go(page, '#/today');
  await page.getByTestId('habit-row').first().waitFor();
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const { browser, page, pageErrors, close } = await openBenchApp('nudge-scale-dist-');
  try {
    const backup = scaleBackup(HABITS, DAYS);
    const ids = backup.habits.map((h) => h.id);

    await go(page, '#/settings');
    await page.getByRole('radio', { name: /^Merge/ }).check();
    const t0 = Date.now();
    await page
      .getByLabel('Import backup file')
      .setInputFiles({ name: 'scale.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.getByTestId('import-result').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
    const importMs = Date.now() - t0;
    // New habits start a scheduler moment (it may train them): let it finish so it does not run inside a measurement.
    await waitForMoment(page, 'data', 180_000);

    const todayMs = await loadMs(page, '#/today', () =>
      page.waitForFunction((n) => document.querySelectorAll('[data-testid=habit-row]').length >= n, HABITS, {
        timeout: 60_000,
      }),
    );
    await waitForMoment(page, 'launch', 180_000);
    const historyMs = await loadMs(page, '#/history', () =>
      page.getByRole('heading', { level: 2, name: /History/ }).waitFor({ timeout: 60_000 }),
    );
    await waitForMoment(page, 'launch', 180_000);
    await go(page, '#/today');
    await page.getByTestId('habit-row').first().waitFor();

    const browserCdp = await browser.newBrowserCDPSession();
    const before = await memory(page);
    const first = await trainAll(page);
    const heap: number[] = [];
    const listeners: number[] = [];
    const workers: number[] = [];
    const entries: number[] = [];
    const trainMs: number[] = [first.ms];
    for (let r = 0; r < RUNS; r++) {
      if (r > 0) trainMs.push((await trainAll(page)).ms);
      await visitInsights(page, ids[r % ids.length]);
      await page.waitForTimeout(DEXIE_CACHE_GRACE_MS);
      const m = await memory(page);
      heap.push(m.heapMb);
      listeners.push(m.listeners);
      workers.push(await liveWorkers(browserCdp));
      entries.push(await page.evaluate(() => performance.getEntries().length));
    }
    if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
    const out = {
      scenario:
        `${HABITS} habits x ${DAYS} days (${backup.events.length} events), ` +
        `Chromium ${browser.version()} (headless)${smoke ? ', SMOKE run' : ''}`,
      events: backup.events.length,
      import_ms: importMs,
      today_render_ms: todayMs,
      history_render_ms: historyMs,
      train_all_ms: first.ms,
      train_all: { habits: first.habits, promoted: first.promoted, runs_ms: trainMs },
      heap_mb: {
        before_training: before.heapMb,
        after_first: heap[0],
        after_last: heap[heap.length - 1],
        max: Math.max(...heap),
        runs: heap,
      },
      event_listeners: {
        before_training: before.listeners,
        after_first: listeners[0],
        after_last: listeners[listeners.length - 1],
      },
      workers_alive: { min: Math.min(...workers), max: Math.max(...workers) },
      performance_entries: { after_first: entries[0], after_last: entries[entries.length - 1] },
      load_average_1min: Math.round(loadavg()[0] * 100) / 100,
    };
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(JSON.stringify(out, null, 2));
      console.log(
        `import ${out.import_ms} ms, Today ${out.today_render_ms} ms, History ${out.history_render_ms} ms, ` +
          `train all ${out.train_all_ms} ms; heap after GC ${out.heap_mb.after_first} -> ` +
          `${out.heap_mb.after_last} MB over ${RUNS} runs, workers ${out.workers_alive.min}..${out.workers_alive.max}`,
      );
    }
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(`browser-scale: ERROR ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
