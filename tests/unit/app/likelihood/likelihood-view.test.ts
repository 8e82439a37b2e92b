import { describe, expect, it } from 'vitest';
import { likelihoodView, chipPercent, reasonsLine } from '../../../../src/app/likelihood/likelihoodView.ts';
import type { PredictionRow } from '../../../../src/data/entities.ts';

const TODAY = '2026-03-10';
const pred = (p: number, source: PredictionRow['source'], day = TODAY): PredictionRow => ({
  habitId: 'read',
  day,
  p,
  source,
  modelVersion: source === 'model' ? 3 : null,
  computedAt: 0,
  basis: { labelledDays: 200, rhythmSince: '2026-01-12', networkDays: 175 },
  reasons: [
    { feature: 'streak', text: '3-day streak', effect: 0.12 },
    { feature: 'weekdayRate', text: 'you rarely do this on Tuesdays (1 of the last 6)', effect: -0.2 },
    { feature: 'hour', text: 'you usually do it around 21:00', effect: 0.001 },
    { feature: 'rate30', text: 'done 20 of the last 30 days', effect: 0.05 },
  ],
});

describe('the likelihood chip says what the number is', () => {
  it("shows a trained model's probability with the reasons that pushed it, strongest first", () => {
    const v = likelihoodView(pred(0.87, 'model'), TODAY, null);
    expect(v.label).toBe('87% likely today');
    expect(v.tone).toBe('likely');
    expect(v.why).toBe(
      "Learned from your last 25 weeks by Nudge's network on this device. " +
        'Raised by: 3-day streak; done 20 of the last 30 days. ' +
        'Lowered by: you rarely do this on Tuesdays (1 of the last 6).',
    );
  });
  it('says plainly when the history is too short, without a model word', () => {
    const v = likelihoodView(
      { ...pred(0.6, 'prior'), basis: { labelledDays: 9, rhythmSince: null, networkDays: null } },
      TODAY,
      null,
    );
    expect(v.label).toBe('60% likely today');
    expect(v.why).toMatch(/^Too little history yet \(9 days\): this is your usual rate so far\./);
  });
  it('names the simple rates without the word baseline, and never passes them off as the network', () => {
    const v = likelihoodView(pred(0.55, 'baseline'), TODAY, null);
    expect(v.label).toBe('55% likely today');
    expect(`${v.label} ${v.why}`).not.toMatch(/baseline|network carries|learned from/i);
    expect(v.why).toMatch(
      /^From your simple rates: the last weeks, your weekly rhythm since 12 Jan, and days like yesterday\. The net/,
    );
  });
  it('styles an open habit at risk, but not once it is done', () => {
    expect(likelihoodView(pred(0.2, 'model'), TODAY, null)).toMatchObject({ tone: 'risk' });
    expect(likelihoodView(pred(0.2, 'model'), TODAY, null).why).toMatch(/At risk today/);
    expect(likelihoodView(pred(0.2, 'model'), TODAY, 'done')).toMatchObject({ tone: 'settled' });
  });
  it("does not pass yesterday's number off as today's, and admits when there is none", () => {
    expect(likelihoodView(pred(0.9, 'model', '2026-03-09'), TODAY, null)).toMatchObject({
      label: 'updating…',
      pct: null,
    });
    expect(likelihoodView(null, TODAY, null)).toMatchObject({ label: 'no estimate yet', tone: 'none' });
    expect(likelihoodView(pred(Number.NaN, 'model'), TODAY, null).label).toBe('no estimate yet');
  });
  it('never claims certainty', () => {
    expect([chipPercent(0), chipPercent(0.004), chipPercent(0.996), chipPercent(1)]).toEqual([1, 1, 99, 99]);
    expect(reasonsLine([], 3)).toBe('');
  });
});
