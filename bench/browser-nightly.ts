/**
 * A night's run in the browser's trainer worker, Chromium: `npx tsx bench/browser-nightly.ts [--json] [--smoke]`.
 * 10 habits x 5 years (tests/support/long-history.ts) are imported through Settings and trained once (each habit's
 * learner is then stored with its checkpoint). Then, night after night, one new day is added (each habit marked done
 * or skipped on Today's date, as a person would) and every habit is trained for the next day through the app's own
 * trainer (window.nudgeDebug.trainer.train), which reads only that day's events, folds it and trains:
 *   nightly_ms     each night's run end to end (the train call, from the page: IndexedDB reads, folding,
 *                  training ten networks, the writes), median over the nights;
 *   nightly_4x_ms  the same with Chromium's CPU throttled 4x (DevTools Emulation.setCPUThrottlingRate), a slow phone;
 *   first_ms       the bench's first train call after the import. The app's scheduler has usually trained every
 *                  habit by then (first_modes says how the learners were brought up to date: from scratch, repaired
 *                  from the history, or continued from their checkpoint);
 *   *_phases_ms    medians of the run's own split (TrainRequestResult.phasesMs): reading the inputs, folding and
 *                  training every learner, storing the results in one transaction.
 * Figures only, never asserted. --smoke: 2 habits x 1 year, 3 nights, for `npm test`.
 * Builds the app into a temporary directory unless $NUDGE_DIST points at a build.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { addDays } from '../src/learn/time.ts';
import { scaleBackup } from '../tests/support/long-history.ts';
import { waitForMoment } from '../tests/e2e/loop-helpers.ts';
import { assertKnownArgs } from './args.ts';
import { openBenchApp } from './browser-app.ts';
import { median, summarise } from './stats.ts';

assertKnownArgs('browser-nightly', process.argv.slice(2), ['--smoke', '--json']);

const smoke = process.argv.includes('--smoke');
const HABITS = smoke ? 2 : 10;
const DAYS = smoke ? 365 : 1826;
const NIGHTS = smoke ? 3 : 9;

interface Phases {
  read: number;
  train: number;
  write: number;
}

interface Night {
  ms: number;
  status: string;
  habits: number;
  modes: string;
  phases: Phases;
}

/** Trains every habit for `today` in the page's trainer; throws unless every habit ran. */
async function trainFor(page: Page, today: string): Promise<Night> {
  const res = await page.evaluate<Night>(`(async () => {
    const t0 = performance.now();
    const request = { habitIds: 'all', trigger: 'manual', today: ${JSON.stringify(today)} };
    const r = await window.nudgeDebug.trainer.train(request);
    const ms = performance.now() - t0;
    const count = (re) => r.outcomes.filter((o) => re.test(o.run.reason)).length;
    const cold = count(/from scratch/);
    const repaired = count(/rebuilt from the history/);
    const continued = r.outcomes.length - cold - repaired;
    const modes = cold + ' from scratch, ' + repaired + ' repaired, ' + continued + ' continued';
    return { ms, status: String(r.status), habits: r.outcomes.length, modes, phases: r.phasesMs };
  })()`);
  if (res.status !== 'done' || res.habits !== HABITS)
    throw new Error(`a night did not train every habit: ${JSON.stringify(res)}`);
  return res;
}

// Runs in the page. A string, so the TypeScript runner's helpers (e.g. __name) cannot leak into it. Each habit
// done or skipped on the day, and two app launches, written as the app's own event rows.
const ADD_DAY = `async ({ day, ids, n }) => {
  const db = await new Promise((ok, ko) => {
    const r = indexedDB.open('nudge');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  const tx = db.transaction('events', 'readwrite');
  const store = tx.objectStore('events');
  const base = Date.parse(day + 'T12:00:00Z');
  const marks = ids.map((id, k) => [(n + k) % 3 ? 'habitCompleted' : 'habitSkipped', id]);
  const rows = [['appOpened', null], ['appOpened', null], ...marks];
  rows.forEach(([type, habitId], m) => {
    const mm = String(m).padStart(2, '0');
    const at = day + 'T12:' + mm + ':00.000+00:00';
    const key = type + '|' + (habitId || '') + '|' + at + '|';
    const row = { type, t: base + m * 60000, offset: 0, day, at, habitKey: habitId || '', key };
    if (habitId) row.habitId = habitId;
    store.add(row);
  });
  await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); });
  db.close();
}`;

/**
 * Adds one day of events behind the app's back: Today can only mark today, and the nights here run ahead of the
 * device's clock. The trainer then sees exactly what a day of use leaves in the database.
 */
async function addDay(page: Page, day: string, ids: string[], n: number): Promise<void> {
  await page.evaluate(`(${ADD_DAY})(${JSON.stringify({ day, ids, n })})`);
}

/**
 * Sets Chromium's CPU throttling in every dedicated worker (the trainer): the page's own DevTools session throttles
 * only the page's main thread. Workers are reached through the browser session (Target.attachToTarget, then
 * Target.sendMessageToTarget: Playwright's sessions cannot address a child session directly).
 */
async function workerThrottle(browser: Browser): Promise<(rate: number) => Promise<void>> {
  const cdp = await browser.newBrowserCDPSession();
  let id = 0;
  return async (rate: number) => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const t of targetInfos.filter((x) => x.type === 'worker')) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      const message = JSON.stringify({ id: ++id, method: 'Emulation.setCPUThrottlingRate', params: { rate } });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message });
    }
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const { browser, page, pageErrors, close } = await openBenchApp('nudge-nightly-dist-');
  try {
    const backup = scaleBackup(HABITS, DAYS);
    const ids = backup.habits.map((h) => h.id);
    await page.evaluate(() => {
      location.hash = '#/settings';
    });
    await page.getByRole('radio', { name: /^Merge/ }).check();
    await page.getByLabel('Import backup file').setInputFiles({
      name: 'nightly.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await page.getByTestId('import-result').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
    await waitForMoment(page, 'data', 300_000);
    // The history ends yesterday (device time); the first night is today's.
    const days = backup.events.map((e) => e.day ?? e.at.slice(0, 10)).sort();
    let day = addDays(days[days.length - 1], 1);
    const first = await trainFor(page, day);
    const cdp = await page.context().newCDPSession(page);
    const throttle = await workerThrottle(browser);
    const nights: Night[] = [];
    const throttled: Night[] = [];
    for (let n = 0; n < 2 * NIGHTS; n++) {
      await addDay(page, day, ids, n);
      day = addDays(day, 1);
      const slow = n % 2 === 1; // interleaved, so both see the same machine
      if (slow) await Promise.all([cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 }), throttle(4)]);
      const night = await trainFor(page, day);
      if (slow) await Promise.all([cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }), throttle(1)]);
      (slow ? throttled : nights).push(night);
    }
    if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
    const plain = summarise(nights.map((x) => x.ms));
    const slow = summarise(throttled.map((x) => x.ms));
    const phases = (set: Night[]): Phases => {
      const of = (k: keyof Phases): number => Math.round(median(set.map((x) => x.phases[k])) * 10) / 10;
      return { read: of('read'), train: of('train'), write: of('write') };
    };
    const out = {
      scenario:
        `${HABITS} habits x ${DAYS} days (${backup.events.length} events), one new day a night, ` +
        `Chromium ${browser.version()} (headless)${smoke ? ', SMOKE run' : ''}`,
      first_ms: Math.round(first.ms),
      first_modes: first.modes,
      nightly_ms: plain.median,
      nightly_4x_ms: slow.median,
      nightly_phases_ms: phases(nights),
      nightly_4x_phases_ms: phases(throttled),
      nights: { plain: nights.map((x) => Math.round(x.ms)), throttled_4x: throttled.map((x) => Math.round(x.ms)) },
      modes: [...new Set([...nights, ...throttled].map((x) => x.modes))],
      load_average_1min: Math.round(loadavg()[0] * 100) / 100,
    };
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(JSON.stringify(out, null, 2));
      console.log(
        `nightly ${out.nightly_ms} ms (4x throttled ${out.nightly_4x_ms} ms), first after import ${out.first_ms} ms; ` +
          `phases: read ${out.nightly_phases_ms.read}, train ${out.nightly_phases_ms.train}, ` +
          `write ${out.nightly_phases_ms.write} ms`,
      );
    }
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(`browser-nightly: ERROR ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
