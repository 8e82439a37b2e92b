/**
 * The journeys in the real WebKit engine (`npm run test:webkit [-- <file filter>]`): WebKitGTK's MiniBrowser
 * through WebKitWebDriver, under a virtual X display, driven by tests/journeys/webdriver-driver.ts.
 *
 * 1. Finds WebKitWebDriver, xvfb-run and MiniBrowser; when one is missing prints why and exits 0 ("skipped"),
 *    or 1 with NUDGE_REQUIRE_BROWSERS=1.
 * 2. Builds the app into a private temp dir (NUDGE_SKIP_BUILD=1: serve $NUDGE_DIST or dist/ as is).
 * 3. For every tests/journeys/*.journey.ts: a fresh driver and profile, one browser session with the file's
 *    settings; each journey gets its own static server (a new port: a new origin, so its own storage and service
 *    worker) and a time limit; prints ✓/✗ and its time.
 * 4. Always quits the session and kills the driver and Xvfb (process group), on failure, timeout or Ctrl-C.
 * Two files run at once (NUDGE_WEBKIT_JOBS, default 2), each with its own driver and display; a file's lines are
 * then printed together when it ends. Measured on 2 busy cores: 2.0 min against 4.0 min one at a time, no failure.
 * Exits non-zero when any journey fails. The last line is `webkit: N passed, M failed`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebDriver } from 'selenium-webdriver';
import { journeyFileNames, loadJourneyFile, type Journey, type JourneyFile } from '../journeys/journey.ts';
import { webDriverDriver } from '../journeys/webdriver-driver.ts';
import { buildApp, repoRoot } from '../support/build.ts';
import { distDir, startStaticServer } from '../support/static-server.ts';
import {
  missingWebKitTools,
  startWebKitDriver,
  stopAllWebKitDrivers,
  type WebKitDriverProcess,
} from '../support/webkit.ts';

const TEST_TIMEOUT_MS = Number(process.env.NUDGE_WEBKIT_TEST_TIMEOUT_MS ?? 90_000);
const RUN_TIMEOUT_MS = Number(process.env.NUDGE_WEBKIT_RUN_TIMEOUT_MS ?? 20 * 60_000);
const JOBS = Math.max(1, Math.floor(Number(process.env.NUDGE_WEBKIT_JOBS ?? 2)) || 1);

const cleanups: Array<() => void | Promise<void>> = [stopAllWebKitDrivers];
const FAILURES_DIR = join(repoRoot, 'test-results', 'webkit');
let cleaned = false;

async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error('webkit: cleanup step failed:', error);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Where a file's lines go: straight out when files run one at a time, else kept until the file ends. */
type Out = (line: string) => void;

function report(out: Out, ok: boolean, title: string, since: number, error?: unknown): void {
  if (ok) {
    out(`  ✓ ${title} (${seconds(since)})`);
    return;
  }
  const lines = String((error as Error)?.stack ?? error)
    .split('\n')
    .slice(0, 8);
  out(`  ✗ ${title} (${seconds(since)})\n      ${lines.join('\n      ')}`);
}

/** Writes a screenshot and the text of the page a journey failed on; returns where. */
async function saveFailure(session: WebDriver, title: string): Promise<string> {
  mkdirSync(FAILURES_DIR, { recursive: true });
  const base = join(FAILURES_DIR, title.replace(/[^\w.-]+/g, '-').slice(0, 120));
  writeFileSync(`${base}.png`, Buffer.from(await session.takeScreenshot(), 'base64'));
  const page = await session.executeScript<string>('return location.href + "\\n\\n" + document.body.innerText');
  writeFileSync(`${base}.txt`, page);
  return `${base}.png, .txt`;
}

/** Runs one journey on a fresh server; the session is left on about:blank. */
async function runJourney(wk: WebKitDriverProcess, session: WebDriver, journey: Journey, root: string): Promise<void> {
  const server = await startStaticServer({ root });
  const files = mkdtempSync(join(tmpdir(), 'nudge-webkit-files-'));
  const d = webDriverDriver({ driver: session, server, downloadsDir: wk.downloadsDir, filesDir: files });
  try {
    await withTimeout(journey.run(d), journey.timeoutMs ?? TEST_TIMEOUT_MS, journey.name);
    await withTimeout(d.leave(), 70_000, 'leaving the page');
  } finally {
    await server.stop();
    rmSync(files, { recursive: true, force: true });
  }
}

let startQueue: Promise<unknown> = Promise.resolve();

/** Starts drivers one after another: xvfb-run -a picks a free display, and two starting at once can pick the same. */
function startDriverInTurn(): Promise<WebKitDriverProcess> {
  const next = startQueue.then(() => startWebKitDriver());
  startQueue = next.catch(() => {});
  return next;
}

/** Runs every journey of one file in one session of a fresh driver; returns [passed, failed]. */
async function runFile(name: string, root: string, out: Out): Promise<[number, number]> {
  let file: JourneyFile;
  try {
    file = await loadJourneyFile(name);
  } catch (error) {
    out(`  ✗ ${name}: cannot load: ${(error as Error).message}`);
    return [0, 1];
  }
  const wk = await startDriverInTurn();
  out(`webkit: ${name}: WebKitWebDriver on 127.0.0.1:${wk.port} (MiniBrowser, fresh profile ${wk.profile})`);
  const open = () => withTimeout(wk.newSession(file.session), 60_000, 'starting a WebKit session');
  let passed = 0;
  let failed = 0;
  let session: WebDriver | null = null;
  try {
    for (const journey of file.journeys) {
      const current: WebDriver = session ?? (await open());
      session = current;
      const started = Date.now();
      try {
        await runJourney(wk, current, journey, root);
        passed++;
        report(out, true, `${name} › ${journey.name}`, started);
      } catch (error) {
        failed++;
        report(out, false, `${name} › ${journey.name}`, started, error);
        const saved = await withTimeout(saveFailure(current, `${name} ${journey.name}`), 20_000, 'saving').catch(
          (e: Error) => `(the page could not be saved: ${e.message})`,
        );
        out(`      page at the failure: ${saved}`);
        // The failed journey may still be driving this session, or left a page behind: give the rest a clean one.
        await withTimeout(current.quit(), 15_000, 'quitting the session').catch(() => {});
        session = null;
      }
    }
  } catch (error) {
    failed += file.journeys.length - passed - failed;
    out(`  ✗ ${name}: no WebKit session: ${(error as Error).message}`);
  } finally {
    if (session) await withTimeout(session.quit(), 15_000, 'quitting the session').catch(() => {});
    await wk.stop();
  }
  return [passed, failed];
}

async function main(): Promise<number> {
  const missing = missingWebKitTools();
  if (missing.length > 0) {
    const required = process.env.NUDGE_REQUIRE_BROWSERS === '1';
    console.log(
      `webkit: SKIPPED — missing ${missing.join(', ')}${required ? ' (NUDGE_REQUIRE_BROWSERS=1: failing)' : ''}`,
    );
    console.log(required ? 'webkit: 0 passed, 1 failed' : 'webkit: skipped');
    return required ? 1 : 0;
  }
  const filters = process.argv.slice(2);
  const names = journeyFileNames(filters);
  if (names.length === 0) {
    console.log(`webkit: no tests/journeys/*.journey.ts file matches ${filters.join(' ') || '(any)'}`);
    return 1;
  }
  if (process.env.NUDGE_SKIP_BUILD !== '1') {
    const started = Date.now();
    const outDir = mkdtempSync(join(tmpdir(), 'nudge-webkit-dist-'));
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    buildApp(outDir);
    process.env.NUDGE_DIST = outDir;
    console.log(`webkit: built the app in ${seconds(started)}`);
  }
  const root = distDir();
  let passed = 0;
  let failed = 0;
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const lines: string[] = [];
      const out: Out = JOBS === 1 ? (line) => console.log(line) : (line) => lines.push(line);
      const [p, f] = await runFile(name, root, out);
      if (JOBS > 1) console.log(lines.join('\n'));
      passed += p;
      failed += f;
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, names.length) }, worker));
  console.log(`webkit: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.log(`webkit: ${signal}, cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}
const overall = setTimeout(() => {
  console.log(`webkit: the whole run exceeded ${RUN_TIMEOUT_MS} ms; stopping`);
  void cleanup().then(() => process.exit(1));
}, RUN_TIMEOUT_MS);

main()
  .catch((error) => {
    console.log(`webkit: runner failed: ${(error as Error).stack ?? error}`);
    console.log('webkit: 0 passed, 1 failed');
    return 1;
  })
  .then(async (code) => {
    clearTimeout(overall);
    await cleanup();
    process.exit(code);
  });
