/**
 * First launch: the shell and an empty Today that says how to start; the service worker takes control; the
 * "Add to Home Screen" hint stays away outside iOS Safari (install-hint.journey.ts shows it on an iPhone).
 */
import { role, testId, text } from './driver.ts';
import { countOf, expectThat } from './expect.ts';
import { addForm, openToday, untilServiceWorkerControls } from './steps.ts';
import type { JourneyFile } from './journey.ts';

export default {
  journeys: [
    {
      name: 'first launch: the shell and an empty Today with the add form and the sample history offer',
      async run(d) {
        await openToday(d);
        await expectThat(d, role('heading', 'Nudge', { level: 1 })).toBeVisible();
        await expectThat(d, role('navigation', 'Main')).toBeVisible();
        await expectThat(d, testId('today-empty')).toBeVisible();
        await expectThat(d, addForm).toBeVisible();
        await expectThat(d, role('button', 'Try with a sample history')).toBeVisible();
        if ((await countOf(d, text(/Add to Home Screen/))) !== 0) throw new Error('install hint shown outside iOS');
      },
    },
    {
      name: 'the service worker takes control of the page',
      async run(d) {
        await openToday(d);
        const url = await untilServiceWorkerControls(d);
        if (url !== new URL('sw.js', d.server.url).href) throw new Error(`controlled by ${url}`);
      },
    },
  ],
} satisfies JourneyFile;
