/**
 * Leaving the page while the trainer writes. WebKit keeps a page it navigates away from in its back/forward cache
 * (pagehide with persisted = true) even with an IndexedDB write open in its worker; frozen there, the write keeps
 * its stores locked, and the next page of the app waits on them for ever (found by the habits journey in
 * WebKitGTK: a Habits screen with nothing on it). The scheduler's training after an import is made to hang inside
 * its write at the fault point 'train:before-commit' (armed in the worker through the server's worker prelude),
 * then the person opens the app again at another address.
 */
import assert from 'node:assert/strict';
import { eventually, expectThat } from './expect.ts';
import { weekdayHabit } from './histories.ts';
import type { JourneyFile } from './journey.ts';
import { habitRow, importBackup, openToday, storeRows } from './steps.ts';

// Runs in the trainer worker before its own code: arms the point, and keeps saying so once reached, so the page
// (which may be a later one) hears it.
const ARM_BEFORE_COMMIT = `globalThis.__nudgeFaults = { 'train:before-commit': 'hang' };
const channel = new BroadcastChannel('journey-faults');
const mark = performance.mark.bind(performance);
performance.mark = (name, options) => {
  if (String(name).startsWith('nudge:fault:')) setInterval(() => channel.postMessage(String(name)), 200);
  return mark(name, options);
};`;

export default {
  journeys: [
    {
      name: 'a page left while the trainer writes does not lock the next page out of the data',
      timeoutMs: 150_000,
      async run(d) {
        d.server.setWorkerPrelude(ARM_BEFORE_COMMIT);
        await importBackup(d, weekdayHabit());
        // The import is new data: the scheduler trains on its own, and its write hangs open in the worker.
        await d.evaluate(() => {
          const w = window as { __faultReached?: string };
          new BroadcastChannel('journey-faults').onmessage = (e) => {
            w.__faultReached = String(e.data);
          };
        });
        const reached = await eventually(
          "the trainer's write to hang open",
          async () =>
            (await d.evaluate(() => (window as { __faultReached?: string }).__faultReached ?? null)) ?? undefined,
          60_000,
        );
        assert.equal(reached, 'nudge:fault:train:before-commit');
        // Opened again at another address: a new page, the old one kept (frozen) by the browser.
        d.server.setWorkerPrelude(null);
        await d.goto('./?again=1#/today');
        await expectThat(d, habitRow('Stretch'), 30_000).toBeVisible();
        const habits = await storeRows<{ id: string }>(d, 'habits');
        assert.deepEqual(
          habits.map((h) => h.id),
          ['stretch'],
        );
        await openToday(d);
      },
    },
  ],
} satisfies JourneyFile;
