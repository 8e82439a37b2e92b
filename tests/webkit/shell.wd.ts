/**
 * The PWA shell on the real WebKit engine: the app loads, its service worker takes control, and a reload works
 * with the server gone (the offline promise, in the Safari engine).
 */
import { By, until } from 'selenium-webdriver';
import { waitForServiceWorkerControl, type WdTest } from '../support/webkit.ts';

const WAIT_MS = 20_000;

async function appHeading(ctx: Parameters<WdTest['run']>[0]): Promise<string> {
  const h1 = await ctx.driver.wait(until.elementLocated(By.css('#app h1')), WAIT_MS, 'the app never rendered its heading');
  return h1.getText();
}

const tests: WdTest[] = [
  {
    name: 'the app loads',
    async run(ctx) {
      await ctx.driver.get(ctx.baseUrl);
      expectEqual(await appHeading(ctx), 'Nudge', 'heading');
      const isSecure = await ctx.driver.executeScript('return window.isSecureContext && "serviceWorker" in navigator');
      expectEqual(isSecure, true, 'secure context with service workers');
    },
  },
  {
    name: 'the service worker takes control after a reload',
    async run(ctx) {
      await ctx.driver.get(ctx.baseUrl);
      const url = await waitForServiceWorkerControl(ctx.driver);
      expectEqual(url, new URL('sw.js', ctx.baseUrl).href, 'controlling worker');
    },
  },
  {
    name: 'a reload with the server stopped still renders the app',
    async run(ctx) {
      await ctx.driver.get(ctx.baseUrl);
      await waitForServiceWorkerControl(ctx.driver);
      await ctx.server.stop();
      try {
        // Prove the server is really gone, from the page's side (a network fetch, not the service worker's cache).
        const gone = await ctx.driver.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          fetch('sw.js?probe=' + Date.now(), { cache: 'no-store' }).then(() => done(false), () => done(true));
        `);
        expectEqual(gone, true, 'server unreachable');
        await ctx.driver.navigate().refresh();
        expectEqual(await appHeading(ctx), 'Nudge', 'heading offline');
      } finally {
        await ctx.server.restart();
      }
    },
  },
];

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export default tests;
