/**
 * The journey Driver over a Selenium WebDriver session: WebKitGTK's MiniBrowser through WebKitWebDriver
 * (tests/webkit/run.ts starts it). Elements are found by locate.ts's page script, as in Playwright; actions
 * are WebDriver's own (real clicks and key presses, file inputs, the browser's own downloads).
 *
 * WebKitGTK trap: a page that navigates away while its first service worker installs leaves that registration
 * "installing" for good (until the browser restarts). So the first load of each journey waits for the worker
 * to be ready, and every navigation first waits for any worker still installing (an update).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Key as SeleniumKey, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { StaticServer } from '../support/static-server.ts';
import { axeSource, pageRunAxe } from './axe.ts';
import { describeTarget, type Driver, type ElementInfo, type Key, type Target } from './driver.ts';
import { eventually } from './expect.ts';
import { type LocateAnswer, type LocateRequest, pageCall, pageLocate, testingLibrarySource, toWire } from './locate.ts';

/** What the WebDriver driver needs. */
export interface WebDriverDriverOptions {
  driver: WebDriver;
  server: StaticServer;
  /** Where the browser saves downloads (the profile's XDG download directory). */
  downloadsDir: string;
  /** A private directory for files given to file inputs. */
  filesDir: string;
}

/** A journey Driver with the runner's extra step: leaving the page safely at the end of a journey. */
export interface WebDriverDriver extends Driver {
  /** Waits for any installing service worker, then opens about:blank. */
  leave(): Promise<void>;
}

// Nothing was done: the element went away between finding and acting, or something covered it. Find it again.
const NOT_DONE = /StaleElementReference|ElementClickIntercepted|ElementNotInteractable|stale element|not interactable/;

const KEYS: Record<Key, string> = {
  Enter: SeleniumKey.ENTER,
  Tab: SeleniumKey.TAB,
  Escape: SeleniumKey.ESCAPE,
  Space: SeleniumKey.SPACE,
};

const SW_STATE = `
  const done = arguments[arguments.length - 1];
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return done('none');
  navigator.serviceWorker.getRegistration().then(
    (r) => done(!r ? 'none' : r.installing ? 'installing' : 'settled'),
    (e) => done('error: ' + e),
  );`;

const SW_READY = `
  const done = arguments[arguments.length - 1];
  const timer = setTimeout(() => done('not ready'), arguments[0]);
  navigator.serviceWorker.ready.then(() => { clearTimeout(timer); done('ready'); }, (e) => done('error: ' + e));`;

// Scrolls the element to the centre and checks, two frames later, that it has not moved (a list above it still
// filling in) and that nothing covers its centre point. Answers null when a click there will reach it.
const CLICKABLE = `
  const el = arguments[0];
  const done = arguments[arguments.length - 1];
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const before = el.getBoundingClientRect();
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (!el.isConnected) return done('detached from the page');
    const r = el.getBoundingClientRect();
    if (r.top !== before.top || r.left !== before.left || r.width !== before.width || r.height !== before.height)
      return done('still moving');
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && (hit === el || el.contains(hit))) return done(null);
    done('covered by ' + (hit ? hit.outerHTML.slice(0, 100) : 'nothing'));
  }));`;

/** A Driver over one WebDriver session, for one journey on one server (origin). */
export function webDriverDriver(o: WebDriverDriverOptions): WebDriverDriver {
  const wd = o.driver;
  const dialogs: string[] = [];
  let workerReady = false;

  async function script<T>(body: string, ...args: unknown[]): Promise<T> {
    return (await wd.executeScript(body, ...args)) as T;
  }

  async function ask(req: LocateRequest): Promise<LocateAnswer | WebElement> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await script<LocateAnswer | WebElement>(
        `return ${pageCall(pageLocate as (a: never) => unknown, req)}`,
      );
      if (!(answer && typeof answer === 'object' && 'missing' in answer)) return answer;
      await wd.executeScript(testingLibrarySource());
    }
    throw new Error('could not load @testing-library/dom into the page');
  }

  async function withOne<T>(t: Target, enabled: boolean, act: (el: WebElement) => Promise<T>): Promise<T> {
    // The probe's answer is wrapped: an action's own result is often undefined, which means "not yet" to eventually.
    const done = await eventually(describeTarget(t), async () => {
      const found = await ask({ target: toWire(t), attributes: [], one: true, enabled });
      if (!(found && typeof (found as WebElement).click === 'function')) {
        throw new Error((found as { problem?: string }).problem ?? 'not found');
      }
      try {
        return { value: await act(found as WebElement) };
      } catch (error) {
        if (NOT_DONE.test(`${(error as Error).name} ${(error as Error).message}`)) throw error;
        throw Object.assign(new Error(String(error)), { fatal: true });
      }
    });
    return done.value;
  }

  /** Before leaving a page: no service worker of it may be installing (see the file header). */
  async function beforeNavigate(): Promise<void> {
    await eventually(
      'the service worker to finish installing before navigating',
      async () => ((await wd.executeAsyncScript(SW_STATE)) === 'installing' ? undefined : true),
      60_000,
    );
  }

  /** After the first load of the journey's origin: wait until its first service worker is active. */
  async function afterLoad(): Promise<void> {
    if (workerReady) return;
    const state = await wd.executeAsyncScript(SW_READY, 60_000);
    if (state !== 'ready') throw new Error(`the app's first service worker did not become ready: ${String(state)}`);
    workerReady = true;
  }

  async function pageValue<T>(fn: (arg: never) => unknown, arg: unknown): Promise<T> {
    const out = (await wd.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => ${pageCall(fn, arg)}).then(
         (v) => done({ ok: v === undefined ? null : v }),
         (e) => done({ error: String((e && e.stack) || e) }),
       );`,
    )) as { ok?: T; error?: string };
    if (out && 'error' in out && out.error !== undefined) throw new Error(`in the page: ${out.error}`);
    return out.ok as T;
  }

  return {
    engine: 'webkitgtk',
    server: o.server,
    async goto(path) {
      await beforeNavigate();
      await wd.get(new URL(path, o.server.url).href);
      await afterLoad();
    },
    async reload() {
      await beforeNavigate();
      await wd.navigate().refresh();
      await afterLoad();
    },
    url: () => wd.getCurrentUrl(),
    async inspect(t, attributes = []) {
      const answer = await ask({ target: toWire(t), attributes, one: false, enabled: false });
      if (!(answer && typeof answer === 'object' && 'infos' in answer)) throw new Error(`inspect ${describeTarget(t)}`);
      return answer.infos as ElementInfo[];
    },
    click: (t) =>
      withOne(t, true, async (el) => {
        // WebDriver scrolls an element to the bottom edge, where the fixed tab bar may cover it, and WebKitGTK
        // clicks whatever is at the point (a toast, or the next row when the list above was still filling in)
        // instead of reporting it. Centre it, and click once it stands still with nothing over it, as Playwright
        // does.
        const why = (await wd.executeAsyncScript(CLICKABLE, el)) as string | null;
        if (why) throw Object.assign(new Error(`not clickable yet: ${why}`), { name: 'ElementClickInterceptedError' });
        await el.click();
      }),
    fill: (t, text) =>
      withOne(t, true, async (el) => {
        // Typing over a selection, not clear() then typing: clear() fires no input event in WebKitGTK, so a
        // re-render in between put a controlled field's old value back. A re-render can still land mid-way:
        // check, and type again.
        let value: string | null = null;
        for (let attempt = 0; attempt < 3 && value !== text; attempt++) {
          await wd.executeScript('arguments[0].focus(); arguments[0].select();', el);
          await el.sendKeys(text.length ? text : SeleniumKey.BACK_SPACE);
          value = await el.getAttribute('value');
        }
        if (value !== text)
          throw new Error(`typed ${JSON.stringify(text)} but the field holds ${JSON.stringify(value)}`);
      }),
    select: (t, optionLabel) =>
      withOne(t, true, async (select) => {
        const option = await script<WebElement | null>(
          `return [...arguments[0].options].find((o) => o.label.trim() === arguments[1]) || null;`,
          select,
          optionLabel,
        );
        if (!option) throw new Error(`no option labelled ${JSON.stringify(optionLabel)}`);
        await option.click();
      }),
    upload: (t, file) =>
      withOne(t, true, async (el) => {
        mkdirSync(o.filesDir, { recursive: true });
        const path = join(o.filesDir, file.name);
        writeFileSync(path, file.bytes ?? file.text);
        await el.sendKeys(path);
      }),
    focus: (t) =>
      withOne(t, false, async (el) => {
        await wd.executeScript('arguments[0].focus()', el);
      }),
    async press(key) {
      await wd.actions({ async: true }).sendKeys(KEYS[key]).perform();
    },
    evaluate: (fn, arg) => pageValue(fn as (a: never) => unknown, arg),
    async download(trigger) {
      mkdirSync(o.downloadsDir, { recursive: true });
      const before = new Set(readdirSync(o.downloadsDir));
      await trigger();
      // The browser writes the file under a temporary name first; a finished file keeps its size.
      let lastSize = -1;
      const name = await eventually('the browser to save the download', async () => {
        const fresh = readdirSync(o.downloadsDir).filter((f) => !before.has(f) && !/\.(part|download)$/.test(f));
        if (fresh.length !== 1) return undefined;
        const size = statSync(join(o.downloadsDir, fresh[0])).size;
        const stable = size > 0 && size === lastSize;
        lastSize = size;
        return stable ? fresh[0] : undefined;
      });
      return { name, text: readFileSync(join(o.downloadsDir, name), 'utf8') };
    },
    async screenshot() {
      return Buffer.from(await wd.takeScreenshot(), 'base64');
    },
    async setViewport(size) {
      await wd.manage().window().setRect(size);
      const [w, h] = await script<[number, number]>('return [innerWidth, innerHeight]');
      if (w !== size.width || h !== size.height) {
        throw new Error(
          `the MiniBrowser window gives a ${w}x${h} viewport for ${size.width}x${size.height} (is it full-screen?)`,
        );
      }
    },
    async axe(tags) {
      let found = await pageValue<unknown>(pageRunAxe as (a: never) => unknown, tags);
      if (found === null) {
        await wd.executeScript(axeSource());
        found = await pageValue<unknown>(pageRunAxe as (a: never) => unknown, tags);
      }
      if (!Array.isArray(found)) throw new Error('axe-core did not load into the page');
      return found;
    },
    async dialogs() {
      try {
        const alert = await wd.switchTo().alert();
        dialogs.push(await alert.getText());
        await alert.dismiss();
      } catch {
        // No dialog open.
      }
      return [...dialogs];
    },
    async leave() {
      await beforeNavigate().catch(() => {});
      await wd.get('about:blank');
    },
  };
}

/** Writes the GLib user-dirs file so the browser saves downloads into `downloadsDir`. */
export function pointDownloadsAt(configHome: string, downloadsDir: string): void {
  mkdirSync(configHome, { recursive: true });
  mkdirSync(downloadsDir, { recursive: true });
  writeFileSync(join(configHome, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloadsDir}"\n`);
}
