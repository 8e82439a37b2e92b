/**
 * Import speed in a real browser (issue 22), Chromium: `npx tsx bench/browser-import.ts [--json] [--smoke]
 * [--profile] [--runs N]`. Each run uses a fresh browser profile (an empty database), then times, from the file
 * handed to the input to "Imported" on screen:
 *   backup_ms     a backup of 5 habits x 5 years (about 60,000 events, tests/support/long-history.ts) in Settings;
 *   loop_csv_ms   Loop's CSV zip of 20 habits x 5 years (tests/fixtures/loop/sample.ts bigLoop), the preview
 *                 included (Merge is clicked as soon as the preview shows): "from file chosen to Imported";
 *   loop_db_ms    the same history as Loop's SQLite backup (sql.js loads on the way);
 *   loop_*_read_ms  the part of each up to the preview (reading, converting, validating).
 * Targets: backup (or Loop) of 60,000 events <= 2 s; Loop 20 x 5 years <= 3 s. Medians over --runs (default 3).
 * --profile prints the functions with the most self time during one backup import (DevTools CPU profile).
 * --smoke: 1 year and one run, to check the bench works. Figures only, never asserted; quote them from a
 * quiet machine only. Builds the app into a temporary directory unless $NUDGE_DIST points at a build.
 */
import type { Page } from '@playwright/test';
import { addDays, deviceOffset, localDayOf } from '../src/learn/time.ts';
import { bigLoop } from '../tests/fixtures/loop/sample.ts';
import { scaleBackup } from '../tests/support/long-history.ts';
import { loopCsvZip, loopDatabase } from '../tests/support/loop-export.ts';
import { assertKnownArgs } from './args.ts';
import { openBenchApp } from './browser-app.ts';
import { median } from './stats.ts';

const argv = process.argv.slice(2);
assertKnownArgs('browser-import', argv, ['--smoke', '--json', '--profile'], ['--runs']);
const smoke = argv.includes('--smoke');
const runsArg = argv.indexOf('--runs');
const RUNS = smoke ? 1 : runsArg >= 0 ? Math.max(1, Number(argv[runsArg + 1]) || 3) : 3;
const DAYS = smoke ? 365 : 1826;

/** A page on a fresh, empty database (a new browser context). */
async function freshPage(app: Awaited<ReturnType<typeof openBenchApp>>): Promise<Page> {
  const context = await app.browser.newContext({ baseURL: app.server.url });
  const page = await context.newPage();
  page.on('pageerror', (e) => app.pageErrors.push(e.message));
  await page.goto('./#/settings');
  await page.getByTestId('loop-file').waitFor();
  return page;
}

async function importBackup(page: Page, text: string): Promise<number> {
  await page.getByRole('radio', { name: /^Merge/ }).check();
  const t0 = Date.now();
  await page
    .getByLabel('Import backup file')
    .setInputFiles({ name: 'scale.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-result').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
  return Date.now() - t0;
}

async function importLoop(page: Page, name: string, bytes: Uint8Array): Promise<{ total: number; read: number }> {
  const t0 = Date.now();
  await page
    .getByTestId('loop-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await page.getByTestId('loop-merge').click({ timeout: 180_000 });
  const read = Date.now() - t0;
  await page.getByTestId('loop-result').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
  return { total: Date.now() - t0, read };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most samples in a CPU profile taken around `work`. */
async function profile(page: Page, work: () => Promise<unknown>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  const self = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

async function main(): Promise<void> {
  const json = argv.includes('--json');
  const app = await openBenchApp('nudge-import-dist-');
  try {
    const backupText = JSON.stringify(scaleBackup(5, DAYS));
    const events = (JSON.parse(backupText) as { events: unknown[] }).events.length;
    const last = addDays(localDayOf(Date.now(), deviceOffset()), -1);
    const spec = bigLoop(last, 20, DAYS);
    const zip = loopCsvZip(spec);
    const db = await loopDatabase(spec);
    if (argv.includes('--profile')) {
      const page = await freshPage(app);
      for (const line of await profile(page, () => importBackup(page, backupText))) console.log(line);
      await page.context().close();
      return;
    }
    const runs = {
      backup: [] as number[],
      csv: [] as number[],
      csvRead: [] as number[],
      db: [] as number[],
      dbRead: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      let page = await freshPage(app);
      runs.backup.push(await importBackup(page, backupText));
      await page.context().close();
      page = await freshPage(app);
      const c = await importLoop(page, 'Loop Habits CSV.zip', zip);
      runs.csv.push(c.total);
      runs.csvRead.push(c.read);
      await page.context().close();
      page = await freshPage(app);
      const d = await importLoop(page, 'Loop Habits Backup.db', db);
      runs.db.push(d.total);
      runs.dbRead.push(d.read);
      await page.context().close();
    }
    if (app.pageErrors.length) throw new Error(`page errors: ${app.pageErrors.join(' | ')}`);
    const out = {
      events_backup: events,
      loop_entries: spec.habits.reduce((n, h) => n + h.entries.length, 0),
      runs: RUNS,
      backup_ms: median(runs.backup),
      loop_csv_ms: median(runs.csv),
      loop_csv_read_ms: median(runs.csvRead),
      loop_db_ms: median(runs.db),
      loop_db_read_ms: median(runs.dbRead),
    };
    if (json) console.log(JSON.stringify(out));
    else
      console.log(
        `browser-import: backup of ${out.events_backup} events ${out.backup_ms} ms; Loop 20 habits x ${DAYS} days ` +
          `(${out.loop_entries} entries): CSV zip ${out.loop_csv_ms} ms (preview after ${out.loop_csv_read_ms} ms), ` +
          `database ${out.loop_db_ms} ms (preview after ${out.loop_db_read_ms} ms); median of ${RUNS}`,
      );
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(`browser-import: ERROR ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
