/**
 * The Loop Habit Tracker import through Settings: the CSV zip, and the SQLite backup (sql.js's WebAssembly under the
 * app's CSP), each previewed (habits, archived, what was converted) and merged; Today and History then show the
 * imported streaks, schedules and rest days. The CSV zip of a history already imported adds nothing; a file that is
 * not a Loop export is refused by name; the .db import works with the server gone (sql.js and its .wasm precached).
 */
import { addDays } from '../../src/learn/time.ts';
import { sampleLoop } from '../fixtures/loop/sample.ts';
import { loopCsvZip, loopDatabase } from '../support/loop-export.ts';
import { css, type Driver, inside, label, role, testId, type UploadFile } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import {
  addHabit,
  browserToday,
  habitRow,
  openScreen,
  openToday,
  screenHeading,
  serverGone,
  untilServiceWorkerControls,
} from './steps.ts';

/** sql.js and a large import can take a while on a busy machine. */
const IMPORT_MS = 60_000;
const result = testId('loop-result');

/** Loop's CSV zip of the sample history (its last day yesterday), as a file to choose. */
const csvZip = (today: string, name: string): UploadFile => ({
  name,
  text: '',
  bytes: loopCsvZip(sampleLoop(addDays(today, -1))),
});

/** Loop's database backup of the sample history (its last day yesterday), as a file to choose. */
const database = async (today: string, name: string): Promise<UploadFile> => ({
  name,
  text: '',
  bytes: await loopDatabase(sampleLoop(addDays(today, -1))),
});

/** Chooses a Loop export in Settings, checks the preview (habits, schedules, what was converted), and merges it. */
async function importLoop(d: Driver, file: UploadFile): Promise<void> {
  await openScreen(d, '#/settings', 'Settings');
  await d.upload(label('Loop export file'), file);
  await expectThat(d, testId('loop-preview'), IMPORT_MS).toContainText('6 habits (1 archived)');
  const habits = testId('loop-habits');
  await expectThat(d, habits).toContainText('Call grandma: every 3 days');
  await expectThat(d, habits).toContainText('Old Spanish lessons: 5 times a week (archived)');
  await expectThat(d, testId('loop-notes')).toContainText(
    'Old Spanish lessons: 2 times in 3 days became 5 times a week',
  );
  await d.click(role('button', 'Import: add to what is here'));
  await expectThat(d, result, IMPORT_MS).toContainText(`Imported ${file.name} (merge): 6 habits added`);
}

/** Today and History after the sample history was imported: streaks, schedules and rest days. */
async function expectImportedHistory(d: Driver, today: string): Promise<void> {
  await openToday(d);
  // Méditer: 19 yeses ending yesterday, a skip and an explicit NO (both skips) bridging.
  await expectThat(d, inside(habitRow('Méditer 🧘'), testId('habit-streak'))).toHaveText('19 days streak');
  const gym = habitRow('Gym, weights');
  await expectThat(d, inside(gym, testId('habit-schedule'))).toHaveText('3 times a week');
  await expectThat(d, inside(gym, testId('habit-week'))).toContainText('of 3 this week');
  // Every 3 days from yesterday: today is a rest day, listed after the due habits, with nothing to skip.
  const grandma = habitRow('Call grandma');
  await expectThat(d, inside(grandma, testId('habit-state'))).toHaveText('Not due today');
  await expectThat(d, grandma).toHaveAttribute('data-due', 'no');
  await expectThat(d, inside(grandma, role('button', /^Skip\b/))).toHaveCount(0);
  await expectThat(d, inside(grandma, role('button', /^Done\b/))).toBeVisible();
  await expectThat(d, testId('habit-row', { nth: -1 })).toHaveAttribute('data-due', 'no');
  await expectThat(d, habitRow('Old Spanish lessons')).toHaveCount(0); // archived in Loop

  await d.click(inside(grandma, role('link', 'Call grandma')));
  await expectThat(d, screenHeading('History: Call grandma')).toBeVisible();
  await expectThat(d, testId('history-schedule')).toHaveText('Schedule: Every 3 days');
  await expectThat(d, testId('current-streak')).toHaveText('4 days');
  // The two days between due days are not due: drawn apart, never as misses.
  const cell = (day: string) => inside(testId('heatmap'), css(`[data-day="${day}"]`));
  await expectThat(d, cell(addDays(today, -2))).toHaveAttribute('data-status', 'rest');
  await expectThat(d, cell(addDays(today, -4))).toHaveAttribute('data-status', 'done');
  await d.select(role('combobox', 'Habit'), 'Gym, weights');
  await expectThat(d, screenHeading('History: Gym, weights')).toBeVisible();
  await expectThat(d, testId('history-schedule')).toHaveText('Schedule: 3 times a week');
  await expectThat(d, testId('history-rate', { nth: 0 })).toContainText('weeks met');
}

export default {
  journeys: [
    {
      name: "Loop's CSV zip imports through Settings: a preview, then Today's and History's streaks and rest days",
      timeoutMs: 150_000,
      async run(d) {
        await openToday(d);
        const today = await browserToday(d);
        await importLoop(d, csvZip(today, 'Loop Habits CSV 2026-03-19.zip'));
        await expectImportedHistory(d, today);
      },
    },
    {
      name: "Loop's SQLite backup imports the same with reminders (sql.js); its CSV zip then adds nothing",
      timeoutMs: 150_000,
      async run(d) {
        await openToday(d);
        const today = await browserToday(d);
        await importLoop(d, await database(today, 'Loop Habits Backup 2026-03-19 101010.db'));
        await expectImportedHistory(d, today);
        await openToday(d);
        await expectThat(d, habitRow('Méditer 🧘')).toContainText('Reminder 07:30');
        await openScreen(d, '#/settings', 'Settings');
        await d.upload(label('Loop export file'), csvZip(today, 'again.zip'));
        await d.click(role('button', 'Import: add to what is here'));
        await expectThat(d, result, IMPORT_MS).toContainText('0 habits added, 0 events added');
      },
    },
    {
      name: 'a file that is not a Loop export is refused, naming it, and nothing changes',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Keep me');
        await openScreen(d, '#/settings', 'Settings');
        // An empty zip: only the end-of-central-directory record.
        const emptyZip = new Uint8Array(22);
        emptyZip.set([0x50, 0x4b, 0x05, 0x06]);
        await d.upload(label('Loop export file'), { name: 'photos.zip', text: '', bytes: emptyZip });
        await expectThat(d, result).toContainText(
          'photos.zip: this zip is not a Loop Habit Tracker export: it has no Habits.csv',
        );
        await expectThat(d, testId('loop-preview')).toHaveCount(0);
        await openToday(d);
        await expectThat(d, testId('habit-row')).toHaveCount(1);
        await expectThat(d, habitRow('Keep me')).toBeVisible();
      },
    },
    {
      name: 'the Loop database import works with the server stopped once the app is installed (sql.js precached)',
      timeoutMs: 150_000,
      async run(d) {
        await openToday(d);
        await untilServiceWorkerControls(d);
        const today = await browserToday(d);
        const file = await database(today, 'Loop Habits Backup offline.db');
        await serverGone(d);
        await d.reload();
        await expectThat(d, screenHeading('Today')).toBeVisible();
        await importLoop(d, file);
        await openToday(d);
        await expectThat(d, inside(habitRow('Méditer 🧘'), testId('habit-streak'))).toHaveText('19 days streak');
      },
    },
  ],
} satisfies JourneyFile;
