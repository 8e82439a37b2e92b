// A small valid backup (DESIGN.md's example plus a marked day, a trip, an archived habit and schedules).
import type { BackupFile } from '../../../src/data/backup/backup-file.ts';

/** A fresh copy of a valid v2 backup each call (tests mutate it). */
export function sampleBackup(): BackupFile {
  return {
    app: 'nudge',
    kind: 'backup',
    version: 2,
    exportedAt: '2026-11-24T07:00:00.000Z',
    timeZone: 'Europe/Paris',
    habits: [
      {
        id: 'read',
        name: 'Read 10 pages',
        createdAt: '2026-01-01T08:00:00.000+01:00',
        archivedAt: null,
        reminderTime: '21:00',
        color: '#3a7bd5',
        order: 0,
        schedule: { kind: 'daily' },
      },
      {
        id: 'run',
        name: 'Run <b>fast</b>',
        createdAt: '2026-01-02T07:00:00.000+01:00',
        archivedAt: '2026-02-01T10:00:00.000+01:00',
        reminderTime: null,
        color: null,
        order: 1,
        schedule: { kind: 'perWeek', times: 3 },
      },
    ],
    events: [
      { type: 'appOpened', at: '2026-01-01T08:00:00.000+01:00' },
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-01T21:40:00.000+01:00' },
      { type: 'habitSkipped', habitId: 'read', at: '2026-01-02T22:10:00.000+01:00' },
      { type: 'habitCompleted', habitId: 'run', at: '2026-01-03T07:10:00.000+01:00' },
      { type: 'reminderTapped', habitId: 'read', at: '2026-01-03T20:00:00.000+01:00' },
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-05T09:00:00.000+01:00', day: '2026-01-04' },
      { type: 'habitCompleted', habitId: 'read', at: '2026-01-05T23:50:00.000-05:00' },
    ],
  };
}

/** The same data as a version-1 file, written before schedules existed. */
export function sampleBackupV1(): BackupFile {
  const b = sampleBackup();
  b.version = 1;
  for (const h of b.habits) delete h.schedule;
  return b;
}
