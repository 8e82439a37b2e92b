/**
 * Helpers for the loop specs (tests/e2e/loop.spec.ts) and the main-thread benchmark: emulated
 * signals (battery, visibility, no requestIdleCallback), the scheduler's timeline marks, and raw
 * reads of the app's IndexedDB that do not go through the app's code.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { pageStoreRows, type StoreName } from '../support/raw-store.ts';
import { addDays, deviceOffset, formatInstant, localDayOf } from '../../src/learn/time.ts';

/** Signals a test controls, installed before any app script runs. */
export interface EmulatedSignals {
  /** Report a battery (getBattery) with this state; null removes getBattery (like Safari). */
  battery?: { charging: boolean; level: number } | null;
  /** Remove requestIdleCallback (like Safari), so the quiet-spell fallback runs. */
  noIdleCallback?: boolean;
  /** Make document.visibilityState controllable with window.__setVisibility('hidden' | 'visible'). */
  visibility?: 'visible' | 'hidden';
}

/** Installs the emulated signals into every page of the context. */
export async function emulateSignals(context: BrowserContext, s: EmulatedSignals): Promise<void> {
  await context.addInitScript((s: EmulatedSignals) => {
    const w = window as unknown as Record<string, unknown>;
    if (s.battery === null) {
      Object.defineProperty(navigator, 'getBattery', { value: undefined, configurable: true });
    } else if (s.battery) {
      const state = { ...s.battery };
      const bm = new EventTarget();
      Object.defineProperty(bm, 'charging', { get: () => state.charging });
      Object.defineProperty(bm, 'level', { get: () => state.level });
      Object.defineProperty(navigator, 'getBattery', { value: () => Promise.resolve(bm), configurable: true });
      w.__setCharging = (charging: boolean) => {
        state.charging = charging;
        bm.dispatchEvent(new Event('chargingchange'));
      };
    }
    if (s.noIdleCallback) w.requestIdleCallback = undefined;
    if (s.visibility) {
      let vis = s.visibility;
      Object.defineProperty(document, 'visibilityState', { get: () => vis, configurable: true });
      Object.defineProperty(document, 'hidden', { get: () => vis === 'hidden', configurable: true });
      w.__setVisibility = (v: 'visible' | 'hidden') => {
        vis = v;
        document.dispatchEvent(new Event('visibilitychange'));
      };
    }
  }, s);
}

/** The scheduler's decisions so far, from its timeline marks: `nudge:moment:<cause>:<trigger>:<habits>`. */
export async function moments(page: Page): Promise<{ cause: string; trigger: string; habits: number }[]> {
  const names = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  return names
    .filter((n) => n.startsWith('nudge:moment:'))
    .map((n) => {
      const [, , cause, trigger, habits] = n.split(':');
      return { cause, trigger, habits: Number(habits) };
    });
}

/** Waits until the scheduler has decided on a moment of this cause (launch, return, charging ...). */
export async function waitForMoment(
  page: Page,
  cause: string,
  timeout = 20_000,
): Promise<{ trigger: string; habits: number }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const m = (await moments(page)).find((x) => x.cause === cause);
    if (m) return { trigger: m.trigger, habits: m.habits };
    if (Date.now() > deadline) {
      const started = await page.evaluate(() => 'nudgeDebug' in window);
      if (!started)
        throw new Error(
          'the scheduler is not running in this build: ' +
            'src/app/boot.ts must call startScheduler() from src/autotrain/start.ts',
        );
      throw new Error(
        `the scheduler made no "${cause}" decision within ${timeout} ms; marks: ${JSON.stringify(await moments(page))}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

/** A training run as stored, the fields the tests look at. */
export interface RunRow {
  id: number;
  habitId: string;
  trigger: string;
  promoted: boolean;
  checkpointVersion: number | null;
  reason: string;
  durationMs: number;
}
/** A checkpoint as stored, summarised (the weights as a fingerprint). */
export interface CheckpointSummary {
  id: number;
  habitId: string;
  version: number;
  active: number;
  fingerprint: string;
}
/** A prediction as stored. */
export interface PredictionRow {
  habitId: string;
  day: string;
  p: number;
  source: string;
  modelVersion: number | null;
  computedAt: number;
}

/** All rows of one store of the app's database, read with raw IndexedDB (not the app's code). */
export async function storeRows<T>(page: Page, store: StoreName): Promise<T[]> {
  return (await page.evaluate(pageStoreRows, store)) as T[];
}

/** Clicks "Try with a sample history" on Today and waits for its habits. */
export async function addSampleHistory(page: Page): Promise<string[]> {
  await page.goto('./#/today');
  await page.getByRole('button', { name: 'Try with a sample history' }).click();
  await page.getByTestId('habit-row').first().waitFor();
  const habits = await storeRows<{ id: string }>(page, 'habits');
  return habits.map((h) => h.id).sort();
}

/** A backup file of `habits` habits over `days` days up to yesterday, with weekly and sticky rhythms. */
export function longBackup(habits: number, days: number): string {
  const now = Date.now();
  const off = deviceOffset(new Date(now));
  const today = localDayOf(now, off);
  const start = addDays(today, -days);
  const at = (day: string, hhmm: string): string =>
    formatInstant(Date.parse(`${day}T${hhmm}:00.000Z`) - off * 60_000, off);
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const events: object[] = [];
  const list = Array.from({ length: habits }, (_, h) => ({
    id: `habit-${h + 1}`,
    name: `Habit ${h + 1}`,
    createdAt: at(start, '07:00'),
    archivedAt: null,
  }));
  const prev = new Array<boolean>(habits).fill(false);
  for (let i = 0; i < days; i++) {
    const day = addDays(start, i);
    events.push({ type: 'appOpened', at: at(day, '08:00') });
    list.forEach((h, k) => {
      const weekday = (i + k) % 7;
      const p = weekday < 5 ? (prev[k] ? 0.85 : 0.55) : 0.2;
      prev[k] = rand() < p;
      if (prev[k])
        events.push({ type: 'habitCompleted', habitId: h.id, at: at(day, `${String(18 + k).padStart(2, '0')}:30`) });
    });
  }
  return JSON.stringify({
    app: 'nudge',
    kind: 'backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    timeZone: 'UTC',
    habits: list,
    events,
  });
}

/** Imports a backup through Settings (the person's own path), merging into what is there or replacing it. */
export async function importThroughSettings(
  page: Page,
  text: string,
  mode: 'Merge' | 'Replace' = 'Merge',
): Promise<void> {
  await page.goto('./#/settings');
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page
    .getByLabel('Import backup file')
    .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  if (mode === 'Replace') await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await page.getByTestId('import-result').filter({ hasText: 'Imported' }).waitFor({ timeout: 60_000 });
}
