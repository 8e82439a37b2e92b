/**
 * The Loop Habit Tracker import through Settings: the CSV zip, then the SQLite backup (sql.js's WebAssembly under
 * the app's CSP) of the same history, each previewed and merged; Today shows the imported streak and schedules.
 */
import { addDays } from '../../src/learn/time.ts';
import { sampleLoop } from '../fixtures/loop/sample.ts';
import { loopCsvZip, loopDatabase } from '../support/loop-export.ts';
import { type Driver, inside, label, role, testId, type UploadFile } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { habitRow, openScreen, openToday } from './steps.ts';

/** Yesterday in the browser, as the app computes its days. */
async function browserYesterday(d: Driver): Promise<string> {
  const today = await d.evaluate(() => {
    const t = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}`;
  });
  return addDays(today, -1);
}

/** Chooses a Loop export in Settings, checks the preview, and merges it. */
async function importLoop(d: Driver, file: UploadFile): Promise<void> {
  await openScreen(d, '#/settings', 'Settings');
  await d.upload(label('Loop export file'), file);
  await expectThat(d, testId('loop-preview'), 60_000).toContainText(/6 habits \(1 archived\)/);
  await d.click(role('button', 'Import: add to what is here'));
}

async function expectImportedToday(d: Driver): Promise<void> {
  await openToday(d);
  await expectThat(d, inside(habitRow('Méditer 🧘'), testId('habit-streak'))).toHaveText('19 days streak');
  await expectThat(d, inside(habitRow('Gym, weights'), testId('habit-schedule'))).toHaveText('3 times a week');
  await expectThat(d, inside(habitRow('Call grandma'), testId('habit-state'))).toHaveText('Not due today');
}

export default {
  journeys: [
    {
      name: "Loop's CSV zip and then its SQLite backup of the same history import through Settings",
      timeoutMs: 150_000,
      async run(d) {
        await openToday(d);
        const spec = sampleLoop(await browserYesterday(d));
        await importLoop(d, { name: 'Loop Habits CSV.zip', text: '', bytes: loopCsvZip(spec) });
        await expectThat(d, testId('loop-result'), 60_000).toContainText(/Imported .*: \d+ habits? added/);
        await expectImportedToday(d);
        await importLoop(d, { name: 'Loop Habits Backup.db', text: '', bytes: await loopDatabase(spec) });
        await expectThat(d, testId('loop-result'), 60_000).toContainText('0 habits added, 0 events added');
        await expectImportedToday(d);
      },
    },
  ],
} satisfies JourneyFile;
