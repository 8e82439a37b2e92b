/**
 * The PWA shell on the real WebKit engine: the app loads, its service worker takes control, and a reload works
 * with the server gone (the offline promise, in the Safari engine); the CSP blocks inline script; a newer version
 * waits behind the Reload prompt.
 */
import { By, until } from 'selenium-webdriver';
import { waitForServiceWorkerControl, waitForServiceWorkerInstalled, type WdTest } from '../support/webkit.ts';

const WAIT_MS = 20_000;

// Appended to sw.js by the server: a byte-different "new deploy" that can say which version it is.
const NEW_VERSION_SUFFIX = `self.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'NUDGE_TEST_VERSION') e.ports[0].postMessage('v2');
});`;

async function controllerVersion(ctx: Parameters<WdTest['run']>[0]): Promise<string> {
  return (await ctx.driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const controller = navigator.serviceWorker.controller;
    if (!controller) return done('none');
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => done(String(e.data));
    controller.postMessage({ type: 'NUDGE_TEST_VERSION' }, [channel.port2]);
    setTimeout(() => done('v1'), 1000);
  `)) as string;
}

async function appHeading(ctx: Parameters<WdTest['run']>[0]): Promise<string> {
  const h1 = await ctx.driver.wait(
    until.elementLocated(By.css('#app h1')),
    WAIT_MS,
    'the app never rendered its heading',
  );
  return h1.getText();
}

const tests: WdTest[] = [
  {
    name: 'the app loads and installs its service worker',
    async run(ctx) {
      await ctx.driver.get(ctx.baseUrl);
      expectEqual(await appHeading(ctx), 'Nudge', 'heading');
      const isSecure = await ctx.driver.executeScript('return window.isSecureContext && "serviceWorker" in navigator');
      expectEqual(isSecure, true, 'secure context with service workers');
      // The next test navigates; a navigation during the first install would wedge it (tests/support/webkit.ts).
      await waitForServiceWorkerInstalled(ctx.driver);
    },
  },
  {
    name: 'the Content-Security-Policy stops an injected inline script',
    async run(ctx) {
      await ctx.driver.get(ctx.baseUrl);
      await appHeading(ctx);
      const result = (await ctx.driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        let violation = '';
        document.addEventListener('securitypolicyviolation', (e) => { violation = e.violatedDirective; });
        const script = document.createElement('script');
        script.textContent = 'window.__injectedRan = true;';
        document.body.append(script);
        setTimeout(() => done({ ran: window.__injectedRan === true, violation }), 200);
      `)) as { ran: boolean; violation: string };
      expectEqual(result.ran, false, 'injected inline script ran');
      if (!result.violation.startsWith('script-src'))
        throw new Error(`expected a script-src violation, got "${result.violation}"`);
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
  {
    name: 'a newer version waits behind the Reload prompt and Reload switches to it',
    async run(ctx) {
      await ctx.driver.get(ctx.baseUrl);
      await waitForServiceWorkerControl(ctx.driver);
      expectEqual(await controllerVersion(ctx), 'v1', 'version before the deploy');
      ctx.server.setSwSuffix(NEW_VERSION_SUFFIX);
      // The app checks for updates when the person returns to it.
      await ctx.driver.executeScript("document.dispatchEvent(new Event('visibilitychange'))");
      const banner = await ctx.driver.wait(
        until.elementLocated(By.xpath("//*[@role='status'][contains(., 'New version available')]")),
        WAIT_MS,
        'the update prompt never appeared',
      );
      expectEqual(await controllerVersion(ctx), 'v1', 'still the old version until the person chooses');
      await ctx.driver.executeScript('window.__beforeReload = true');
      await banner.findElement(By.xpath(".//button[normalize-space()='Reload']")).click();
      await ctx.driver.wait(
        async () => (await ctx.driver.executeScript('return window.__beforeReload !== true')) === true,
        WAIT_MS,
        'Reload did not reload the page',
      );
      expectEqual(await appHeading(ctx), 'Nudge', 'heading after the update');
      expectEqual(await controllerVersion(ctx), 'v2', 'version after Reload');
    },
  },
];

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export default tests;
