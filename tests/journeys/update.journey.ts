/**
 * Updates: a newer service worker (sw.js with different bytes) waits behind "New version available — Reload";
 * nothing reloads by itself; Reload switches to the new version, and waits while training holds the train lock.
 */
import assert from 'node:assert/strict';
import { type Driver, inside, role, type Target } from './driver.ts';
import { eventually, expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { markDocument, openToday, reloaded, screenHeading, untilServiceWorkerControls } from './steps.ts';

// Appended to sw.js by the server: a byte-different "new deploy" that can say which version it is.
const NEW_VERSION = `self.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'NUDGE_TEST_VERSION') e.ports[0].postMessage('v2');
});`;

const prompt = role('status', undefined, { hasText: 'New version available' });

/** Asks the controlling service worker which version it is ('v1' when it does not know the question). */
function controllerVersion(d: Driver): Promise<string> {
  return d.evaluate(
    () =>
      new Promise<string>((ok) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return ok('none');
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => ok(String(e.data));
        controller.postMessage({ type: 'NUDGE_TEST_VERSION' }, [channel.port2]);
        setTimeout(() => ok('v1'), 1_000);
      }),
  );
}

/** Deploys the new version and returns to the app (which checks for updates then) until the prompt shows. */
async function deployAndReturn(d: Driver): Promise<Target> {
  d.server.setSwSuffix(NEW_VERSION);
  await eventually(
    'the update prompt',
    async () => {
      await d.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      const shown = await eventually('', async () => ((await d.inspect(prompt)).length ? true : undefined), 5_000)
        .then(() => true)
        .catch(() => undefined);
      return shown;
    },
    45_000,
  );
  return prompt;
}

export default {
  journeys: [
    {
      name: 'a newer version waits behind "New version available — Reload", and Reload switches to it',
      timeoutMs: 120_000,
      async run(d) {
        await openToday(d);
        await untilServiceWorkerControls(d);
        assert.equal(await controllerVersion(d), 'v1');
        await expectThat(d, prompt).toHaveCount(0);
        await deployAndReturn(d);
        assert.equal(await controllerVersion(d), 'v1', 'still the old version until the person chooses');
        await markDocument(d);
        await d.click(inside(prompt, role('button', 'Reload')));
        await reloaded(d);
        await expectThat(d, screenHeading('Today')).toBeVisible();
        assert.equal(await controllerVersion(d), 'v2');
        await expectThat(d, prompt).toHaveCount(0);
      },
    },
    {
      name: 'Reload waits while training holds the train lock, then switches to the new version',
      timeoutMs: 120_000,
      async run(d) {
        await openToday(d);
        await untilServiceWorkerControls(d);
        // Stand in for a training run: hold the Web Lock the trainer holds (resolves once it is held).
        await d.evaluate(
          () =>
            new Promise<void>((held) => {
              void navigator.locks.request('nudge-train', () => {
                held();
                return new Promise<void>((release) => {
                  (window as { __releaseTraining?: () => void }).__releaseTraining = release;
                });
              });
            }),
        );
        await deployAndReturn(d);
        await markDocument(d);
        await d.click(inside(prompt, role('button', 'Reload')));
        await expectThat(d, role('status', undefined, { hasText: 'Finishing up' })).toBeVisible();
        await new Promise((ok) => setTimeout(ok, 1_000));
        assert.equal(await controllerVersion(d), 'v1', 'no switch while training runs');
        await d.evaluate(() => (window as { __releaseTraining?: () => void }).__releaseTraining?.());
        await reloaded(d);
        assert.equal(await controllerVersion(d), 'v2');
      },
    },
  ],
} satisfies JourneyFile;
