/**
 * Scale in a real browser (issue 5), Chromium: `npx tsx bench/browser-scale.ts [--json] [--smoke]`.
 * 5 habits x 5 years of events are imported through Settings, then measured:
 *   import_ms             the import, from choosing the file to "Imported" on screen;
 *   today_render_ms       a fresh load of Today until all five rows are in the DOM (from navigation start);
 *   history_render_ms     a fresh load of History until its heading and heat map are shown;
 *   train_all_ms          one full training of every habit in the worker ("Train now" on each habit's Insights);
 *   heap_mb               the page's JS heap after a forced garbage collection (DevTools HeapProfiler.collectGarbage)
 *                         before and after 20 training runs, with the workers alive after each, so growth from leaked
 *                         listeners, workers or buffers shows as a rising heap or worker count.
 * Figures only, never asserted (timing assertions make flaky tests). --smoke: 1 year and 3 runs (for `npm test`).
 * Builds the app into a temporary directory unless $NUDGE_DIST points at a build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunch, ISOLATION_ARGS } from '../tests/support/browsers.ts';
import { buildApp } from '../tests/support/build.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import { longBackup } from '../tests/e2e/loop-helpers.ts';

const smoke = process.argv.includes('--smoke');
const HABITS = 5;
const DAYS = smoke ? 365 : 5 * 365;
const RUNS = smoke ? 3 : 20;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Math.round((usedSize / 1_048_576) * 100) / 100;
}

async function loadMs(page: Page, hash: string, ready: () => Promise<unknown>): Promise<number> {
  await page.goto(`./${hash}`);
  await page.reload();
  await ready();
  return Math.round(await page.evaluate(() => performance.now()));
}

// "Train now" on one habit's Insights; resolves when the outcome is on screen.
async function trainHabit(page: Page, habitId: string): Promise<void> {
  await page.goto(`./#/insights/${encodeURIComponent(habitId)}`);
  const status = page.getByTestId('train-status');
  const before = (await status.textContent()) ?? '';
  await page.getByTestId('train-now').click();
  await page.waitForFunction(
    (prev) => {
      const t = document.querySelector('[data-testid=train-status]')?.textContent ?? '';
      return t !== prev && /^(Trained|Training failed|Another tab)/.test(t);
    },
    before,
    { timeout: 120_000 },
  );
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const launch = chromiumLaunch();
  if (!launch) throw new Error("no Chromium: neither Playwright's nor /usr/bin/chromium is installed");
  let dist = process.env.NUDGE_DIST;
  let own: string | null = null;
  if (!dist) {
    own = dist = mkdtempSync(join(tmpdir(), 'nudge-scale-dist-'));
    buildApp(dist);
  }
  const server = await startStaticServer({ root: dist });
  const browser = await chromium.launch({ executablePath: launch.executablePath, args: [...launch.args, ...ISOLATION_ARGS] });
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await page.goto('./#/today');
    const backup = longBackup(HABITS, DAYS);
    const ids = (JSON.parse(backup) as { habits: { id: string }[] }).habits.map((h) => h.id);
    const events = (JSON.parse(backup) as { events: unknown[] }).events.length;

    await page.goto('./#/settings');
    await page.getByRole('radio', { name: /^Merge/ }).check();
    const t0 = Date.now();
    await page.getByLabel('Import backup file').setInputFiles({ name: 'scale.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await page.getByTestId('import-result').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
    const importMs = Date.now() - t0;

    const todayMs = await loadMs(page, '#/today', () => page.waitForFunction((n) => document.querySelectorAll('[data-testid=habit-row]').length >= n, HABITS));
    const historyMs = await loadMs(page, '#/history', () => page.getByRole('heading', { level: 2, name: /History/ }).waitFor());

    const heapBefore = await heapMb(page);
    const t1 = Date.now();
    for (const id of ids) await trainHabit(page, id);
    const trainAllMs = Date.now() - t1;
    const heap: number[] = [await heapMb(page)];
    const workers: number[] = [page.workers().length];
    for (let r = 1; r < RUNS; r++) {
      await trainHabit(page, ids[r % ids.length]);
      heap.push(await heapMb(page));
      workers.push(page.workers().length);
    }
    const out = {
      scenario: `${HABITS} habits x ${DAYS} days (${events} events), Chromium ${browser.version()} (headless)${smoke ? ', SMOKE run' : ''}`,
      import_ms: importMs,
      today_render_ms: todayMs,
      history_render_ms: historyMs,
      train_all_ms: trainAllMs,
      heap_mb: { before_training: heapBefore, after_first: heap[0], after_last: heap[heap.length - 1], max: Math.max(...heap), runs: heap },
      workers_alive: { min: Math.min(...workers), max: Math.max(...workers) },
      load_average_1min: loadavg()[0],
    };
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(JSON.stringify(out, null, 2));
      console.log(
        `import ${out.import_ms} ms, Today ${out.today_render_ms} ms, History ${out.history_render_ms} ms, train all ${out.train_all_ms} ms; ` +
          `heap after GC ${out.heap_mb.after_first} -> ${out.heap_mb.after_last} MB over ${RUNS} runs, workers ${out.workers_alive.min}..${out.workers_alive.max}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    if (own) rmSync(own, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
