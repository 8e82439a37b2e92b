// The repository: habits CRUD, event recording with local days, undo, appOpened rules.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  archiveHabit,
  createHabit,
  deleteEvent,
  deleteHabit,
  eventsForHabit,
  allEventsForLearning,
  listHabits,
  noteAppHidden,
  recordAppOpened,
  recordEvent,
  reorderHabits,
  resetLaunch,
  restoreHabit,
  updateHabit,
  getDb,
} from '../../../src/data/repo.ts';
import { ValidationError } from '../../../src/data/errors.ts';
import { at, dumpDb, freshDb } from './helpers.ts';

beforeEach(freshDb);

describe('habits', () => {
  it('creates habits with a slug id, creation day and order, and lists them in order', async () => {
    const a = await createHabit({ name: '  Read 10 pages ' }, at('2026-03-01T08:00:00+01:00'), 60);
    const b = await createHabit(
      { name: 'Éte à vélo!', reminderTime: '20:30', color: '#aabbcc' },
      at('2026-03-01T23:50:00+01:00'),
      60,
    );
    expect(a.id).toMatch(/^read-10-pages-[0-9a-z]{4}$/);
    expect(b.id).toMatch(/^ete-a-velo-[0-9a-z]{4}$/);
    expect(a).toMatchObject({
      name: 'Read 10 pages',
      createdAt: '2026-03-01T08:00:00.000+01:00',
      createdDay: '2026-03-01',
      order: 0,
      archivedAt: null,
    });
    expect(b).toMatchObject({ createdDay: '2026-03-01', order: 1, reminderTime: '20:30', color: '#aabbcc' });
    expect((await listHabits()).map((h) => h.id)).toEqual([a.id, b.id]);
  });

  it('rejects bad names, times and colours with a clear message and writes nothing', async () => {
    const before = await dumpDb();
    await expect(createHabit({ name: 'x'.repeat(83) })).rejects.toThrow(
      'Habit name is too long: 83 characters, the limit is 60',
    );
    await expect(createHabit({ name: '   ' })).rejects.toThrow('Habit name is empty');
    await expect(createHabit({ name: 'ok', reminderTime: '25:00' })).rejects.toThrow(/Reminder time must be HH:MM/);
    await expect(createHabit({ name: 'ok', color: 'red' })).rejects.toThrow(/Colour must be written #rrggbb/);
    await expect(createHabit({ name: 'a\nb' })).rejects.toBeInstanceOf(ValidationError);
    expect(await dumpDb()).toEqual(before);
  });

  it('keeps a name with HTML as plain text (the UI renders it as text)', async () => {
    const h = await createHabit({ name: '<img src=x onerror=alert(1)>' });
    expect((await listHabits())[0].name).toBe('<img src=x onerror=alert(1)>');
    expect(h.id).toMatch(/^img-src-x-onerror-alert-/);
  });

  it('renames, reorders, archives, restores', async () => {
    const a = await createHabit({ name: 'A' });
    const b = await createHabit({ name: 'B' });
    const c = await createHabit({ name: 'C' });
    await updateHabit(b.id, { name: 'Bee', color: null, reminderTime: '07:05' });
    await reorderHabits([c.id, a.id]);
    expect((await listHabits()).map((h) => h.name)).toEqual(['C', 'A', 'Bee']);
    await archiveHabit(a.id, at('2026-03-02T10:00:00Z'), 0);
    expect((await listHabits()).map((h) => h.name)).toEqual(['C', 'Bee']);
    expect((await listHabits({ includeArchived: true })).find((h) => h.id === a.id)?.archivedAt).toBe(
      '2026-03-02T10:00:00.000+00:00',
    );
    await restoreHabit(a.id);
    expect((await listHabits()).map((h) => h.name)).toEqual(['C', 'A', 'Bee']);
    await expect(updateHabit('nope', { name: 'x' })).rejects.toThrow('No habit with id "nope"');
    await expect(reorderHabits([a.id, 'ghost'])).rejects.toThrow('No habit with id "ghost"');
  });

  it('deletes a habit with its events, checkpoints, runs and prediction, leaving others', async () => {
    const a = await createHabit({ name: 'A' });
    const b = await createHabit({ name: 'B' });
    await recordEvent({ type: 'habitCompleted', habitId: a.id });
    await recordEvent({ type: 'habitCompleted', habitId: b.id });
    await recordEvent({ type: 'appOpened' });
    const db = getDb();
    await db.predictions.put({
      habitId: a.id,
      day: '2026-01-01',
      p: 0.5,
      source: 'prior',
      reasons: [],
      modelVersion: null,
      computedAt: 0,
    });
    await db.trainingRuns.add({
      habitId: a.id,
      startedAt: 1,
      durationMs: 1,
      trigger: 'manual',
      samples: 0,
      promoted: false,
      reason: 'x',
      metrics: null,
      checkpointVersion: null,
      featureVersion: 1,
    });
    await deleteHabit(a.id);
    expect((await listHabits()).map((h) => h.id)).toEqual([b.id]);
    const evs = await allEventsForLearning();
    expect(evs.map((e) => e.habitId ?? 'app').sort()).toEqual(['app', b.id]);
    expect(await db.predictions.count()).toBe(0);
    expect(await db.trainingRuns.count()).toBe(0);
  });
});

describe('events and local days', () => {
  async function dayOf(
    iso: string,
    offset: number,
    habitId: string,
    type: 'habitCompleted' | 'habitSkipped' = 'habitCompleted',
  ) {
    const ev = await recordEvent({ type, habitId }, at(iso), offset);
    return ev.day;
  }

  it('counts a completion at 23:50 local for that evening, in any zone', async () => {
    const h = await createHabit({ name: 'Read' }, at('2026-01-01T08:00:00Z'), 0);
    // 23:50 in Paris (winter, +01:00) is 22:50 UTC: still Jan 10 locally.
    expect(await dayOf('2026-01-10T22:50:00Z', 60, h.id)).toBe('2026-01-10');
    // 23:50 in New York (winter, -05:00) is 04:50 UTC the next day: still Jan 10 locally.
    expect(await dayOf('2026-01-11T04:50:00Z', -300, h.id)).toBe('2026-01-10');
    // India, +05:30: 23:50 local is 18:20 UTC.
    expect(await dayOf('2026-01-12T18:20:00Z', 330, h.id)).toBe('2026-01-12');
    // 00:10 local in India is the previous UTC evening but the next local day.
    expect(await dayOf('2026-01-12T18:40:00Z', 330, h.id)).toBe('2026-01-13');
  });

  it('follows DST changes in Europe and the US', async () => {
    const h = await createHabit({ name: 'Read' }, at('2026-01-01T08:00:00Z'), 0);
    // Europe springs forward on 2026-03-29 at 01:00 UTC: +01:00 -> +02:00.
    expect(await dayOf('2026-03-28T22:50:00Z', 60, h.id)).toBe('2026-03-28'); // 23:50 CET
    expect(await dayOf('2026-03-29T21:50:00Z', 120, h.id)).toBe('2026-03-29'); // 23:50 CEST
    expect(await dayOf('2026-03-29T22:10:00Z', 120, h.id)).toBe('2026-03-30'); // 00:10 CEST
    // Europe falls back on 2026-10-25: 23:50 CET is 22:50 UTC.
    expect(await dayOf('2026-10-25T22:50:00Z', 60, h.id)).toBe('2026-10-25');
    // The US springs forward on 2026-03-08: -05:00 -> -04:00 in New York.
    expect(await dayOf('2026-03-08T03:50:00Z', -300, h.id)).toBe('2026-03-07'); // 22:50 EST
    expect(await dayOf('2026-03-09T03:50:00Z', -240, h.id)).toBe('2026-03-08'); // 23:50 EDT
    // ... and falls back on 2026-11-01: 23:50 EST is 04:50 UTC next day.
    expect(await dayOf('2026-11-02T04:50:00Z', -300, h.id)).toBe('2026-11-01');
  });

  it('keeps each event in the zone it happened in across a trip (Paris -> New York -> Paris)', async () => {
    const h = await createHabit({ name: 'Run' }, at('2026-05-01T08:00:00+02:00'), 120);
    const e1 = await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-05-02T07:00:00+02:00'), 120);
    // Flew west: 21:00 in New York (-04:00) is 01:00 UTC on May 4, still May 3 locally.
    const e2 = await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-05-04T01:00:00Z'), -240);
    // Back home, 06:30 Paris on May 5.
    const e3 = await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-05-05T04:30:00Z'), 120);
    expect([e1.day, e2.day, e3.day]).toEqual(['2026-05-02', '2026-05-03', '2026-05-05']);
    expect([e1.at, e2.at, e3.at]).toEqual([
      '2026-05-02T07:00:00.000+02:00',
      '2026-05-03T21:00:00.000-04:00',
      '2026-05-05T06:30:00.000+02:00',
    ]);
    const learned = await allEventsForLearning();
    expect(learned.map((e) => [e.day, e.offset])).toEqual([
      ['2026-05-02', 120],
      ['2026-05-03', -240],
      ['2026-05-05', 120],
    ]);
  });

  it('uses the device offset in force at that instant when none is given (real zone rules via TZ)', async () => {
    const saved = process.env.TZ;
    try {
      const h = await createHabit({ name: 'Read' }, at('2026-01-01T08:00:00Z'), 0);
      const cases: [string, string, string, string][] = [
        // zone, UTC instant, expected at (local, with offset), expected day
        ['Europe/Paris', '2026-03-28T22:50:00Z', '2026-03-28T23:50:00.000+01:00', '2026-03-28'],
        ['Europe/Paris', '2026-03-29T21:50:00Z', '2026-03-29T23:50:00.000+02:00', '2026-03-29'],
        ['America/New_York', '2026-03-09T03:50:00Z', '2026-03-08T23:50:00.000-04:00', '2026-03-08'],
        ['America/New_York', '2026-11-02T04:50:00Z', '2026-11-01T23:50:00.000-05:00', '2026-11-01'],
        ['Asia/Kolkata', '2026-06-01T18:20:00Z', '2026-06-01T23:50:00.000+05:30', '2026-06-01'],
      ];
      for (const [zone, iso, local, day] of cases) {
        process.env.TZ = zone;
        const e = await recordEvent({ type: 'habitCompleted', habitId: h.id }, at(iso));
        expect([zone, e.at, e.day]).toEqual([zone, local, day]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('marks a past day keeping the real recording time; refuses future days and days before creation', async () => {
    const h = await createHabit({ name: 'Read' }, at('2026-01-05T08:00:00+01:00'), 60);
    const e = await recordEvent(
      { type: 'habitCompleted', habitId: h.id, day: '2026-01-06' },
      at('2026-01-07T09:15:00+01:00'),
      60,
    );
    expect(e).toMatchObject({ day: '2026-01-06', marked: true, at: '2026-01-07T09:15:00.000+01:00' });
    await expect(
      recordEvent({ type: 'habitCompleted', habitId: h.id, day: '2026-01-08' }, at('2026-01-07T09:15:00+01:00'), 60),
    ).rejects.toThrow(/in the future/);
    await expect(
      recordEvent({ type: 'habitCompleted', habitId: h.id, day: '2026-01-01' }, at('2026-01-07T09:15:00+01:00'), 60),
    ).rejects.toThrow(/was created on 2026-01-05/);
    await expect(recordEvent({ type: 'habitCompleted', habitId: h.id, day: '2026-02-30' })).rejects.toThrow(
      /real date/,
    );
    await expect(recordEvent({ type: 'habitCompleted', habitId: 'ghost' })).rejects.toThrow('No habit with id "ghost"');
    await expect(recordEvent({ type: 'habitCompleted' })).rejects.toThrow(/needs a habit/);
  });

  it('undo deletes the event; eventsForHabit filters by day', async () => {
    const h = await createHabit({ name: 'Read' }, at('2026-01-01T08:00:00Z'), 0);
    await recordEvent({ type: 'habitCompleted', habitId: h.id }, at('2026-01-02T08:00:00Z'), 0);
    const e = await recordEvent({ type: 'habitSkipped', habitId: h.id }, at('2026-01-03T08:00:00Z'), 0);
    expect((await eventsForHabit(h.id)).length).toBe(2);
    expect((await eventsForHabit(h.id, '2026-01-03')).map((x) => x.type)).toEqual(['habitSkipped']);
    await deleteEvent(e.id!);
    expect((await eventsForHabit(h.id)).map((x) => x.day)).toEqual(['2026-01-02']);
  });

  it('records the same tap twice only once (same instant, same key)', async () => {
    const h = await createHabit({ name: 'Read' });
    const now = at('2026-01-02T08:00:00Z');
    const a = await recordEvent({ type: 'habitCompleted', habitId: h.id }, now, 0);
    const b = await recordEvent({ type: 'habitCompleted', habitId: h.id }, now, 0);
    expect(b.id).toBe(a.id);
    expect((await eventsForHabit(h.id)).length).toBe(1);
  });
});

describe('appOpened', () => {
  it('records once per launch and on return only after 30 minutes away', async () => {
    const t0 = Date.parse('2026-01-02T08:00:00Z');
    expect(await recordAppOpened(new Date(t0), 0)).toBe(true); // launch
    expect(await recordAppOpened(new Date(t0 + 5 * 60_000), 0)).toBe(false); // re-render / quick return
    await noteAppHidden(new Date(t0 + 10 * 60_000));
    expect(await recordAppOpened(new Date(t0 + 30 * 60_000), 0)).toBe(false); // away 20 min
    await noteAppHidden(new Date(t0 + 31 * 60_000));
    expect(await recordAppOpened(new Date(t0 + 61 * 60_000), 0)).toBe(true); // away 30 min
    resetLaunch(); // a new launch records even soon after
    expect(await recordAppOpened(new Date(t0 + 62 * 60_000), 0)).toBe(true);
    expect((await allEventsForLearning()).filter((e) => e.type === 'appOpened').length).toBe(3);
  });
});
