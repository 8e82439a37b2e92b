/** On iPhone Safari (by its user agent) the "Add to Home Screen" hint says why, and stays dismissed. */
import { role } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { openToday } from './steps.ts';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/18.1 Mobile/15E148 Safari/604.1';

export default {
  session: { userAgent: IPHONE_SAFARI },
  journeys: [
    {
      name: 'the "Add to Home Screen" hint explains why, and stays dismissed after a reload',
      async run(d) {
        await openToday(d);
        const hint = role('complementary', /^Install Nudge/);
        await expectThat(d, hint).toContainText('Add to Home Screen');
        await expectThat(d, hint).toContainText('own storage');
        await d.click(role('button', 'Dismiss the install hint'));
        await expectThat(d, hint).toHaveCount(0);
        await d.reload();
        await expectThat(d, role('heading', 'Today', { level: 2 })).toBeVisible();
        await expectThat(d, hint).toHaveCount(0);
      },
    },
  ],
} satisfies JourneyFile;
