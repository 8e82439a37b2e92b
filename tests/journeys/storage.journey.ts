/**
 * Storage going wrong: IndexedDB unusable (blocked, or missing as in older private modes) shows a clear screen,
 * not a blank page; the database thrown away underneath the app is said plainly at the next launch; deleting all
 * data on purpose asks first and is not reported as a loss.
 */
import assert from 'node:assert/strict';
import { inside, role, testId } from './driver.ts';
import { expectThat } from './expect.ts';
import type { Journey, JourneyFile } from './journey.ts';
import { addHabit, habitRow, markDocument, openScreen, openToday, reloaded } from './steps.ts';

// Runs before the app (setInitScript): records what would reach the console as uncaught.
const RECORD_ERRORS = `window.__journeyErrors = [];
addEventListener('error', (e) => window.__journeyErrors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.__journeyErrors.push(String(e.reason)));`;

const BLOCKERS: Record<string, string> = {
  'indexedDB.open throws (site data blocked)': `Object.defineProperty(IDBFactory.prototype, 'open', {
    configurable: true,
    value() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); },
  });`,
  // WebKit still has the prefixed webkitIndexedDB, which Dexie falls back to: gone too when IndexedDB is.
  'indexedDB is missing (older private modes)': `for (const name of ['indexedDB', 'webkitIndexedDB', 'mozIndexedDB']) {
    Object.defineProperty(window, name, { configurable: true, get: () => undefined });
  }`,
};

const unavailable = Object.entries(BLOCKERS).map(
  ([how, block]): Journey => ({
    name: `storage unavailable, ${how}: a clear screen with what to do, not a blank page`,
    async run(d) {
      d.server.setInitScript(`${RECORD_ERRORS}\n${block}`);
      await d.goto('./#/today');
      const screen = testId('storage-blocked');
      await expectThat(d, screen).toBeVisible();
      await expectThat(d, inside(screen, role('heading', undefined, { level: 2 }))).toHaveText(
        'Nudge can’t use storage in this browser',
      );
      await expectThat(d, screen).toContainText('private');
      await expectThat(d, inside(screen, role('button', 'Try again'))).toBeVisible();
      // The shell is still there: the tabs work, and every screen says the same.
      await d.click(role('link', 'Settings'));
      await expectThat(d, screen).toBeVisible();
      assert.deepEqual(await d.evaluate(() => (window as { __journeyErrors?: string[] }).__journeyErrors), []);
    },
  }),
);

export default {
  journeys: [
    ...unavailable,
    {
      name: 'the database thrown away underneath the app: the next launch says so plainly',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Read');
        await expectThat(d, testId('eviction-banner')).toHaveCount(0);
        // As a browser wiping site data would: the app's connection gets versionchange and the app reloads.
        await markDocument(d);
        await d.evaluate(() => {
          indexedDB.deleteDatabase('nudge');
        });
        await reloaded(d);
        await expectThat(d, testId('eviction-banner')).toContainText('restore it in Settings');
        await expectThat(d, testId('habit-row')).toHaveCount(0);
      },
    },
    {
      name: 'every storage wiped at once (Safari after 7 days unused) is still noticed through the address',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Read');
        assert.match(await d.url(), /[?&]kept=1/);
        await markDocument(d);
        await d.evaluate(async () => {
          await caches.delete('nudge-marker-v1');
          indexedDB.deleteDatabase('nudge');
        });
        await reloaded(d);
        await expectThat(d, testId('eviction-banner')).toBeVisible();
        await expectThat(d, testId('habit-row')).toHaveCount(0);
      },
    },
    {
      name: 'delete all data asks first, then empties the app, and the next launch reports no loss',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Temporary');
        await openScreen(d, '#/settings', 'Settings');
        await expectThat(d, testId('persisted')).toHaveText(/./);
        const question = role('dialog', 'Delete all data?');
        await d.click(role('button', 'Delete all data…'));
        await d.click(inside(question, role('button', 'Cancel')));
        await openToday(d);
        await expectThat(d, habitRow('Temporary')).toBeVisible();
        await openScreen(d, '#/settings', 'Settings');
        await d.click(role('button', 'Delete all data…'));
        await d.click(inside(question, role('button', 'Delete everything')));
        await expectThat(d, testId('toast')).toContainText('deleted');
        await openToday(d);
        await expectThat(d, testId('today-empty')).toBeVisible();
        await d.reload();
        await expectThat(d, testId('today-empty')).toBeVisible();
        await expectThat(d, testId('eviction-banner')).toHaveCount(0);
      },
    },
  ],
} satisfies JourneyFile;
