// Features must come only from the past, honour local days (DST, travel, 23:50, past-day marks)
// and be built in one linear pass.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIX_NAMES } from '../../../src/learn/baselines.ts';
import {
  buildHabitSamples,
  fastDayNumber,
  featuresForDay,
  indexEvents,
  sliceSamples,
} from '../../../src/learn/dataset.ts';
import { FEATURE_NAMES, NUM_FEATURES } from '../../../src/learn/features.ts';
import { toLogEvent, type LogEvent } from '../../../src/learn/events.ts';
import { addDays, dayToNumber, numberToDay } from '../../../src/learn/time.ts';
import { describe as explainText, explainCounts } from '../../../src/learn/explain.ts';

const habit = { id: 'h', createdDay: '2026-01-01' };
const ev = (type: LogEvent['type'], at: string, habitId: string | null = 'h', day?: string): LogEvent =>
  toLogEvent({ type, habitId: type === 'appOpened' ? null : habitId, at, day })!;

/** A random event on day index k (0..59 after 2026-01-01) at a random local time and offset. */
const arbEvent = fc
  .record({
    k: fc.integer({ min: 0, max: 59 }),
    type: fc.constantFrom('appOpened', 'habitCompleted', 'reminderTapped', 'habitSkipped') as fc.Arbitrary<
      LogEvent['type']
    >,
    minute: fc.integer({ min: 0, max: 1439 }),
    offset: fc.constantFrom(-300, -240, 0, 60, 120, 330),
    marked: fc.boolean(),
  })
  .map(({ k, type, minute, offset, marked }) => {
    const day = addDays('2026-01-01', k);
    const t = Date.parse(`${day}T00:00:00Z`) + (minute - offset) * 60_000;
    const e: LogEvent = { type, t, offset, day, ...(type === 'appOpened' ? {} : { habitId: 'h' }) };
    if (marked && type === 'habitCompleted') {
      e.marked = true;
      e.t += 86_400_000;
    }
    return e;
  });

describe('features', () => {
  it('has exactly 10 named inputs for the default network', () => {
    expect(NUM_FEATURES).toBe(10);
    expect(new Set(FEATURE_NAMES).size).toBe(10);
  });

  it('never leaks: changing, adding or removing events on or after D leaves D (and earlier rows, baselines and their losses) unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 80 }),
        fc.array(arbEvent, { maxLength: 40 }),
        fc.integer({ min: 0, max: 59 }),
        (base, extra, k) => {
          const D = addDays('2026-01-01', k);
          const past = base.filter((e) => e.day < D);
          const future = [...base.filter((e) => e.day >= D), ...extra.filter((e) => e.day >= D)].map((e) => ({
            ...e,
            type: e.type === 'habitCompleted' ? ('habitSkipped' as const) : ('habitCompleted' as const),
            habitId: 'h',
          }));
          const a = buildHabitSamples(habit, past, D);
          const b = buildHabitSamples(habit, [...future, ...past].reverse(), D);
          expect(Array.from(b.xToday)).toEqual(Array.from(a.xToday));
          // The same rows again inside a longer build that sees the future: identical prefix.
          const long = buildHabitSamples(habit, [...past, ...future], addDays(D, 5));
          expect(Array.from(long.X.subarray(0, a.n * NUM_FEATURES))).toEqual(Array.from(a.X));
          expect(Array.from(long.X.subarray(a.n * NUM_FEATURES, (a.n + 1) * NUM_FEATURES))).toEqual(
            Array.from(a.xToday),
          );
          expect(Array.from(long.y.subarray(0, a.n))).toEqual(Array.from(a.y));
          // The replay's zero-copy prefix of the longer build, baselines and their running losses included.
          const cut = sliceSamples(long, a.n);
          for (const k of MIX_NAMES) {
            expect(Array.from(cut.baselines[k])).toEqual(Array.from(a.baselines[k]));
            expect(Array.from(cut.baselineLoss[k])).toEqual(Array.from(a.baselineLoss[k]));
          }
          expect([cut.completed, Array.from(cut.xToday)]).toEqual([a.completed, Array.from(a.xToday)]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('labels a day 1 only when completed that local day, across DST in Europe and the US', () => {
    const events = [
      ev('habitCompleted', '2026-03-28T23:50:00.000+01:00'), // Paris, the evening before spring-forward
      ev('habitCompleted', '2026-03-29T23:50:00.000+02:00'), // Paris, the evening of the change (UTC: 21:50)
      ev('habitCompleted', '2026-11-01T23:50:00.000-05:00'), // New York, fall-back evening (UTC: next day 04:50)
      ev('habitSkipped', '2026-11-02T22:00:00.000-05:00'),
    ];
    const s = buildHabitSamples({ id: 'h', createdDay: '2026-03-27' }, events, '2026-11-04');
    const label = (d: string) => s.y[s.days.indexOf(d)];
    expect(label('2026-03-27')).toBe(0);
    expect(label('2026-03-28')).toBe(1);
    expect(label('2026-03-29')).toBe(1);
    expect(label('2026-03-30')).toBe(0);
    expect(label('2026-11-01')).toBe(1);
    expect(label('2026-11-02')).toBe(0); // a skip is a 0
    // The streak feature of 2026-03-30 sees the two completed evenings.
    const i = s.days.indexOf('2026-03-30');
    expect(s.X[i * NUM_FEATURES]).toBeCloseTo(Math.log1p(2) / Math.log(31), 6);
    // The usual hour is ~23:50 on the circle (sin slightly negative, cos ~1).
    expect(s.X[i * NUM_FEATURES + 8]).toBeGreaterThan(0.99);
    expect(s.X[i * NUM_FEATURES + 7]).toBeLessThan(0);
  });

  it('uses the local day of the offset in force when travelling (Kolkata +05:30, Los Angeles -08:00)', () => {
    const events = [
      ev('habitCompleted', '2026-01-10T00:30:00.000+05:30'), // UTC 2026-01-09 19:00, local day the 10th
      ev('habitCompleted', '2026-01-11T23:30:00.000-08:00'), // UTC 2026-01-12 07:30, local day the 11th
    ];
    const s = buildHabitSamples({ id: 'h', createdDay: '2026-01-08' }, events, '2026-01-13');
    expect(s.days.filter((_, i) => s.y[i] === 1)).toEqual(['2026-01-10', '2026-01-11']);
  });

  it('counts a past-day mark for its day but not for the usual hour', () => {
    const marked = ev('habitCompleted', '2026-01-05T08:00:00.000+01:00', 'h', '2026-01-04');
    const s = buildHabitSamples(habit, [marked], '2026-01-06');
    expect(s.y[s.days.indexOf('2026-01-04')]).toBe(1);
    expect(s.xToday[7]).toBe(0);
    expect(s.xToday[8]).toBe(0);
    // Recorded on the 5th for the 4th: invisible to the 4th's own features, visible on the 5th.
    expect(featuresForDay(habit, [marked], '2026-01-04')[2]).toBe(0);
    expect(featuresForDay(habit, [marked], '2026-01-05')[2]).toBe(1);
  });

  it('reads each event a constant number of times, however many days are built (no rescan per day)', () => {
    const events: LogEvent[] = [];
    for (let k = 0; k < 2000; k++) {
      const day = numberToDay(dayToNumber('2026-01-01') + (k % 1500));
      events.push(ev(k % 3 === 0 ? 'appOpened' : 'habitCompleted', `${day}T20:00:00.000+01:00`));
    }
    let reads = 0;
    const counted = new Proxy(events, {
      get(target, prop, recv) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, recv);
      },
    });
    const s = buildHabitSamples(habit, counted, '2030-01-01');
    expect(s.n).toBeGreaterThan(1400);
    expect(reads).toBeLessThanOrEqual(events.length);
    // An index shared by several habits is built once: building from it reads no event at all.
    const idx = indexEvents(events);
    reads = 0;
    buildHabitSamples({ id: 'other', createdDay: '2026-01-01' }, idx, '2030-01-01');
    expect(reads).toBe(0);
  });

  it("counts app launches of the days before a habit's creation in its first week's inputs", () => {
    const opens: LogEvent[] = [];
    for (let k = 0; k < 30; k++)
      for (let j = 0; j <= k % 3; j++) opens.push(ev('appOpened', `${addDays('2026-01-01', k)}T1${j}:00:00+01:00`));
    const early = buildHabitSamples({ id: 'a', createdDay: '2026-01-01' }, opens, '2026-01-30');
    const late = buildHabitSamples({ id: 'b', createdDay: '2026-01-20' }, opens, '2026-01-30');
    // The same calendar day has the same launch inputs, however long the habit has existed.
    for (let i = 0; i < late.n; i++) {
      const j = i + 19;
      expect([late.X[i * NUM_FEATURES + 4], late.X[i * NUM_FEATURES + 5]]).toEqual([
        early.X[j * NUM_FEATURES + 4],
        early.X[j * NUM_FEATURES + 5],
      ]);
    }
    expect(late.X[4]).toBeGreaterThan(0);
  });

  it('explains with the counts themselves: launches past the input cap, a tap two days ago, no usual time yet', () => {
    const events = [
      ...Array.from({ length: 20 }, (_, j) =>
        ev('appOpened', `2026-01-09T${String(6 + (j >> 1)).padStart(2, '0')}:${j % 2 ? '30' : '00'}:00+01:00`),
      ),
      ev('reminderTapped', '2026-01-08T20:00:00+01:00'),
      ev('reminderTapped', '2026-01-08T20:05:00+01:00'),
    ];
    const s = buildHabitSamples(habit, events, '2026-01-10');
    expect(explainText('appOpensYesterday', s, '2026-01-10')).toBe('opened the app 20 times yesterday');
    expect(explainText('appOpensWeek', s, '2026-01-10')).toBe('opened the app about 2.9 times a day last week');
    expect(explainText('remindersRecent', s, '2026-01-10')).toBe('you tapped its reminder 2 days ago');
    expect(explainText('hour', s, '2026-01-10')).toBe('no usual time of day yet');
    const tappedYesterday = buildHabitSamples(
      habit,
      [...events, ev('reminderTapped', '2026-01-09T20:00:00+01:00')],
      '2026-01-10',
    );
    expect(explainText('remindersRecent', tappedYesterday, '2026-01-10')).toBe('you tapped its reminder yesterday');
    expect(explainText('remindersRecent', buildHabitSamples(habit, events, '2026-01-20'), '2026-01-20')).toBe(
      'no reminder tapped lately',
    );
  });

  it('explains the momentum rate with the days that followed a day like yesterday', () => {
    // Done Jan 1-3, missed the 4th, done the 5th and 6th, missed the 7th and 8th.
    const done = ['01', '02', '03', '05', '06'].map((d) => ev('habitCompleted', `2026-01-${d}T08:00:00+01:00`));
    const s = buildHabitSamples(habit, done, '2026-01-09');
    // Yesterday (the 8th) was missed; earlier missed days were followed by the 5th (done) and the 8th (missed).
    expect(explainText('afterYesterday', s, '2026-01-09')).toBe(
      'not done yesterday; after such a day, done 1 of 2 times',
    );
    // On the 7th, yesterday (the 6th) was done; done days were followed by the 2nd, 3rd, 6th (done) and the 4th.
    expect(explainText('afterYesterday', buildHabitSamples(habit, done, '2026-01-07'), '2026-01-07')).toBe(
      'done yesterday; after such a day, done 3 of 4 times',
    );
    expect(explainCounts('momentum', s, '2026-01-09', 0.4)[0].feature).toBe('afterYesterday');
  });

  it('parses days without Date exactly like time.ts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 80000 }), (n) => {
        const d = numberToDay(n);
        expect(fastDayNumber(d)).toBe(dayToNumber(d));
      }),
    );
    expect(Number.isNaN(fastDayNumber('2026-1-01'))).toBe(true);
  });
});
