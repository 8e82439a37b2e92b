/**
 * The habit tracker in a real browser (issue 3): habits, Done/Skip/Undo surviving reloads,
 * archive/restore, import through the UI, export compared with the imported file, the sample
 * history, names rendered as text, and the speed of Today with 5 habits x 5 years of events
 * (measured and reported, never asserted: timing assertions make flaky tests).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { loadTodayOnce, observeTodayRows, type TodayLoad } from '../support/today-render.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/tracking-backup.json', import.meta.url));

interface BackupHabit { id: string; name: string; createdAt: string; archivedAt: string | null }
interface BackupEvent { type: string; habitId?: string; at: string; day?: string }
interface Backup { app: string; kind: string; version: number; exportedAt?: string; timeZone?: string; habits: BackupHabit[]; events: BackupEvent[] }

function row(page: Page, name: string): Locator {
  return page.getByTestId('habit-row').filter({ hasText: name });
}

async function openToday(page: Page): Promise<void> {
  await page.goto('./#/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 2, exact: true })).toBeVisible();
}

async function addHabit(page: Page, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a habit' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add habit' }).click();
  await expect(row(page, name)).toBeVisible();
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, mode: 'Merge' | 'Replace' = 'Merge') {
  await page.goto('./#/settings');
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByLabel('Import backup file').setInputFiles(file);
  if (mode === 'Replace') await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Imported', { timeout: 60_000 });
}

const eventKey = (e: BackupEvent) => `${e.type}|${e.habitId ?? ''}|${e.at}|${e.day ?? ''}`;

test('a habit marked done stays done after a reload; undo clears it', async ({ page }) => {
  await openToday(page);
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await addHabit(page, 'Drink water');
  const r = row(page, 'Drink water');
  await expect(r).toHaveAttribute('data-state', 'open');
  await r.getByRole('button', { name: /^Done/ }).click();
  await expect(r).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('today-summary')).toHaveText('1 of 1 done today');
  await expect(r.getByTestId('habit-streak')).toHaveText('1 day streak');

  await page.reload();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');

  // Undo from the row deletes the event.
  await row(page, 'Drink water').getByRole('button', { name: /^Undo/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');
  // Skip, then Undo from the toast.
  await row(page, 'Drink water').getByRole('button', { name: /^Skip/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'skipped');
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');
  await page.reload();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');

  // A double tap (two clicks before the row re-renders) records one completion: one Undo clears it.
  await row(page, 'Drink water').getByRole('button', { name: /^Done/ }).evaluate((b: HTMLElement) => {
    b.click();
    b.click();
  });
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'done');
  await row(page, 'Drink water').getByRole('button', { name: /^Undo/ }).click();
  await expect(row(page, 'Drink water')).toHaveAttribute('data-state', 'open');
});

test('a past day can be marked and counts for that day, not for today', async ({ page }) => {
  await openToday(page);
  await importFile(page, FIXTURE);
  await openToday(page);
  await page.getByText('Mark a past day').click();
  const form = page.locator('details.past-day');
  await form.getByLabel('Habit').selectOption({ label: 'Evening walk' });
  await expect(form.getByLabel('Day')).toHaveValue(await page.evaluate(() => {
    const d = new Date(Date.now() - 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }));
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByTestId('past-status')).toHaveText('Yesterday: done');
  await expect(row(page, 'Evening walk')).toHaveAttribute('data-state', 'open');
  await page.reload();
  await page.getByText('Mark a past day').click();
  await form.getByLabel('Habit').selectOption({ label: 'Evening walk' });
  await expect(page.getByTestId('past-status')).toHaveText('Yesterday: done');
  await expect(row(page, 'Evening walk').getByTestId('habit-streak')).toHaveText('1 day streak');
});

test('archive takes a habit off Today and restore brings it back', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Stretch');
  await addHabit(page, 'Journal');
  await page.getByRole('link', { name: /Manage habits/ }).click();
  await page.getByRole('button', { name: 'Archive Stretch' }).click();
  await expect(page.getByTestId('archived-list')).toContainText('Stretch');
  await openToday(page);
  await expect(row(page, 'Journal')).toBeVisible();
  await expect(row(page, 'Stretch')).toHaveCount(0);
  await page.goto('./#/habits');
  await page.getByTestId('archived-list').getByRole('button', { name: 'Restore Stretch' }).click();
  await expect(page.getByRole('button', { name: 'Restore Stretch' })).toHaveCount(0);
  await openToday(page);
  await expect(row(page, 'Stretch')).toBeVisible();
});

test('reorder, rename and delete with a confirmation dialog', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'First');
  await addHabit(page, 'Second');
  await page.goto('./#/habits');
  await page.getByRole('button', { name: 'Move Second up' }).click();
  // The move is saved once the list shows it; leaving before that (page.goto is a new document here,
  // the address carries ?kept=1) would abort the write with the page.
  await expect(page.getByTestId('habit-editor').first()).toContainText('Second');
  await openToday(page);
  await expect(page.getByTestId('habit-row').first()).toContainText('Second');

  await page.goto('./#/habits');
  const editor = page.getByTestId('habit-editor').filter({ has: page.getByRole('button', { name: 'Delete First' }) });
  await editor.getByLabel('Name').fill('x'.repeat(61));
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(editor.getByRole('alert')).toContainText('61 characters, the limit is 60');
  await editor.getByLabel('Name').fill('First, renamed');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByTestId('toast')).toContainText('Saved');

  await page.getByRole('button', { name: 'Delete Second' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this habit?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete Second' }).click();
  await dialog.getByRole('button', { name: 'Delete habit' }).click();
  await expect(page.getByRole('button', { name: 'Delete Second' })).toHaveCount(0);
  await openToday(page);
  await expect(page.getByTestId('habit-row')).toHaveCount(1);
  await expect(row(page, 'First, renamed')).toBeVisible();
});

test('an imported backup shows its history, and export gives back the same habits and events', async ({ page }) => {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Backup;
  await openToday(page);
  await importFile(page, FIXTURE);
  await expect(page.getByTestId('import-result')).toContainText(`${fixture.events.length} events added`);

  // Importing the same file again adds nothing.
  await importFile(page, FIXTURE);
  await expect(page.getByTestId('import-result')).toContainText('0 events added');

  await page.goto('./#/history/read');
  await expect(page.getByRole('heading', { name: 'History: Read 10 pages' })).toBeVisible();
  // Sep 1-14 with one skip (skips bridge, do not count) and a gap on Sep 15.
  await expect(page.getByTestId('best-streak')).toHaveText('13 days');
  await expect(page.getByTestId('recent-events').locator('li').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Habit' }).selectOption('walk');
  await expect(page.getByRole('heading', { name: 'History: Evening walk' })).toBeVisible();
  await expect(page.getByTestId('best-streak')).toHaveText('6 days');
  await expect(page.getByTestId('recent-events')).toContainText('marked later');
  await openToday(page);
  await expect(row(page, 'Read 10 pages')).toBeVisible();
  await expect(row(page, 'Stretch')).toHaveCount(0); // archived in the file

  await page.goto('./#/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  expect(download.suggestedFilename()).toMatch(/^nudge-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Backup;
  expect([exported.app, exported.kind, exported.version]).toEqual(['nudge', 'backup', 1]);
  const core = (h: BackupHabit) => ({ id: h.id, name: h.name, createdAt: h.createdAt, archivedAt: h.archivedAt });
  expect(exported.habits.map(core).sort((a, b) => a.id.localeCompare(b.id))).toEqual(fixture.habits.map(core).sort((a, b) => a.id.localeCompare(b.id)));
  // Habit events are exactly the file's; app launches during the test add appOpened events only.
  const habitEvents = (b: Backup) => b.events.filter((e) => e.type !== 'appOpened').map(eventKey).sort();
  expect(habitEvents(exported)).toEqual(habitEvents(fixture));
  const exportedKeys = new Set(exported.events.map(eventKey));
  expect(fixture.events.filter((e) => !exportedKeys.has(eventKey(e)))).toEqual([]);
});

test('a bad backup file is refused with the place of each problem, and nothing changes', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Keep me');
  const bad = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Backup;
  bad.events[3].at = '2026-09-02T21:40:00'; // no offset
  bad.events[5].habitId = 'nobody';
  await page.goto('./#/settings');
  await page.getByRole('radio', { name: /^Replace/ }).check();
  await page.getByLabel('Import backup file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Nothing was imported');
  await expect(result).toContainText('events[3].at');
  await expect(result).toContainText('events[5].habitId');
  await openToday(page);
  await expect(row(page, 'Keep me')).toBeVisible();
  await expect(page.getByTestId('habit-row')).toHaveCount(1);
});

test('the sample history appears and is removed in one tap', async ({ page }) => {
  await openToday(page);
  await page.getByRole('button', { name: 'Try with a sample history' }).click();
  await expect(page.getByTestId('habit-row').nth(1)).toBeVisible();
  const first = page.getByTestId('habit-row').first();
  const id = await first.getAttribute('data-habit-id');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/history/${id}$`));
  // 90+ days of history: the heatmap shows many done days.
  const doneCells = await page.locator('[data-testid=heatmap] rect[data-status=done]').count();
  expect(doneCells).toBeGreaterThan(30);
  await openToday(page);
  await page.getByRole('button', { name: 'Remove sample history' }).click();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await expect(page.getByTestId('habit-row')).toHaveCount(0);
});

test('a habit name is shown as text, never as HTML', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)>';
  await openToday(page);
  await addHabit(page, evil);
  await expect(row(page, evil).getByRole('heading')).toHaveText(evil);
  await page.goto('./#/history');
  await expect(page.getByRole('heading', { name: `History: ${evil}` })).toBeVisible();
  await page.goto('./#/habits');
  await openToday(page);
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('delete all data asks first, then empties the app; storage status is shown', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Temporary');
  await page.goto('./#/settings');
  await expect(page.getByTestId('persisted')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await openToday(page);
  await expect(row(page, 'Temporary')).toBeVisible();
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('toast')).toContainText('deleted');
  await openToday(page);
  await expect(page.getByTestId('today-empty')).toBeVisible();
  // Deleting on purpose is not an eviction: the next launch says nothing about lost data.
  await page.reload();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await expect(page.getByTestId('eviction-banner')).toHaveCount(0);
});

test('when the browser throws the database away, the next launch says so plainly', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Read');
  await expect(page.getByTestId('eviction-banner')).toHaveCount(0);
  // Delete the database underneath the app, as a browser wiping site data would. The app's open
  // connection gets a versionchange and the app reloads itself (boot.ts); its new connection
  // waits for the deletion, and the launch check finds the data gone.
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => {
    indexedDB.deleteDatabase('nudge');
  });
  await reloaded;
  await expect(page.getByTestId('eviction-banner')).toBeVisible();
  await expect(page.getByTestId('eviction-banner')).toContainText('restore it in Settings');
  await expect(page.getByTestId('habit-row')).toHaveCount(0);
});

test('a wipe of every storage at once (Safari 7-day cap) is still noticed through the address flag', async ({ page }) => {
  await openToday(page);
  await addHabit(page, 'Read');
  await expect(page).toHaveURL(/[?&]kept=1/);
  // Safari clears IndexedDB and Cache Storage together, so the Cache Storage marker goes too.
  const reloaded = page.waitForEvent('load');
  await page.evaluate(async () => {
    await caches.delete('nudge-marker-v1');
    indexedDB.deleteDatabase('nudge');
  });
  await reloaded;
  await expect(page.getByTestId('eviction-banner')).toBeVisible();
  await expect(page.getByTestId('habit-row')).toHaveCount(0);
});

test('the screens have no serious accessibility violations (axe), in light and dark', async ({ page }) => {
  test.setTimeout(180_000); // eight axe runs on a shared 2-core machine
  await openToday(page);
  await page.getByRole('button', { name: 'Try with a sample history' }).click();
  await expect(page.getByTestId('habit-row').nth(1)).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const hash of ['#/today', '#/history', '#/habits', '#/settings']) {
      await page.goto(`./${hash}`);
      await expect(page.locator('main h2').first()).toBeVisible();
      await page.waitForTimeout(300); // let live queries settle so the whole screen is checked
      const { violations } = await new AxeBuilder({ page }).include('main').analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${scheme} ${hash}: ${v.id} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
  }
});

test('Today with 5 habits x 5 years of events: first render and tap feedback (measured, reported)', async ({ page }) => {
  test.setTimeout(240_000);
  if (process.env.UI_PERF_DEBUG) page.on('console', (m) => m.text().includes('[ui-perf]') && console.log(m.text()));
  const offsetMin = -new Date().getTimezoneOffset() || 0;
  const history = generateLongHistory({ habits: 5, years: 5, offsetMin });
  const upload = (b: Backup, name: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(b)) });

  // An observer installed before the app's scripts notes when all five rows are in the DOM.
  await page.addInitScript({ content: observeTodayRows(5) });
  const measureLoads = async (n: number) => {
    const loads: TodayLoad[] = [];
    for (let i = 0; i < n; i++) {
      await page.goto('./#/today');
      loads.push(await loadTodayOnce(page));
    }
    return loads;
  };

  // A tap (Done, then Undo, per habit), from the click's dispatch to (a) the row showing the new
  // state (data-shown-state: the feedback) and (b) the stored state (data-state: the write is
  // committed and Today re-read it from IndexedDB).
  const measureTaps = async () => {
    const taps: { feedback: number; stored: number }[] = [];
    const ids = await page.getByTestId('habit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-habit-id')!));
    for (const id of ids) {
      for (const [label, want] of [['Done', 'done'], ['Undo', null]] as const) {
        taps.push(
          await page.evaluate(
            ({ id, label, want }) =>
              new Promise<{ feedback: number; stored: number }>((resolve, reject) => {
                const find = () => document.querySelector(`[data-habit-id="${CSS.escape(id)}"][data-testid=habit-row]`);
                const before = find()!.getAttribute('data-state');
                const btn = [...find()!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(label));
                if (!btn) return reject(new Error(`no ${label} button on ${id} (state ${before})`));
                let feedback = Number.NaN;
                const t0 = performance.now();
                const check = () => {
                  const el = find();
                  const shown = el?.getAttribute('data-shown-state');
                  const stored = el?.getAttribute('data-state');
                  if (Number.isNaN(feedback) && shown !== before && (want === null || shown === want)) feedback = performance.now() - t0;
                  if (stored !== before && (want === null || stored === want)) {
                    obs.disconnect();
                    resolve({ feedback: Number.isNaN(feedback) ? performance.now() - t0 : feedback, stored: performance.now() - t0 });
                  }
                };
                const obs = new MutationObserver(check);
                obs.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state', 'data-shown-state'] });
                btn.click();
                check();
              }),
            { id, label, want },
          ),
        );
      }
    }
    return taps;
  };

  // Baseline on the same (shared, loaded) machine: the same five habits without any history, so
  // the difference is what the 5 years cost.
  await openToday(page);
  await importFile(page, upload({ ...history, events: [] }, 'empty.json'), 'Replace');
  const baseline = await measureLoads(5);
  const baselineTaps = await measureTaps();
  await importFile(page, upload(history, 'long.json'), 'Replace');
  const loads = await measureLoads(5);

  // The 500-day streak runs far past Today's 14-day window: the older part is read separately.
  await expect(page.locator('[data-habit-id=h0]').getByTestId('habit-streak')).toHaveText('500 days streak');
  await expect(page.locator('[data-habit-id=h1]').getByTestId('habit-streak')).not.toContainText('or more');

  const taps = await measureTaps();
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const report = {
    events: history.events.length,
    baselineNoHistoryFromAppStartMs: baseline.map((l) => Math.round(l.fromAppStart)),
    medianBaselineFromAppStartMs: Math.round(median(baseline.map((l) => l.fromAppStart))),
    medianBaselineTapFeedbackMs: Math.round(median(baselineTaps.map((t) => t.feedback))),
    medianBaselineTapStoredMs: Math.round(median(baselineTaps.map((t) => t.stored))),
    firstRenderFromNavigationMs: loads.map((l) => Math.round(l.fromNavigation)),
    medianFirstRenderFromNavigationMs: Math.round(median(loads.map((l) => l.fromNavigation))),
    firstRenderFromAppStartMs: loads.map((l) => Math.round(l.fromAppStart)),
    medianFirstRenderFromAppStartMs: Math.round(median(loads.map((l) => l.fromAppStart))),
    tapFeedbackMs: taps.map((t) => Math.round(t.feedback)),
    medianTapFeedbackMs: Math.round(median(taps.map((t) => t.feedback))),
    tapStoredMs: taps.map((t) => Math.round(t.stored)),
    medianTapStoredMs: Math.round(median(taps.map((t) => t.stored))),
  };
  console.log(`[perf] Today with ${report.events} events: ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  // Correctness only: every row rendered and every tap was reflected.
  expect(taps.length).toBe(10);
  await expect(page.getByTestId('habit-row')).toHaveCount(5);
});

/**
 * A deterministic backup with `habits` habits over `years` years up to yesterday, about 60,000
 * events for 5 x 5: 16 launches a day, and per habit a reminder shown (twice), a reminder
 * tapped some days, and done (weekly rhythm) or skipped. Habit 0 has an unbroken 500-day streak so
 * Today must widen its read window.
 */
function generateLongHistory(o: { habits: number; years: number; offsetMin: number }): Backup {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = o.offsetMin < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.floor(Math.abs(o.offsetMin) / 60))}:${pad(Math.abs(o.offsetMin) % 60)}`;
  const localMidnight = (daysAgo: number) => {
    const now = new Date(Date.now() + o.offsetMin * 60_000);
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * 86_400_000;
  };
  const iso = (dayMs: number, minute: number) => {
    const d = new Date(dayMs + minute * 60_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00.000${off}`;
  };
  const days = Math.round(o.years * 365.25);
  const habits: BackupHabit[] = Array.from({ length: o.habits }, (_, i) => ({
    id: `h${i}`,
    name: `Habit ${i + 1}`,
    createdAt: iso(localMidnight(days), 8 * 60 + i),
    archivedAt: null,
  }));
  const events: BackupEvent[] = [];
  for (let ago = days; ago >= 1; ago--) {
    const day = localMidnight(ago);
    const weekday = new Date(day).getUTCDay();
    for (let k = 0; k < 16; k++) events.push({ type: 'appOpened', at: iso(day, 7 * 60 + k * 50) });
    for (let h = 0; h < o.habits; h++) {
      const id = `h${h}`;
      events.push({ type: 'reminderShown', habitId: id, at: iso(day, 18 * 60 + h) });
      events.push({ type: 'reminderShown', habitId: id, at: iso(day, 20 * 60 + h) });
      if (rnd() < 0.3) events.push({ type: 'reminderTapped', habitId: id, at: iso(day, 20 * 60 + 5 + h) });
      if (h === 0 && ago === 501) continue; // habit 0: exactly 500 days of streak up to yesterday
      const pDone = h === 0 && ago <= 500 ? 1 : weekday === 0 || weekday === 6 ? 0.45 : 0.8;
      const r = rnd();
      if (r < pDone) events.push({ type: 'habitCompleted', habitId: id, at: iso(day, 21 * 60 + h * 3) });
      else if (r < pDone + 0.1) events.push({ type: 'habitSkipped', habitId: id, at: iso(day, 22 * 60 + h) });
    }
  }
  return { app: 'nudge', kind: 'backup', version: 1, exportedAt: new Date().toISOString(), timeZone: 'UTC', habits, events };
}
