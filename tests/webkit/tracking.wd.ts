/**
 * The core tracking flow on the real WebKit engine (WebKitGTK through WebKitWebDriver), run by
 * tests/webkit/run.ts: create a habit, mark it done, reload, it is still done — IndexedDB in the
 * Safari engine keeps what the app confirmed.
 */
import { By, until, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { WdTest } from '../support/webkit.ts';

const WAIT_MS = 15_000;

async function rowOf(driver: WebDriver, name: string): Promise<WebElement> {
  const xpath = `//li[@data-testid='habit-row'][.//h3[normalize-space()=${JSON.stringify(name)}]]`;
  return driver.wait(until.elementLocated(By.xpath(xpath)), WAIT_MS, `no Today row for "${name}"`);
}

async function waitForState(driver: WebDriver, name: string, state: string): Promise<void> {
  await driver.wait(
    async () => {
      try {
        return (await (await rowOf(driver, name)).getAttribute('data-state')) === state;
      } catch {
        return false; // re-rendered between find and read: look again
      }
    },
    WAIT_MS,
    `"${name}" never reached the state "${state}"`,
  );
}

async function openToday(driver: WebDriver, baseUrl: string): Promise<void> {
  await driver.get(new URL('./#/today', baseUrl).href);
  await driver.wait(
    until.elementLocated(By.css('form.add-habit input[name=name]')),
    WAIT_MS,
    'Today never rendered its Add habit form',
  );
}

const tests: WdTest[] = [
  {
    name: 'tracking: create a habit, mark it done, reload, it is still done',
    async run({ driver, baseUrl }) {
      await openToday(driver, baseUrl);
      const name = `Walk ${Date.now() % 100000}`;
      const input = await driver.findElement(By.css('form.add-habit input[name=name]'));
      await input.sendKeys(name);
      await driver.findElement(By.css('form.add-habit button[type=submit]')).click();
      const row = await rowOf(driver, name);
      await waitForState(driver, name, 'open');
      const done = await row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Done')]"));
      await done.click();
      await waitForState(driver, name, 'done');
      await driver.navigate().refresh();
      await waitForState(driver, name, 'done');
      const summary = await driver.wait(until.elementLocated(By.css('[data-testid=today-summary]')), WAIT_MS);
      const text = await summary.getText();
      if (!/\d+ of \d+ done today/.test(text)) throw new Error(`unexpected summary after reload: "${text}"`);
    },
  },
];

export default tests;
