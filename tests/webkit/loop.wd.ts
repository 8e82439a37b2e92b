/**
 * The on-device loop in the real WebKit engine (WebKitGTK through WebKitWebDriver), which lacks
 * requestIdleCallback, Battery Status and Periodic Sync exactly as iOS Safari does: load the sample
 * history, the scheduler trains through the fallback path (a quiet spell at launch) in the worker,
 * probabilities appear on Today, and a reload keeps them without retraining.
 */
import { By, until, type WebDriver } from 'selenium-webdriver';
import { waitInPage, type WdTest } from '../support/webkit.ts';

const WAIT_MS = 30_000;

/** The scheduler's timeline mark `nudge:moment:<cause>:<trigger>:<habits>` for this cause, once decided. */
async function moment(driver: WebDriver, cause: 'launch' | 'data'): Promise<string> {
  return waitInPage<string>(
    driver,
    `return performance.getEntriesByType('mark').map((m) => m.name).find((n) => n.startsWith('nudge:moment:${cause}:')) || null;`,
    WAIT_MS,
    `the scheduler to decide on a "${cause}" moment`,
  );
}

/** Rows of a store of the app's database, read with raw IndexedDB. */
async function rows(driver: WebDriver, store: string): Promise<Record<string, unknown>[]> {
  const out = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const open = indexedDB.open('nudge');
     open.onerror = () => done({ error: String(open.error) });
     open.onsuccess = () => {
       const db = open.result;
       const req = db.transaction(arguments[0], 'readonly').objectStore(arguments[0]).getAll();
       req.onsuccess = () => { db.close(); done(req.result.map((r) => ({ habitId: r.habitId, trigger: r.trigger, day: r.day, p: r.p, source: r.source, modelVersion: r.modelVersion, version: r.version, active: r.active }))); };
       req.onerror = () => done({ error: String(req.error) });
     };`,
    store,
  );
  if (!Array.isArray(out)) throw new Error(`reading ${store}: ${JSON.stringify(out)}`);
  return out as Record<string, unknown>[];
}

async function chips(driver: WebDriver, ids: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const chip = await driver.wait(
      until.elementLocated(By.css(`[data-testid="likelihood-${id}"][data-p]`)),
      WAIT_MS,
      `no probability on Today for ${id}`,
    );
    out[id] =
      `${await chip.getAttribute('data-p')}% ${await chip.getAttribute('data-source')} v${(await chip.getAttribute('data-version')) ?? ''}`;
  }
  return out;
}

const tests: WdTest[] = [
  {
    name: 'loop: sample history trains through the fallback path, a probability appears and survives a reload',
    async run({ driver, baseUrl }) {
      await driver.get(new URL('./#/today', baseUrl).href);
      await moment(driver, 'launch');
      const missing = await driver.executeScript<Record<string, boolean>>(
        `return { idle: typeof requestIdleCallback !== 'function', battery: typeof navigator.getBattery !== 'function' };`,
      );
      if (!missing.idle || !missing.battery)
        throw new Error(`expected WebKit without requestIdleCallback and Battery, got ${JSON.stringify(missing)}`);

      const add = await driver.wait(
        until.elementLocated(By.xpath("//button[normalize-space()='Try with a sample history']")),
        WAIT_MS,
      );
      await add.click();
      await driver.wait(
        until.elementLocated(By.css('[data-testid="habit-row"]')),
        WAIT_MS,
        'the sample habits never appeared',
      );
      const ids = (
        (await driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
         const open = indexedDB.open('nudge');
         open.onerror = () => done([]);
         open.onsuccess = () => { const r = open.result.transaction('habits').objectStore('habits').getAllKeys(); r.onsuccess = () => { open.result.close(); done(r.result); }; };`,
        )) as string[]
      ).sort();
      if (ids.length < 2) throw new Error(`expected the sample habits, got ${JSON.stringify(ids)}`);

      // New habits are due: no idle callback, no battery -> the quiet spell (no input) decides.
      const mark = await moment(driver, 'data');
      if (mark !== `nudge:moment:data:quiet:${ids.length}`)
        throw new Error(`expected training on a quiet spell for ${ids.length} habits, the scheduler decided ${mark}`);
      const runs = await rows(driver, 'trainingRuns');
      const trained = runs.map((r) => `${r.habitId}:${r.trigger}`).sort();
      if (JSON.stringify(trained) !== JSON.stringify(ids.map((id) => `${id}:quiet`)))
        throw new Error(`expected one 'quiet' run per habit, got ${JSON.stringify(trained)}`);
      const shown = await chips(driver, ids);

      // A reload shows the same probabilities and model versions, and trains nothing again.
      await driver.navigate().refresh();
      const again = await moment(driver, 'launch');
      if (again !== 'nudge:moment:launch:none:0') throw new Error(`the reload trained again: ${again}`);
      if ((await rows(driver, 'trainingRuns')).length !== runs.length)
        throw new Error('the reload added training runs');
      const after = await chips(driver, ids);
      if (JSON.stringify(after) !== JSON.stringify(shown))
        throw new Error(
          `probabilities changed across the reload: ${JSON.stringify(shown)} -> ${JSON.stringify(after)}`,
        );
    },
  },
];

export default tests;
