/**
 * Backups through Settings: import (merge twice: the second adds nothing), export (the downloaded file's content
 * compared with what was imported), replace after a confirmation, and a bad file refused with its problems.
 */
import assert from 'node:assert/strict';
import { inside, label, role, testId } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { addHabit, habitRow, importBackup, openScreen, openToday, TRACKING_BACKUP } from './steps.ts';

interface BackupEvent {
  type: string;
  habitId?: string;
  at: string;
  day?: string;
}
interface Backup {
  app: string;
  kind: string;
  version: number;
  habits: { id: string; name: string; createdAt: string; archivedAt: string | null }[];
  events: BackupEvent[];
}

const eventKey = (e: BackupEvent) => `${e.type}|${e.habitId ?? ''}|${e.at}|${e.day ?? ''}`;
// Launches during the journey add appOpened events of their own; every other event must be exactly the file's.
const habitEvents = (b: Backup) =>
  b.events
    .filter((e) => e.type !== 'appOpened')
    .map(eventKey)
    .sort();
const habitCore = (b: Backup) =>
  b.habits
    .map((h) => ({ id: h.id, name: h.name, createdAt: h.createdAt, archivedAt: h.archivedAt }))
    .sort((x, y) => x.id.localeCompare(y.id));

export default {
  journeys: [
    {
      name: 'import merges a backup (twice adds nothing) and the exported file holds the same habits and events',
      async run(d) {
        const fixture = JSON.parse(TRACKING_BACKUP.text) as Backup;
        await importBackup(d, TRACKING_BACKUP);
        await expectThat(d, testId('import-result')).toContainText(`${fixture.events.length} events added`);
        await importBackup(d, TRACKING_BACKUP);
        await expectThat(d, testId('import-result')).toContainText('0 events added');
        await openToday(d);
        await expectThat(d, habitRow('Read 10 pages')).toBeVisible();
        await expectThat(d, habitRow('Stretch')).toHaveCount(0); // archived in the file

        await openScreen(d, '#/settings', 'Settings');
        const file = await d.download(() => d.click(role('button', 'Export backup')));
        assert.match(file.name, /^nudge-backup-\d{4}-\d{2}-\d{2}\.json$/);
        const exported = JSON.parse(file.text) as Backup;
        assert.deepEqual([exported.app, exported.kind, exported.version], ['nudge', 'backup', 2]);
        assert.deepEqual(habitCore(exported), habitCore(fixture));
        assert.deepEqual(habitEvents(exported), habitEvents(fixture));
        const exportedKeys = new Set(exported.events.map(eventKey));
        assert.deepEqual(
          fixture.events.filter((e) => !exportedKeys.has(eventKey(e))),
          [],
          'every event of the file is exported',
        );
        await expectThat(d, testId('toast')).toContainText(/^Backup saved: 3 habits, \d+ events\./);
      },
    },
    {
      name: 'replace asks first; confirmed, it swaps everything on the device for the file',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Only here');
        await openScreen(d, '#/settings', 'Settings');
        await d.click(role('radio', /^Replace/));
        await d.upload(label('Import backup file'), TRACKING_BACKUP);
        const question = role('dialog', 'Replace all data?');
        await expectThat(d, question).toContainText(TRACKING_BACKUP.name);
        await d.click(inside(question, role('button', 'Cancel')));
        await expectThat(d, question).toHaveCount(0);
        await openToday(d);
        await expectThat(d, habitRow('Only here')).toBeVisible();

        await importBackup(d, TRACKING_BACKUP, 'Replace');
        await openToday(d);
        await expectThat(d, habitRow('Only here')).toHaveCount(0);
        await expectThat(d, habitRow('Read 10 pages')).toBeVisible();
        await expectThat(d, habitRow('Evening walk')).toBeVisible();
      },
    },
    {
      name: 'a bad backup file is refused with the place of each problem, and nothing changes',
      async run(d) {
        await openToday(d);
        await addHabit(d, 'Keep me');
        const bad = JSON.parse(TRACKING_BACKUP.text) as Backup;
        bad.events[3].at = '2026-09-02T21:40:00'; // no offset
        bad.events[5].habitId = 'nobody';
        await openScreen(d, '#/settings', 'Settings');
        await d.click(role('radio', /^Replace/));
        await d.upload(label('Import backup file'), { name: 'bad.json', text: JSON.stringify(bad) });
        await d.click(inside(role('dialog', 'Replace all data?'), role('button', 'Replace')));
        const result = inside(testId('import-result'), role('alert'));
        await expectThat(d, result).toContainText('Nothing was imported: bad.json has 2 problems');
        await expectThat(d, result).toContainText('events[3].at');
        await expectThat(d, result).toContainText('events[5].habitId');
        await openToday(d);
        await expectThat(d, habitRow('Keep me')).toBeVisible();
        await expectThat(d, testId('habit-row')).toHaveCount(1);
      },
    },
  ],
} satisfies JourneyFile;
