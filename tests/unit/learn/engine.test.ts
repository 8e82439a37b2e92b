// The engine's contract: cold start gives the prior, promotion follows the hold-out rule,
// divergence and mismatching checkpoints never damage or crash anything.
import { describe, expect, it } from 'vitest';
import { predictHabit, trainHabit, DEFAULT_ENGINE_OPTIONS } from '../../../src/learn/engine.ts';
import { mixOdds } from '../../../src/learn/engine-options.ts';
import { netFromCheckpoint, refitFromCheckpoint, validateCheckpoint } from '../../../src/learn/checkpoint.ts';
import { predictProba } from '../../../src/learn/nn/mlp.ts';
import { evidenceNow, trainRefit } from '../../../src/learn/refit.ts';
import { buildHabitSamples } from '../../../src/learn/dataset.ts';
import { mixBaselines } from '../../../src/learn/baselines.ts';
import { FEATURE_VERSION } from '../../../src/learn/features.ts';
import { mulberry32 } from '../../../src/learn/rng.ts';
import { addDays, weekdayOf } from '../../../src/learn/time.ts';
import type { LogEvent } from '../../../src/learn/events.ts';
import type { Checkpoint } from '../../../src/learn/types.ts';

const habit = { id: 'gym', createdDay: '2026-01-01' };

/** A weekly rhythm: weekdays likely, weekends not; seeded. */
function weeklyEvents(days: number, seed = 7): LogEvent[] {
  const rand = mulberry32(seed);
  const out: LogEvent[] = [];
  for (let k = 0; k < days; k++) {
    const day = addDays(habit.createdDay, k);
    const wd = weekdayOf(day);
    out.push({ type: 'appOpened', t: Date.parse(`${day}T07:00:00Z`), offset: 60, day });
    if (rand() < (wd === 0 || wd === 6 ? 0.1 : 0.85))
      out.push({ type: 'habitCompleted', habitId: 'gym', t: Date.parse(`${day}T18:00:00Z`), offset: 60, day });
  }
  return out;
}

/** A first training run on `days` days of the weekly rhythm, with the samples it saw. */
function firstRun(days: number, trigger: 'launch' | 'manual', now: number) {
  const events = weeklyEvents(days);
  const today = addDays(habit.createdDay, days);
  return {
    today,
    s: buildHabitSamples(habit, events, today),
    r: trainHabit({ habit, events, today, active: null, trigger, now }),
  };
}

function firstPromoted(events: LogEvent[], from: number, to: number): { ckpt: Checkpoint; day: string } {
  let active: Checkpoint | null = null;
  for (let k = from; k < to; k++) {
    const today = addDays(habit.createdDay, k);
    const r = trainHabit({ habit, events, today, active, trigger: 'manual', now: 1 });
    if (r.checkpoint) return { ckpt: r.checkpoint, day: today };
    active = r.checkpoint ?? active;
  }
  throw new Error('no run was promoted on a clearly weekly habit');
}

describe('engine', () => {
  it('cold start: a prior from the likelihood-weighted baselines (the completion rate favoured) and a run saying why', () => {
    const { today, s, r } = firstRun(10, 'launch', 5);
    expect(r.checkpoint).toBeNull();
    expect(r.prediction).toMatchObject({
      habitId: 'gym',
      day: today,
      source: 'prior',
      modelVersion: null,
      computedAt: 5,
    });
    expect(s.n).toBe(10);
    expect(r.prediction.p).toBeCloseTo(
      mixBaselines(s.baselines, s.y, s.n, { rate: DEFAULT_ENGINE_OPTIONS.priorRateLogOdds }).p[s.n],
      12,
    );
    expect(r.run).toMatchObject({
      promoted: false,
      trigger: 'launch',
      samples: 0,
      reason: `cold start: 10 labelled days, need ${DEFAULT_ENGINE_OPTIONS.coldStartDays}`,
    });
    expect(r.prediction.reasons.length).toBeGreaterThan(0);
  });

  it("trains no network before four weeks of training days: the baselines' average with odds for the weekday rate", () => {
    const { s, r } = firstRun(40, 'manual', 1);
    // 40 labelled days: a 14-day hold-out leaves 26 training days, short of 28.
    expect(r.checkpoint).toBeNull();
    expect(r.run).toMatchObject({
      promoted: false,
      samples: 0,
      reason: 'too few training days: 26 before the 14-day hold-out, need 28',
    });
    expect(r.prediction.source).toBe('baseline');
    expect(r.prediction.p).toBeCloseTo(mixBaselines(s.baselines, s.y, s.n, mixOdds(DEFAULT_ENGINE_OPTIONS)).p[s.n], 12);
    expect(firstRun(42, 'manual', 1).r.run.samples).toBe(28);
  });

  it('promotes only a finite model at least as good as the active one (within the tie tolerance) and the best baseline', () => {
    const events = weeklyEvents(160);
    let active: Checkpoint | null = null;
    let promotions = 0;
    for (let k = 60; k < 160; k += 4) {
      const r = trainHabit({
        habit,
        events,
        today: addDays(habit.createdDay, k),
        active,
        trigger: 'manual',
        now: k,
        clock: () => 0,
      });
      const m = r.run.metrics!;
      const ok =
        Number.isFinite(m.model.logLoss) &&
        m.model.logLoss <= m.baseline.logLoss &&
        (m.active === null || m.model.logLoss <= m.active.logLoss + DEFAULT_ENGINE_OPTIONS.promoteTolerance);
      expect(r.run.promoted).toBe(ok);
      expect(r.checkpoint !== null).toBe(ok);
      if (r.checkpoint) {
        promotions++;
        expect(validateCheckpoint(r.checkpoint, { layers: [10, 16, 8, 1], featureVersion: FEATURE_VERSION }).ok).toBe(
          true,
        );
        expect(r.checkpoint.version).toBe((active?.version ?? 0) + 1);
        expect(r.run.checkpointVersion).toBe(r.checkpoint.version);
        active = r.checkpoint;
      } else {
        expect(r.run.reason).toMatch(/^not promoted: hold-out log-loss/);
      }
      expect(['model', 'baseline']).toContain(r.prediction.source);
      expect(r.prediction.p).toBeGreaterThan(0);
      expect(r.prediction.p).toBeLessThan(1);
    }
    expect(promotions).toBeGreaterThan(0);
  });

  it('is reproducible: same input, same checkpoint and prediction', () => {
    const events = weeklyEvents(90);
    const today = addDays(habit.createdDay, 90);
    const a = trainHabit({ habit, events, today, active: null, trigger: 'manual', now: 1 });
    const b = trainHabit({ habit, events: [...events].reverse(), today, active: null, trigger: 'manual', now: 1 });
    expect(b).toEqual(a);
  });

  it('a diverging run leaves the active checkpoint untouched and is recorded', () => {
    const events = weeklyEvents(120);
    const { ckpt, day } = firstPromoted(events, 40, 120);
    const before = structuredClone(ckpt);
    const today = addDays(day, 1);
    const r = trainHabit({
      habit,
      events,
      today,
      active: ckpt,
      trigger: 'manual',
      now: 2,
      options: { learningRate: 1e6 },
    });
    expect(r.checkpoint).toBeNull();
    expect(r.run.promoted).toBe(false);
    expect(r.run.reason).toMatch(/diverged/);
    expect(ckpt).toEqual(before);
    expect(Number.isFinite(r.prediction.p)).toBe(true);
  });

  it('refuses a mismatching or damaged checkpoint with a recorded reason and retrains from scratch', () => {
    const events = weeklyEvents(120);
    const { ckpt, day } = firstPromoted(events, 40, 120);
    const today = addDays(day, 1);
    const stale = { ...ckpt, featureVersion: FEATURE_VERSION + 99 };
    const r = trainHabit({ habit, events, today, active: stale, trigger: 'manual', now: 3 });
    expect(r.run.reason).toMatch(/^active checkpoint refused \(.+\); /);
    expect(r.run.metrics?.active).toBeNull();
    if (r.checkpoint) expect(r.checkpoint.featureVersion).toBe(FEATURE_VERSION);
    const garbage = { habitId: 'gym', weights: 'nope' } as unknown as Checkpoint;
    expect(() => predictHabit({ habit, events, today, active: garbage, now: 4 })).not.toThrow();
    const p = predictHabit({ habit, events, today, active: garbage, now: 4 });
    expect(p.source).toBe('baseline');
    expect(p.modelVersion).toBeNull();
    // With the good checkpoint, predictHabit agrees with what the promoting run predicted.
    const good = predictHabit({ habit, events, today: day, active: ckpt, now: 1 });
    expect(good.p).toBeGreaterThan(0);
    expect(good.reasons.length).toBeGreaterThanOrEqual(1);
    expect(good.reasons.length).toBeLessThanOrEqual(3);
  });

  it("blends the network and the baselines' average by the network's record: between the two, at the prior odds (1:4) without evidence, the winner with overwhelming evidence", () => {
    const events = weeklyEvents(200);
    const { ckpt, day } = firstPromoted(events, 40, 120);
    // From the day after promotion: on the day itself the new network has no record to be overwhelming.
    for (let k = 1; k < 80; k += 9) {
      const today = addDays(day, k);
      const at = (options: Partial<typeof DEFAULT_ENGINE_OPTIONS>, active: Checkpoint | null = ckpt) =>
        predictHabit({ habit, events, today, active, now: 1, options });
      const net = at({ blendNetwork: 0, modelMargin: 1e9 });
      const baseline = at({}, null);
      expect(net.source).toBe('model');
      expect(baseline.source).toBe('baseline');
      const shown = at({});
      expect(shown.p).toBeGreaterThanOrEqual(Math.min(net.p, baseline.p) - 1e-12);
      expect(shown.p).toBeLessThanOrEqual(Math.max(net.p, baseline.p) + 1e-12);
      expect(shown.source).toBe(
        shown.p === baseline.p
          ? 'baseline'
          : Math.abs(shown.p - net.p) <= Math.abs(shown.p - baseline.p) + 1e-12
            ? 'model'
            : 'baseline',
      );
      expect(at({ evidenceScale: 0 }).p).toBeCloseTo(0.2 * net.p + 0.8 * baseline.p, 12);
      expect(at({ evidenceScale: 0, networkPrior: 0 }).p).toBeCloseTo((net.p + baseline.p) / 2, 12);
      const select = at({ blendNetwork: 0 });
      expect(at({ evidenceScale: 1e9 }).p).toBeCloseTo(select.p, 12);
    }
  });

  it('a promoted model carries a refit twin trained through the last labelled day: the twin predicts, weighed by its record on the days it had not seen', () => {
    const events = weeklyEvents(200);
    const { ckpt, day } = firstPromoted(events, 40, 120);
    const refit = ckpt.refit!;
    expect(refit).toBeDefined();
    expect(refit.evidenceThrough).toBe(addDays(day, -1));
    expect(ckpt.trainedThrough < refit.evidenceThrough).toBe(true);
    const later = addDays(day, 30);
    const s = buildHabitSamples(habit, events, later);
    const twinP = predictProba(refitFromCheckpoint(ckpt)!.net, s.xToday);
    expect(twinP).not.toBe(predictProba(netFromCheckpoint(ckpt).net, s.xToday));
    const baseline = predictHabit({ habit, events, today: later, active: null, now: 1 });
    const withRecord = (evidence: number, evidenceThrough = refit.evidenceThrough) =>
      predictHabit({
        habit,
        events,
        today: later,
        active: { ...ckpt, refit: { ...refit, evidence, evidenceThrough } },
        now: 1,
        options: { networkPrior: 0 },
      });
    const sure = withRecord(1e6);
    const hopeless = withRecord(-1e6);
    expect([sure.source, hopeless.source]).toEqual(['model', 'baseline']);
    expect(sure.p).toBeCloseTo(twinP, 10);
    expect(hopeless.p).toBeCloseTo(baseline.p, 10);
    // No unseen days and no record: even odds. The 30 days since evidenceThrough move the weight.
    expect(withRecord(0, addDays(later, -1)).p).toBeCloseTo((twinP + baseline.p) / 2, 12);
    const counted = withRecord(0).p;
    expect(Math.abs(counted - (twinP + baseline.p) / 2)).toBeGreaterThan(1e-6);
    expect(counted).toBeGreaterThanOrEqual(Math.min(twinP, baseline.p));
    expect(counted).toBeLessThanOrEqual(Math.max(twinP, baseline.p));
  });

  it('a checkpoint from before the refit twin predicts with its validated network, and the next promotion adds a twin', () => {
    const events = weeklyEvents(200);
    const { ckpt, day } = firstPromoted(events, 40, 120);
    const { refit: _r, ...old } = ckpt;
    const s = buildHabitSamples(habit, events, day);
    const p = predictHabit({
      habit,
      events,
      today: day,
      active: old,
      now: 1,
      options: { blendNetwork: 0, modelMargin: 1e9 },
    });
    expect(p).toMatchObject({ p: predictProba(netFromCheckpoint(ckpt).net, s.xToday), source: 'model' });
    let active: Checkpoint = old;
    for (let k = 1; k < 60 && !active.refit; k++) {
      const today = addDays(day, k);
      const r = trainHabit({ habit, events, today, active, trigger: 'manual', now: k });
      if (r.checkpoint) {
        expect(r.checkpoint.refit?.evidenceThrough).toBe(addDays(today, -1));
        active = r.checkpoint;
      }
    }
    expect(active.refit, 'a later run was promoted and carries a twin').toBeDefined();
  });

  it("trainRefit: a diverging twin is dropped (null), a new twin starts with no record, and the record's end never moves back", () => {
    const events = weeklyEvents(120);
    const s = buildHabitSamples(habit, events, addDays(habit.createdDay, 120));
    expect(trainRefit(null, s, { ...DEFAULT_ENGINE_OPTIONS, learningRate: 1e6 }, 1)).toBeNull();
    const fine = trainRefit(null, s, DEFAULT_ENGINE_OPTIONS, 1)!;
    expect(fine).toMatchObject({ evidence: 0, evidenceThrough: addDays(habit.createdDay, 119) });
    expect(evidenceNow(fine, s, DEFAULT_ENGINE_OPTIONS)).toBe(0);
    // A run for an earlier day keeps the record's later end: those days were counted and trained on.
    const ahead = { ...fine, evidence: 0.5, evidenceThrough: addDays(habit.createdDay, 130) };
    expect(trainRefit(ahead, s, DEFAULT_ENGINE_OPTIONS, 1)).toMatchObject({
      evidence: 0.5,
      evidenceThrough: addDays(habit.createdDay, 130),
    });
  });
});
