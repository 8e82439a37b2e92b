/**
 * Today's first render on launch with a long history (issue 3), Chromium:
 * `npx tsx bench/browser-today.ts [--json] [--loads N] [--smoke]`.
 * The same five habits are measured in one run in two browser contexts (separate storage): one with no
 * events (the peer: what any launch costs), one with 5 years of events (about 60,000,
 * tests/support/long-history.ts), both imported through Settings. Loads alternate between the two,
 * the order reversed every round, so both see the same machine. Each measured load is a reload of
 * Today, timed as tests/support/today-render.ts does for the e2e report (all five rows in the DOM;
 * Playwright kept off the page during the load). Reported: medians from navigation start and from the
 * app's start, and the long history's ratio to the peer. Two warm-up loads per set; figures only,
 * never asserted. --smoke: 1 year and 1 load, for `npm test`; it fails (exit 1) only if something
 * crashes or the page reports an error.
 * Builds the app into a temporary directory unless $NUDGE_DIST points at a build.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { scaleBackup } from '../tests/support/long-history.ts';
import { importThroughSettings, storeRows } from '../tests/e2e/loop-helpers.ts';
import { loadTodayOnce, observeTodayRows, type TodayLoad } from '../tests/support/today-render.ts';
import { openBenchApp } from './browser-app.ts';
import { median } from './stats.ts';
import { assertKnownArgs } from './args.ts';

assertKnownArgs('browser-today', process.argv.slice(2), ['--smoke', '--json'], ['--loads']);

const HABITS = 5;
const smoke = process.argv.includes('--smoke');
const DAYS = smoke ? 365 : 1826;
const WARM_UP = 2;

// Training after an import must be over before measuring: waits until the stored run count stops changing.
async function settle(page: Page): Promise<void> {
  await page.goto('./#/today');
  let last = -1;
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(3_000);
    const runs = (await storeRows(page, 'trainingRuns')).length;
    if (runs === last) return;
    last = runs;
  }
}

/** Alternating loads of the pages (ABBA order), after WARM_UP rounds: one list of loads per page. */
async function measure(pages: Page[], loads: number): Promise<TodayLoad[][]> {
  const out: TodayLoad[][] = pages.map(() => []);
  for (let round = 0; round < WARM_UP + loads; round++) {
    const order = pages.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const load = await loadTodayOnce(pages[i]);
      if (round >= WARM_UP) out[i].push(load);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--loads');
  const loads = at > 0 ? Number(process.argv[at + 1]) : smoke ? 1 : 15;
  if (!Number.isInteger(loads) || loads < 1)
    throw new Error(`--loads needs a positive whole number, got ${process.argv[at + 1]}`);
  const { browser, server, page: emptyPage, pageErrors, close } = await openBenchApp('nudge-bench-today-');
  try {
    const longPage = await (await browser.newContext({ baseURL: server.url })).newPage();
    longPage.on('pageerror', (e) => pageErrors.push(e.message));
    const history = scaleBackup(HABITS, DAYS);
    for (const [page, backup] of [
      [emptyPage, { ...history, events: [] }],
      [longPage, history],
    ] as const) {
      await page.addInitScript({ content: observeTodayRows(HABITS) });
      await importThroughSettings(page, JSON.stringify(backup));
      await settle(page);
    }
    const [empty, long] = await measure([emptyPage, longPage], loads);
    const med = (ls: TodayLoad[], k: keyof TodayLoad): number => Math.round(median(ls.map((l) => l[k])));
    const out = {
      when: new Date().toISOString(),
      load1: Math.round(loadavg()[0] * 100) / 100,
      loads,
      events: history.events.length,
      empty_from_navigation_ms: med(empty, 'fromNavigation'),
      empty_from_app_start_ms: med(empty, 'fromAppStart'),
      long_from_navigation_ms: med(long, 'fromNavigation'),
      long_from_app_start_ms: med(long, 'fromAppStart'),
      ratio_from_navigation: Math.round((med(long, 'fromNavigation') / med(empty, 'fromNavigation')) * 100) / 100,
      long_all_from_navigation_ms: long.map((l) => Math.round(l.fromNavigation)),
      page_errors: pageErrors,
    };
    if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else {
      process.stdout.write(
        `Today first render, median of ${loads} loads: ${out.events} events ` +
          `${out.long_from_navigation_ms} ms from navigation ` +
          `(${out.long_from_app_start_ms} ms from app start); no events ${out.empty_from_navigation_ms} ms ` +
          `(${out.empty_from_app_start_ms} ms); ratio ${out.ratio_from_navigation}; load ${out.load1}\n`,
      );
    }
    if (pageErrors.length) process.exitCode = 1;
  } finally {
    await close();
  }
}

main().catch((err) => {
  process.stderr.write(`browser-today: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
