// The schedule form's draft: every kind round-trips, bad input gets the form's own words, and the
// heatmap draws days that were not due apart from misses.
import { describe, expect, it } from 'vitest';
import { draftOf, sameSchedule, scheduleFromDraft } from '../../../../src/app/components/scheduleDraft.ts';
import { heatmapCells } from '../../../../src/app/history/heatmapCells.ts';
import type { Schedule } from '../../../../src/habits/schedule.ts';

describe('schedule draft', () => {
  it('turns each schedule into a draft and back unchanged', () => {
    const all: Schedule[] = [
      { kind: 'daily' },
      { kind: 'weekdays', days: [2, 4] },
      { kind: 'perWeek', times: 3 },
      { kind: 'everyN', days: 10, from: '2026-01-01' },
    ];
    for (const s of all) {
      expect(scheduleFromDraft(draftOf(s, '2026-05-05'))).toEqual({ ok: true, value: s });
      expect(sameSchedule(draftOf(s, '2026-05-05'), s)).toBe(true);
    }
    // A new every-N-days rhythm starts today.
    expect(scheduleFromDraft({ ...draftOf({ kind: 'daily' }, '2026-05-05'), kind: 'everyN' })).toEqual({
      ok: true,
      value: { kind: 'everyN', days: 2, from: '2026-05-05' },
    });
  });
  it('says what is wrong in the words of the form', () => {
    const d = draftOf({ kind: 'daily' }, '2026-05-05');
    expect(scheduleFromDraft({ ...d, kind: 'weekdays', days: [] })).toEqual({
      ok: false,
      message: 'Tick at least one day of the week.',
    });
    expect(scheduleFromDraft({ ...d, kind: 'perWeek', times: '2.5' })).toMatchObject({ ok: false });
    expect(scheduleFromDraft({ ...d, kind: 'perWeek', times: '8' })).toMatchObject({
      message: 'Times a week must be a whole number from 1 to 7.',
    });
    expect(scheduleFromDraft({ ...d, kind: 'everyN', every: '1' })).toMatchObject({
      message: 'Every how many days: a whole number from 2 to 365.',
    });
  });
});

describe('heatmap cells', () => {
  it('marks empty days that were not due as rest, never as nothing recorded', () => {
    const status = new Map([['2026-03-03', 'done' as const]]);
    const cells = heatmapCells(status, '2026-03-08', '2026-03-02', {
      weeks: 1,
      schedule: { kind: 'weekdays', days: [2, 4] },
    });
    expect(cells.map((c) => c.status)).toEqual(['rest', 'done', 'rest', 'none', 'rest', 'rest', 'rest']);
    const daily = heatmapCells(status, '2026-03-08', '2026-03-03', { weeks: 1 });
    expect(daily.map((c) => c.status)).toEqual(['before', 'done', 'none', 'none', 'none', 'none', 'none']);
  });
});
