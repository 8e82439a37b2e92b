// The training policy as a table: signal combinations -> decision, trigger and reason.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideTraining,
  decideHabits,
  newLabelledDays,
  type PolicyState,
  type Signals,
} from '../../../src/autotrain/policy.ts';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 9, 0);
const due: PolicyState = { lastRunAt: NOW - 26 * H, newLabelledDays: 1, now: NOW };

interface Row {
  name: string;
  signals: Signals;
  state?: Partial<PolicyState>;
  train: boolean;
  trigger: string | null;
  reason: RegExp;
}

const table: Row[] = [
  // The fallback chain: every step, with every better step missing.
  {
    name: 'periodic sync beats everything',
    signals: { periodicSync: true, charging: true, idle: true, quiet: true, visibleReturn: true, launch: true },
    train: true,
    trigger: 'periodicsync',
    reason: /^train on periodic background sync: 1 new labelled day, last run 26 h ago$/,
  },
  {
    name: 'charging when no periodic sync',
    signals: { charging: true, batteryLevel: 0.5, idle: true, launch: true },
    train: true,
    trigger: 'charging',
    reason: /^train on the device is charging: .*; no periodic background sync$/,
  },
  {
    name: 'idle when not charging',
    signals: { charging: false, batteryLevel: 0.9, idle: true, visibleReturn: true },
    train: true,
    trigger: 'idle',
    reason: /^train on the browser is idle: .*no the device is charging$/,
  },
  {
    name: 'quiet spell where idle callbacks are missing',
    signals: { charging: null, quiet: true, launch: true },
    train: true,
    trigger: 'quiet',
    reason: /^train on a quiet spell with no input: .*no the browser is idle$/,
  },
  {
    name: 'return to the app',
    signals: { visibleReturn: true },
    train: true,
    trigger: 'visibility',
    reason: /^train on return to the app: .*no a quiet spell with no input$/,
  },
  {
    name: 'launch as the last resort',
    signals: { launch: true },
    train: true,
    trigger: 'launch',
    reason: /^train on app launch: .*no return to the app$/,
  },
  {
    name: 'a new day while open, nothing better',
    signals: {},
    state: { dayChanged: true },
    train: true,
    trigger: 'daychange',
    reason: /^train on a new day began while the app was open/,
  },
  {
    name: 'due but no favourable moment',
    signals: { charging: false, idle: false, quiet: false },
    train: false,
    trigger: null,
    reason: /^due \(1 new labelled day\) but waiting for a favourable moment/,
  },
  {
    name: 'first run ever',
    signals: { launch: true },
    state: { lastRunAt: null, newLabelledDays: 90 },
    train: true,
    trigger: 'launch',
    reason: /90 new labelled days, never trained before/,
  },

  // Hidden never trains, whatever else is true.
  {
    name: 'hidden page with every good signal',
    signals: { hidden: true, periodicSync: true, charging: true, idle: true, visibleReturn: true, launch: true },
    train: false,
    trigger: null,
    reason: /^not now: the page is hidden/,
  },
  {
    name: 'hidden page, even when asked',
    signals: { hidden: true, manual: true },
    train: false,
    trigger: null,
    reason: /hidden/,
  },

  // Battery.
  {
    name: 'low battery, not charging',
    signals: { batteryLevel: 0.15, charging: false, idle: true },
    train: false,
    trigger: null,
    reason: /^not now: battery low \(15%, not charging\)$/,
  },
  {
    name: 'low battery but charging',
    signals: { batteryLevel: 0.15, charging: true },
    train: true,
    trigger: 'charging',
    reason: /charging/,
  },
  {
    name: 'low battery, charging unknown',
    signals: { batteryLevel: 0.1, charging: null, launch: true },
    train: false,
    trigger: null,
    reason: /battery low \(10%/,
  },
  {
    name: 'battery exactly at the limit trains',
    signals: { batteryLevel: 0.2, charging: false, launch: true },
    train: true,
    trigger: 'launch',
    reason: /launch/,
  },
  {
    name: 'battery unknown (iOS) trains',
    signals: { batteryLevel: null, charging: null, visibleReturn: true },
    train: true,
    trigger: 'visibility',
    reason: /return/,
  },

  // At most about once a day; something new to learn.
  {
    name: 'ran 3 hours ago',
    signals: { charging: true, idle: true },
    state: { lastRunAt: NOW - 3 * H },
    train: false,
    trigger: null,
    reason: /^not due: last run 3 h ago, at most about once a day \(20 h\)$/,
  },
  {
    name: 'ran minutes ago',
    signals: { launch: true },
    state: { lastRunAt: NOW - 0.2 * H },
    train: false,
    trigger: null,
    reason: /last run under an hour ago/,
  },
  {
    name: 'ran 20 hours ago is due again',
    signals: { launch: true },
    state: { lastRunAt: NOW - 20 * H },
    train: true,
    trigger: 'launch',
    reason: /last run 20 h ago/,
  },
  {
    name: 'no new labelled day',
    signals: { periodicSync: true },
    state: { newLabelledDays: 0 },
    train: false,
    trigger: null,
    reason: /^not due: no new labelled day/,
  },

  // Manual.
  {
    name: 'manual right after a run, nothing new, low battery',
    signals: { manual: true, batteryLevel: 0.05, charging: false },
    state: { lastRunAt: NOW - 60_000, newLabelledDays: 0 },
    train: true,
    trigger: 'manual',
    reason: /^train now: asked by the person$/,
  },
  {
    name: 'manual while a run is in progress',
    signals: { manual: true },
    state: { training: true },
    train: false,
    trigger: null,
    reason: /already in progress/,
  },
  {
    name: 'anything while a run is in progress',
    signals: { periodicSync: true },
    state: { training: true },
    train: false,
    trigger: null,
    reason: /already in progress/,
  },
];

describe('decideTraining: signal table', () => {
  it.each(table)('$name', (row) => {
    const d = decideTraining({ signals: row.signals, state: { ...due, ...row.state } });
    expect(d.train).toBe(row.train);
    expect(d.trigger).toBe(row.trigger);
    expect(d.reason).toMatch(row.reason);
  });
});

describe('decideTraining: invariants over random inputs', () => {
  const signals = fc.record(
    {
      periodicSync: fc.boolean(),
      charging: fc.option(fc.boolean()),
      batteryLevel: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      idle: fc.boolean(),
      quiet: fc.boolean(),
      visibleReturn: fc.boolean(),
      launch: fc.boolean(),
      manual: fc.boolean(),
      hidden: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const state = fc.record({
    lastRunAt: fc.option(fc.integer({ min: NOW - 72 * H, max: NOW })),
    newLabelledDays: fc.nat(400),
    now: fc.constant(NOW),
    dayChanged: fc.boolean(),
    training: fc.boolean(),
  });

  it('never trains hidden or concurrently, always explains, and a trigger comes with training', () => {
    fc.assert(
      fc.property(signals, state, (s, st) => {
        const d = decideTraining({ signals: s, state: st });
        if (s.hidden || st.training) expect(d.train).toBe(false);
        expect(d.reason.length).toBeGreaterThan(10);
        expect(d.trigger === null).toBe(!d.train);
        if (d.train && d.trigger !== 'manual') {
          expect(st.newLabelledDays).toBeGreaterThanOrEqual(1);
          if (st.lastRunAt !== null) expect(NOW - st.lastRunAt).toBeGreaterThanOrEqual(20 * H);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('newLabelledDays / decideHabits', () => {
  it('counts ended days since creation or since the last run day', () => {
    expect(
      newLabelledDays({ habitId: 'a', createdDay: '2026-11-20', lastRunAt: null, lastRunDay: null }, '2026-11-24'),
    ).toBe(4);
    expect(
      newLabelledDays({ habitId: 'a', createdDay: '2026-11-24', lastRunAt: null, lastRunDay: null }, '2026-11-24'),
    ).toBe(0);
    expect(
      newLabelledDays({ habitId: 'a', createdDay: '2026-01-01', lastRunAt: 1, lastRunDay: '2026-11-23' }, '2026-11-24'),
    ).toBe(1);
    expect(
      newLabelledDays({ habitId: 'a', createdDay: '2026-01-01', lastRunAt: 1, lastRunDay: '2026-11-24' }, '2026-11-24'),
    ).toBe(0);
  });

  it('trains only the habits that are due, with one trigger for the moment', () => {
    const out = decideHabits(
      { idle: true, launch: true },
      [
        { habitId: 'fresh-demo', createdDay: '2026-08-01', lastRunAt: null, lastRunDay: null },
        { habitId: 'trained-today', createdDay: '2026-01-01', lastRunAt: NOW - H, lastRunDay: '2026-11-24' },
        { habitId: 'trained-yesterday', createdDay: '2026-01-01', lastRunAt: NOW - 22 * H, lastRunDay: '2026-11-23' },
        { habitId: 'new-today', createdDay: '2026-11-24', lastRunAt: null, lastRunDay: null },
      ],
      '2026-11-24',
      NOW,
    );
    expect(out.habitIds).toEqual(['fresh-demo', 'trained-yesterday']);
    expect(out.trigger).toBe('idle');
    expect(out.reasons['trained-today']).toMatch(/no new labelled day/);
    expect(out.reasons['new-today']).toMatch(/no new labelled day/);
  });
});
