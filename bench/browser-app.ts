// The browser benchmarks' common set-up: a build (own or $NUDGE_DIST), a static server over it, and
// Chromium with a page on Today once the scheduler's launch moment has passed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch, ISOLATION_ARGS } from '../tests/support/browsers.ts';
import { buildApp } from '../tests/support/build.ts';
import { startStaticServer, type StaticServer } from '../tests/support/static-server.ts';
import { waitForMoment } from '../tests/e2e/loop-helpers.ts';

/** A running app in Chromium; `close()` stops the browser and the server and removes an own build. */
export interface BenchApp {
  browser: Browser;
  server: StaticServer;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds (unless $NUDGE_DIST), serves and opens the app; throws when Chromium or the scheduler is missing. */
export async function openBenchApp(tmpPrefix: string): Promise<BenchApp> {
  const launch = chromiumLaunch();
  if (!launch) throw new Error("no Chromium: neither Playwright's nor /usr/bin/chromium is installed");
  const own = process.env.NUDGE_DIST ? null : mkdtempSync(join(tmpdir(), tmpPrefix));
  const dist = own ?? process.env.NUDGE_DIST!;
  if (own) buildApp(own);
  const server = await startStaticServer({ root: dist });
  const browser = await chromium.launch({
    executablePath: launch.executablePath,
    args: [...launch.args, ...ISOLATION_ARGS],
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.stop();
    if (own) rmSync(own, { recursive: true, force: true });
  };
  const pageErrors: string[] = [];
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto('./#/today');
    await waitForMoment(page, 'launch');
    if (!(await page.evaluate(() => 'nudgeDebug' in window)))
      throw new Error('this build does not start the scheduler (window.nudgeDebug is missing)');
    return { browser, server, page, pageErrors, close };
  } catch (err) {
    await close();
    throw err;
  }
}
