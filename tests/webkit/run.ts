/**
 * The real-WebKit suite runner (`npm run test:webkit [-- <file filter>]`): WebKitGTK's MiniBrowser through
 * WebKitWebDriver, under a virtual X display.
 *
 * 1. Finds WebKitWebDriver, xvfb-run and MiniBrowser; when one is missing prints why and exits 0 ("skipped"),
 *    or 1 with NUDGE_REQUIRE_BROWSERS=1.
 * 2. Builds the app into a private temp dir (NUDGE_SKIP_BUILD=1: serve $NUDGE_DIST or dist/ as is).
 * 3. Starts `xvfb-run -a WebKitWebDriver --port=PORT --host=127.0.0.1` on a free port with fresh XDG dirs (a fresh
 *    browser profile per run), and waits for /status.
 * 4. For every tests/webkit/*.wd.ts (default export: WdTest[], see tests/support/webkit.ts): a fresh static server
 *    and one session; each test runs with a time limit; prints ✓/✗ and its time.
 * 5. Always quits the session and kills the driver and Xvfb (process group), on failure, timeout or Ctrl-C.
 * Exits non-zero when any test fails. The last line is `webkit: N passed, M failed`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { buildApp } from '../support/build.ts';
import { distDir, startStaticServer } from '../support/static-server.ts';
import type { WdTest } from '../support/webkit.ts';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const TEST_TIMEOUT_MS = Number(process.env.NUDGE_WEBKIT_TEST_TIMEOUT_MS ?? 90_000);
const RUN_TIMEOUT_MS = Number(process.env.NUDGE_WEBKIT_RUN_TIMEOUT_MS ?? 8 * 60_000);
const here = fileURLToPath(new URL('.', import.meta.url));

const cleanups: Array<() => void | Promise<void>> = [];
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

function onPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, cmd);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Stops the driver's whole process group (xvfb-run, Xvfb, the driver, MiniBrowser); safe to call twice. */
async function stopDriver(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child);
  await new Promise((ok) => setTimeout(ok, 300));
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

async function startDriver(port: number, profile: string): Promise<ChildProcess> {
  const child = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    detached: true, // own process group: xvfb-run, Xvfb, the driver and MiniBrowser die together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_DATA_HOME: join(profile, 'data'),
      XDG_CACHE_HOME: join(profile, 'cache'),
      XDG_CONFIG_HOME: join(profile, 'config'),
    },
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  cleanups.push(() => stopDriver(child));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 30 s:\n${log}`);
}

async function newSession(port: number): Promise<WebDriver> {
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  return new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function missingTools(): string[] {
  const missing: string[] = [];
  if (!onPath('WebKitWebDriver')) missing.push('WebKitWebDriver (apt-get install webkit2gtk-driver)');
  if (!onPath('xvfb-run')) missing.push('xvfb-run (apt-get install xvfb)');
  if (!existsSync(MINIBROWSER)) missing.push(`${MINIBROWSER} (apt-get install webkit2gtk-driver)`);
  return missing;
}

async function main(): Promise<number> {
  const missing = missingTools();
  if (missing.length > 0) {
    const required = process.env.NUDGE_REQUIRE_BROWSERS === '1';
    console.log(
      `webkit: SKIPPED — missing ${missing.join(', ')}${required ? ' (NUDGE_REQUIRE_BROWSERS=1: failing)' : ''}`,
    );
    console.log(required ? 'webkit: 0 passed, 1 failed' : 'webkit: skipped');
    return required ? 1 : 0;
  }

  const filters = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.wd.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    // The shell file first: after the loop file, its first service-worker registration in WebKitGTK
    // was not seen for 60 s even in a fresh browser and profile (cause not found yet; alone or first it passes).
    .sort((a, b) => Number(b === 'shell.wd.ts') - Number(a === 'shell.wd.ts') || a.localeCompare(b));
  if (files.length === 0) {
    console.log(`webkit: no tests/webkit/*.wd.ts file matches ${filters.join(' ') || '(any)'}`);
    return 1;
  }

  if (process.env.NUDGE_SKIP_BUILD !== '1') {
    const started = Date.now();
    const outDir = mkdtempSync(join(tmpdir(), 'nudge-webkit-dist-'));
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    buildApp(outDir);
    process.env.NUDGE_DIST = outDir;
    console.log(`webkit: built the app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const root = distDir();

  let passed = 0;
  let failed = 0;
  for (const file of files) {
    // A fresh driver, browser and profile per file, so one file's service workers and storage
    // cannot affect the next (a shared profile made the shell file's registration vanish after
    // the loop file).
    const profile = mkdtempSync(join(tmpdir(), 'nudge-webkit-profile-'));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
    const port = await freePort();
    const child = await startDriver(port, profile);
    console.log(`webkit: ${file}: WebKitWebDriver on 127.0.0.1:${port} (MiniBrowser, fresh profile ${profile})`);
    let tests: WdTest[];
    try {
      tests = (await import(pathToFileURL(join(here, file)).href)).default as WdTest[];
      if (!Array.isArray(tests)) throw new Error('its default export is not an array of { name, run }');
    } catch (error) {
      console.log(`  ✗ ${file}: cannot load: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const server = await startStaticServer({ root });
    let driver: WebDriver | null = null;
    try {
      driver = await withTimeout(newSession(port), 60_000, 'starting a WebKit session');
      for (const t of tests) {
        const started = Date.now();
        try {
          if (!server.running) await server.start();
          server.setSwSuffix('');
          await withTimeout(t.run({ driver, baseUrl: server.url, server }), TEST_TIMEOUT_MS, t.name);
          passed++;
          console.log(`  ✓ ${file} › ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        } catch (error) {
          failed++;
          console.log(
            `  ✗ ${file} › ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n      ${String(
              (error as Error).stack ?? error,
            )
              .split('\n')
              .slice(0, 6)
              .join('\n      ')}`,
          );
          if (/timed out after/.test(String(error))) {
            // The timed-out test may still be driving this session: give the rest of the file a clean one.
            await withTimeout(driver.quit(), 15_000, 'quitting the session').catch(() => {});
            driver = await withTimeout(newSession(port), 60_000, 'starting a WebKit session');
          }
        }
      }
    } catch (error) {
      failed += Math.max(1, tests.length);
      console.log(`  ✗ ${file}: no WebKit session: ${(error as Error).message}`);
    } finally {
      if (driver) await withTimeout(driver.quit(), 15_000, 'quitting the session').catch(() => {});
      await server.stop();
      await stopDriver(child);
    }
  }
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
