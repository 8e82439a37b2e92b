/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, for tests/webkit/run.ts: which tools are missing, a driver
 * under its own virtual display with a fresh profile, and sessions with per-file browser settings.
 *
 *   const wk = await startWebKitDriver();        // xvfb-run -a WebKitWebDriver --port=<free> (own process group)
 *   const session = await wk.newSession({ colorScheme: 'dark' });
 *   ... await session.quit(); await wk.stop();   // stop() kills xvfb-run, Xvfb, the driver and MiniBrowser
 *
 * The browser runs full-screen (no toolbar), so the window size is the viewport size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Builder, type WebDriver } from 'selenium-webdriver';
import type { SessionOptions } from '../journeys/journey.ts';
import { pointDownloadsAt } from '../journeys/webdriver-driver.ts';

/** MiniBrowser as Debian's webkit2gtk-driver installs it. */
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

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

/** What is missing to run WebKitGTK here, each with how to install it; empty when everything is there. */
export function missingWebKitTools(): string[] {
  const missing: string[] = [];
  if (!onPath('WebKitWebDriver')) missing.push('WebKitWebDriver (apt-get install webkit2gtk-driver)');
  if (!onPath('xvfb-run')) missing.push('xvfb-run (apt-get install xvfb)');
  if (!existsSync(MINIBROWSER)) missing.push(`${MINIBROWSER} (apt-get install webkit2gtk-driver)`);
  return missing;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
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

/** A running WebKitWebDriver with its own display and profile. */
export interface WebKitDriverProcess {
  port: number;
  /** The fresh profile directory (removed by stop()). */
  profile: string;
  /** Where the browser saves downloads. */
  downloadsDir: string;
  newSession(options?: SessionOptions): Promise<WebDriver>;
  /** Kills the whole process group and removes the profile; safe to call twice. */
  stop(): Promise<void>;
}

// Every driver started and not yet stopped, so an interrupted run can stop one that was still starting; once
// stopping, no new driver starts (one spawned after the clean-up would outlive the run).
const running = new Set<() => Promise<void>>();
let stoppingAll = false;

/** Stops every driver this process started, and refuses new ones (for a runner's Ctrl-C or timeout). */
export async function stopAllWebKitDrivers(): Promise<void> {
  stoppingAll = true;
  await Promise.all([...running].map((stop) => stop()));
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** True while any process of the group is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends the driver's whole process group: SIGTERM, then SIGKILL for what is left after two seconds. The group, not
 * the child: xvfb-run's shell defers a signal while it waits, and the driver and browser are its children.
 */
async function killGroup(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined || !groupAlive(pgid)) return;
  process.kill(-pgid, 'SIGTERM');
  for (let waited = 0; waited < 2_000 && groupAlive(pgid); waited += 100)
    await new Promise((ok) => setTimeout(ok, 100));
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
}

/** Starts `xvfb-run -a WebKitWebDriver` on a free port with a fresh profile; resolves once it answers /status. */
export async function startWebKitDriver(): Promise<WebKitDriverProcess> {
  const profile = mkdtempSync(join(tmpdir(), 'nudge-webkit-profile-'));
  const downloadsDir = join(profile, 'downloads');
  pointDownloadsAt(join(profile, 'config'), downloadsDir);
  const port = await freePort();
  if (stoppingAll) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error('the run is stopping: no new WebKitWebDriver');
  }
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
  const stop = async () => {
    running.delete(stop);
    await killGroup(child);
    rmSync(profile, { recursive: true, force: true });
  };
  running.add(stop);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!alive(child)) {
      await stop();
      throw new Error(`WebKitWebDriver exited early (${child.exitCode}):\n${log}`);
    }
    const up = await fetch(`http://127.0.0.1:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not answer on port ${port} within 30 s:\n${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return {
    port,
    profile,
    downloadsDir,
    async newSession(options: SessionOptions = {}) {
      const args = ['--automation', '--full-screen'];
      if (options.colorScheme === 'dark') args.push('--dark-mode');
      if (options.userAgent) args.push(`--user-agent=${options.userAgent}`);
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } })
        .build();
      // axe and the training waits run long scripts; a page load offline comes from the service worker.
      await driver.manage().setTimeouts({ script: 120_000, pageLoad: 60_000 });
      return driver;
    },
    stop,
  };
}
