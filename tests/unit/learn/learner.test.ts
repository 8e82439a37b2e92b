// The learner's state is what makes a night's run incremental, so it must behave like a pure fold: the same
// days give the same state however they are split into runs, a stored and re-read state predicts exactly as
// the original, and a day's prediction never depends on that day or any later one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, withConfig } from '../../../src/learn/config.ts';
import { fromRecord, readLearnerRecord, recordToJson, toRecord } from '../../../src/learn/learner-record.ts';
import { cloneLearner, type LearnerState, newLearner, observeDay, predictNext } from '../../../src/learn/learner.ts';
import type { DayFact } from '../../../src/learn/predict/context.ts';
import { trainNetwork } from '../../../src/learn/train-network.ts';
import { isLabelDay, type Schedule } from '../../../src/habits/schedule.ts';
import { weekdayOfNumber } from '../../../src/learn/predict/features.ts';
import { labelDay } from '../../../src/learn/predict/week.ts';
import { numberToDay } from '../../../src/learn/time.ts';

const FIRST = 20454; // 2026-01-01
// Small settings so a property run stays fast: a short window and quick training.
const CFG = withConfig({ network: { minDays: 10, window: 40, epochsCold: 5, epochsWarm: 1 } });

const fact = fc.record({
  done: fc.integer({ min: 0, max: 1 }),
  opens: fc.integer({ min: 0, max: 6 }),
  shown: fc.integer({ min: 0, max: 1 }),
  tapped: fc.integer({ min: 0, max: 1 }),
});

/** Folds `facts` night by night from a new learner, training every night as the replay does. */
function nights(facts: readonly DayFact[], cfg = CFG): { s: LearnerState; p: number[] } {
  const s = newLearner('h', FIRST, [1, 0, 2, 0, 0, 1, 3], cfg);
  const p: number[] = [];
  for (const f of facts) {
    trainNetwork(s, cfg, 7);
    p.push(predictNext(s, cfg).p);
    observeDay(s, f, cfg);
  }
  return { s, p };
}

/** Through JSON and back, as a backup or a structured clone would carry it. */
function roundTrip(s: LearnerState, cfg = CFG): LearnerState {
  const json = JSON.parse(JSON.stringify(recordToJson(toRecord(cloneLearner(s)))));
  return fromRecord(s.habitId, readLearnerRecord(json, FIRST, cfg), s.network);
}

describe('the learner', () => {
  it('gives the same predictions whether its state is kept in memory or stored and read back between nights', () => {
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 59 }), (facts, cut) => {
        const whole = nights(facts);
        const k = Math.min(cut, facts.length);
        const first = nights(facts.slice(0, k));
        let s = roundTrip(first.s);
        const p = first.p.slice();
        for (const f of facts.slice(k)) {
          trainNetwork(s, CFG, 7);
          p.push(predictNext(s, CFG).p);
          observeDay(s, f, CFG);
          s = roundTrip(s);
        }
        expect(p).toEqual(whole.p);
        expect(predictNext(s, CFG)).toEqual(predictNext(whole.s, CFG));
      }),
      { numRuns: 25 },
    );
  });

  it('predicts a day from the days before only: changing it or later days changes no earlier prediction', () => {
    fc.assert(
      fc.property(
        fc.array(fact, { minLength: 2, maxLength: 50 }),
        fc.nat(),
        fc.array(fact, { minLength: 1 }),
        (facts, at, other) => {
          const d = at % facts.length;
          const changed = [...facts.slice(0, d), ...other].slice(0, facts.length + other.length);
          const a = nights(facts);
          const b = nights(changed);
          expect(b.p.slice(0, d + 1)).toEqual(a.p.slice(0, d + 1));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps every probability strictly between 0 and 1, whatever the days', () => {
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 60 }), (facts) => {
        for (const p of nights(facts).p) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('a rhythm that flips', () => {
  // Weekdays at pOn for 20 weeks, then weekends at pOn: a person who moved their runs to the weekend.
  const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;
  const onWeekdays = (day: number): boolean => weekday(day) >= 1 && weekday(day) <= 5;
  it('is followed: within three weeks the shown probability is over half-way to the new rhythm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0.75, max: 0.92, noNaN: true }), (seed, pOn) => {
        let r = seed >>> 0;
        const rand = (): number => {
          r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
          return r / 2 ** 32;
        };
        const pOff = 0.08;
        const flip = 140;
        const truth = (i: number): number => ((i < flip ? onWeekdays(FIRST + i) : !onWeekdays(FIRST + i)) ? pOn : pOff);
        const facts = Array.from({ length: flip + 21 }, (_, i) => ({
          done: rand() < truth(i) ? 1 : 0,
          opens: 1,
          shown: 0,
          tapped: 0,
        }));
        const { p } = nights(facts, DEFAULT_CONFIG);
        // Over the third week after the flip, on days the rhythm changed: progress from the old truth to the new.
        const progress: number[] = [];
        for (let i = flip + 14; i < flip + 21; i++) {
          const old = onWeekdays(FIRST + i) ? pOn : pOff;
          progress.push((p[i] - old) / (truth(i) - old));
        }
        expect(progress.reduce((a, b) => a + b, 0) / progress.length).toBeGreaterThan(0.5);
      }),
      { numRuns: 6 },
    );
  }, 60_000);
});

describe('habits on a schedule', () => {
  const schedule = fc.oneof(
    fc.constant<Schedule>({ kind: 'daily' }),
    fc
      .uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 })
      .map((days): Schedule => ({ kind: 'weekdays', days: days.sort() })),
    fc.integer({ min: 1, max: 6 }).map((times): Schedule => ({ kind: 'perWeek', times })),
    fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: -40, max: 40 }))
      .map(([days, k]): Schedule => ({ kind: 'everyN', days, from: numberToDay(FIRST + k) })),
  );

  it('labels exactly the days the habit rules call label days', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 800 }), (s, k) => {
        expect(labelDay(s, FIRST + k)).toBe(isLabelDay(s, numberToDay(FIRST + k)));
      }),
    );
  });

  it('never learns from a day the habit was not due: done or not, a rest day changes no prediction', () => {
    fc.assert(
      fc.property(schedule, fc.array(fact, { minLength: 14, maxLength: 50 }), fc.nat(), (sched, facts, seed) => {
        const run = (fs: DayFact[]): number[] => {
          const s = newLearner('h', FIRST, [], CFG, sched);
          const p: number[] = [];
          for (const f of fs) {
            p.push(predictNext(s, CFG).p);
            observeDay(s, f, CFG);
          }
          expect(s.context.days).toBe(fs.filter((_, i) => labelDay(sched, FIRST + i)).length);
          return p;
        };
        // Flip the outcome of every rest day: nothing the learner predicts may move.
        const flipped = facts.map((f, i) =>
          labelDay(sched, FIRST + i) ? f : { ...f, done: (f.done + 1 + (seed % 2)) % 2 },
        );
        expect(run(flipped)).toEqual(run(facts));
      }),
      { numRuns: 40 },
    );
  });

  it('tells the network how much of an N-per-week target is left for the days left', () => {
    const s = newLearner('h', FIRST + 4, [], CFG, { kind: 'perWeek', times: 3 }); // a Monday
    expect(weekdayOfNumber(FIRST + 4)).toBe(1);
    expect(predictNext(s, CFG).x[9]).toBeCloseTo(3 / 7, 6);
    observeDay(s, { done: 1, opens: 0, shown: 0, tapped: 0 }, CFG); // Monday done
    observeDay(s, { done: 0, opens: 0, shown: 0, tapped: 0 }, CFG); // Tuesday missed
    expect(predictNext(s, CFG).x[9]).toBeCloseTo(2 / 5, 6); // Wednesday: 2 more in 5 days
  });
});
