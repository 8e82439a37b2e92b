/**
 * The journey Driver over a Playwright page (Chromium, or Playwright's own WebKit where it is installed).
 * Elements are found by locate.ts's page script, as in WebKitGTK, then acted on through Playwright's element
 * handles, which wait for the element to be visible, stable and enabled.
 */
import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from '@playwright/test';
import type { StaticServer } from '../support/static-server.ts';
import { axeSource, pageRunAxe } from './axe.ts';
import { describeTarget, type Driver, type Engine, type ElementInfo, type Key, type Target } from './driver.ts';
import { eventually, WAIT_MS } from './expect.ts';
import { type LocateAnswer, type LocateRequest, pageCall, pageLocate, testingLibrarySource, toWire } from './locate.ts';

/** What the Playwright driver needs. */
export interface PlaywrightDriverOptions {
  page: Page;
  server: StaticServer;
  engine: Extract<Engine, 'chromium' | 'webkit'>;
}

// Nothing was done: the element was replaced by a re-render between finding and acting, or never became
// actionable in time. Find it again.
const NOT_DONE = /not attached|detached|Execution context was destroyed|Timeout \d+ms exceeded/;

/** A Driver over one Playwright page; records (and dismisses) the page's dialogs from now on. */
export function playwrightDriver({ page, server, engine }: PlaywrightDriverOptions): Driver {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => {});
  });

  async function ask(req: LocateRequest): Promise<LocateAnswer | ElementHandle> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const handle = await page.evaluateHandle(pageCall(pageLocate as (a: never) => unknown, req));
      const el = handle.asElement();
      if (el) return el as ElementHandle;
      const answer = (await handle.jsonValue()) as LocateAnswer;
      await handle.dispose();
      if (!('missing' in answer)) return answer;
      await page.evaluate(testingLibrarySource());
    }
    throw new Error('could not load @testing-library/dom into the page');
  }

  /** Waits for exactly one visible (and, for actions, enabled) match and runs `act` on it. */
  async function withOne<T>(t: Target, enabled: boolean, act: (el: ElementHandle) => Promise<T>): Promise<T> {
    // The probe's answer is wrapped: an action's own result is often undefined, which means "not yet" to eventually.
    const done = await eventually(describeTarget(t), async () => {
      const found = await ask({ target: toWire(t), attributes: [], one: true, enabled });
      if (!('asElement' in found)) throw new Error('problem' in found ? found.problem : 'not found');
      try {
        return { value: await act(found) };
      } catch (error) {
        if (NOT_DONE.test(String(error))) throw error;
        // Anything else is the action's own failure: do not repeat the action.
        throw Object.assign(new Error(String(error)), { fatal: true });
      } finally {
        await found.dispose();
      }
    });
    return done.value;
  }

  return {
    engine,
    server,
    async goto(path) {
      await page.goto(new URL(path, server.url).href);
    },
    async reload() {
      await page.reload();
    },
    async url() {
      return page.url();
    },
    async inspect(t, attributes = []) {
      const answer = await ask({ target: toWire(t), attributes, one: false, enabled: false });
      if ('asElement' in answer || !('infos' in answer)) throw new Error(`inspect ${describeTarget(t)}: no reads`);
      return answer.infos as ElementInfo[];
    },
    click: (t) => withOne(t, true, (el) => el.click({ timeout: 5_000 })),
    fill: (t, text) => withOne(t, true, (el) => el.fill(text, { timeout: 5_000 })),
    async select(t, optionLabel) {
      await withOne(t, true, (el) => el.selectOption({ label: optionLabel }, { timeout: 5_000 }));
    },
    upload: (t, file) =>
      withOne(t, true, (el) =>
        el.setInputFiles({
          name: file.name,
          mimeType: file.name.endsWith('.json') ? 'application/json' : 'text/plain',
          buffer: Buffer.from(file.bytes ?? file.text),
        }),
      ),
    focus: (t) => withOne(t, false, (el) => el.focus()),
    async press(key: Key) {
      await page.keyboard.press(key);
    },
    async evaluate(fn, arg) {
      return page.evaluate(pageCall(fn as (a: never) => unknown, arg));
    },
    async download(trigger) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), trigger()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    },
    screenshot: () => page.screenshot({ animations: 'disabled', caret: 'hide' }),
    async setViewport(size) {
      await page.setViewportSize(size);
    },
    async axe(tags) {
      let found = await page.evaluate(pageCall(pageRunAxe as (a: never) => unknown, tags));
      if (found === null) {
        await page.evaluate(axeSource());
        found = await page.evaluate(pageCall(pageRunAxe as (a: never) => unknown, tags));
      }
      if (!Array.isArray(found)) throw new Error('axe-core did not load into the page');
      return found;
    },
    async dialogs() {
      return [...dialogs];
    },
  };
}
