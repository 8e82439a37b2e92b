// Today's first render on launch, measured one way for the e2e report (tests/e2e/today-scale.spec.ts)
// and the benchmark (bench/browser-today.ts): when all the habit rows are in the DOM, from navigation
// start and from the app's start (the `nudge:app-start` mark in src/app/App.tsx).
import type { Page } from '@playwright/test';

/** One launch of Today, in ms. */
export interface TodayLoad {
  fromNavigation: number;
  fromAppStart: number;
}

/**
 * Init script (for page.addInitScript({ content })) that notes when `rows` habit rows are in the DOM.
 * A string, so the TypeScript runner's helpers (e.g. __name) cannot leak into the page.
 */
export function observeTodayRows(rows: number): string {
  return `(() => {
  const obs = new MutationObserver(() => {
    if (document.querySelectorAll('[data-testid=habit-row]').length >= ${rows}) {
      window.__todayRendered = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { childList: true, subtree: true });
})()`;
}

const READ_LOAD = `(() => {
  const rendered = window.__todayRendered;
  const start = performance.getEntriesByName('nudge:app-start')[0];
  if (rendered === undefined || !start) return null;
  return { fromNavigation: rendered, fromAppStart: rendered - start.startTime };
})()`;

/**
 * Reloads the page (on Today, with observeTodayRows installed) and returns when its rows appeared.
 * Nothing of Playwright touches the page until 1.5 s after the reload: its injected helper script
 * (~20 ms of parse on the main thread, which no person's launch has) would otherwise land inside
 * the measured window.
 */
export async function loadTodayOnce(page: Page, timeoutMs = 30_000): Promise<TodayLoad> {
  await page.reload({ waitUntil: 'commit' });
  await new Promise((ok) => setTimeout(ok, 1_500));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const load = await page.evaluate<TodayLoad | null>(READ_LOAD);
    if (load) return load;
    if (Date.now() > deadline)
      throw new Error(`Today did not show its habit rows within ${timeoutMs} ms of the reload`);
    await page.waitForTimeout(100);
  }
}
