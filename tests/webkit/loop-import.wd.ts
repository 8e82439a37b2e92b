/**
 * The Loop Habit Tracker import on the real WebKit engine (WebKitGTK through WebKitWebDriver): the
 * CSV zip and the SQLite backup (sql.js's WebAssembly under the app's CSP) go through Settings'
 * preview and merge, and Today shows the imported streak and schedules.
 */
import { By, until, type WebDriver } from 'selenium-webdriver';
import { addDays } from '../../src/learn/time.ts';
import { sampleLoop } from '../fixtures/loop/sample.ts';
import { loopCsvZip, loopDatabase } from '../support/loop-export.ts';
import type { WdTest } from '../support/webkit.ts';

const WAIT_MS = 30_000;

/** Hands a file to the Loop import's file input as if the person had chosen it. */
async function chooseFile(driver: WebDriver, name: string, bytes: Uint8Array): Promise<void> {
  await driver.executeScript(
    `const [name, b64] = arguments;
     const bin = atob(b64);
     const bytes = new Uint8Array(bin.length);
     for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
     const input = document.querySelector('[data-testid=loop-file]');
     const dt = new DataTransfer();
     dt.items.add(new File([bytes], name));
     input.files = dt.files;
     input.dispatchEvent(new Event('change', { bubbles: true }));`,
    name,
    Buffer.from(bytes).toString('base64'),
  );
}

async function textOf(driver: WebDriver, css: string, want: RegExp, what: string): Promise<string> {
  let last = '';
  await driver.wait(
    async () => {
      try {
        last = await (await driver.findElement(By.css(css))).getText();
        return want.test(last);
      } catch {
        return false;
      }
    },
    WAIT_MS,
    `${what}: never matched ${want} (last: "${last}")`,
  );
  return last;
}

/** The browser's today, as the app computes it. */
async function browserToday(driver: WebDriver): Promise<string> {
  return driver.executeScript(`const d = new Date(); const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());`) as Promise<string>;
}

async function importLoop(driver: WebDriver, baseUrl: string, name: string, bytes: Uint8Array): Promise<void> {
  await driver.get(new URL('./#/settings', baseUrl).href);
  await driver.wait(until.elementLocated(By.css('[data-testid=loop-file]')), WAIT_MS, 'no Loop import in Settings');
  await chooseFile(driver, name, bytes);
  await textOf(driver, '[data-testid=loop-preview]', /6 habits \(1 archived\)/, 'the preview');
  await driver.findElement(By.css('[data-testid=loop-merge]')).click();
  await textOf(driver, '[data-testid=loop-result]', /Imported .*: \d+ habits? added/, 'the import');
}

async function checkToday(driver: WebDriver, baseUrl: string): Promise<void> {
  await driver.get(new URL('./#/today', baseUrl).href);
  const row = (name: string) => `//li[@data-testid='habit-row'][.//h3[normalize-space()=${JSON.stringify(name)}]]`;
  const streak = await driver.wait(
    until.elementLocated(By.xpath(`${row('Méditer 🧘')}//*[@data-testid='habit-streak']`)),
    WAIT_MS,
    'no Méditer row on Today',
  );
  await driver.wait(async () => (await streak.getText()) === '19 days streak', WAIT_MS, 'the imported streak');
  const gym = await driver.findElement(By.xpath(`${row('Gym, weights')}//*[@data-testid='habit-schedule']`));
  if ((await gym.getText()) !== '3 times a week') throw new Error(`Gym's schedule reads "${await gym.getText()}"`);
  const grandma = await driver.findElement(By.xpath(`${row('Call grandma')}//*[@data-testid='habit-state']`));
  if ((await grandma.getText()) !== 'Not due today') throw new Error(`Call grandma reads "${await grandma.getText()}"`);
}

const tests: WdTest[] = [
  {
    name: 'loop import: the CSV zip through Settings, then Today shows streaks and schedules',
    async run({ driver, baseUrl }) {
      await driver.get(new URL('./#/today', baseUrl).href);
      const last = addDays(await browserToday(driver), -1);
      await importLoop(driver, baseUrl, 'Loop Habits CSV.zip', loopCsvZip(sampleLoop(last)));
      await checkToday(driver, baseUrl);
    },
  },
  {
    name: 'loop import: the SQLite backup (sql.js WebAssembly) adds nothing new to the same history',
    async run({ driver, baseUrl }) {
      const last = addDays(await browserToday(driver), -1);
      await importLoop(driver, baseUrl, 'Loop Habits Backup.db', await loopDatabase(sampleLoop(last)));
      await textOf(driver, '[data-testid=loop-result]', /0 habits added, 0 events added/, 'a second import');
      await checkToday(driver, baseUrl);
    },
  },
];

export default tests;
