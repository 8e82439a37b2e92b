/**
 * The journeys in Playwright: every tests/journeys/*.journey.ts, one test per journey, each in a fresh browser
 * context on the shared server, guarded by the e2e fixtures (no request may leave the origin, no CSP violation).
 * The same files run in WebKitGTK through tests/webkit/run.ts.
 */
import { test } from '../e2e/fixtures.ts';
import { journeyFileNames, loadJourneyFile } from './journey.ts';
import { playwrightDriver } from './playwright-driver.ts';

// Journeys are independent: let the workers share them.
test.describe.configure({ mode: 'parallel' });

for (const name of journeyFileNames()) {
  const file = await loadJourneyFile(name);
  test.describe(name.replace(/\.journey\.ts$/, ''), () => {
    if (file.session?.colorScheme) test.use({ colorScheme: file.session.colorScheme });
    if (file.session?.userAgent) test.use({ userAgent: file.session.userAgent });
    for (const journey of file.journeys) {
      test(journey.name, async ({ page, server, browserName, guard }) => {
        if (journey.timeoutMs) test.setTimeout(journey.timeoutMs);
        if (journey.provokesCspViolation) guard.allowCspViolations();
        await journey.run(playwrightDriver({ page, server, engine: browserName === 'webkit' ? 'webkit' : 'chromium' }));
      });
    }
  });
}
