/**
 * Playwright: the specs (tests/e2e/*.spec.ts) and the journeys (tests/journeys/journeys.spec.ts, one test per
 * journey) run in the `chromium` and `webkit` projects. Both use tests/e2e/fixtures.ts, which serves the build and
 * enforces isolation. Chromium: Playwright's download when installed, else /usr/bin/chromium. WebKit: Playwright's
 * patched build when installed, else every webkit test is skipped with the reason printed (the journeys run in the
 * real WebKit engine through tests/webkit/run.ts). The app is built once by the global setup (NUDGE_SKIP_BUILD=1 to
 * serve an existing build).
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch, playwrightWebkit } from './tests/support/browsers.ts';

const chromium = chromiumLaunch();
const webkitReady = playwrightWebkit();

// The config is loaded by the runner and again by every worker: say it once (on stderr, so JSON reporters stay clean).
const say = (line: string) => process.stderr.write(`${line}\n`);
if (!process.env.TEST_WORKER_INDEX) {
  if (!chromium)
    say("[playwright] chromium: SKIPPED — neither Playwright's Chromium nor /usr/bin/chromium is installed");
  else
    say(
      `[playwright] chromium: ${chromium.source === 'system' ? '/usr/bin/chromium (system)' : "Playwright's Chromium"}`,
    );
  if (!webkitReady) {
    say(
      "[playwright] webkit: SKIPPED — Playwright's WebKit build is not installed (npx playwright install webkit); " +
        'the real WebKit engine runs the journeys in tests/webkit/run.ts (npm run test:webkit)',
    );
  }
}

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'journeys/**/*.spec.ts'],
  globalSetup: './tests/support/playwright-global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: Number(process.env.NUDGE_E2E_WORKERS ?? 2),
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromium ? { executablePath: chromium.executablePath, args: chromium.args } : {},
      },
    },
    {
      name: 'webkit',
      use: { ...devices['Desktop Safari'] },
    },
  ],
});
