// A periodic-sync visit runs training, today's predictions and the reminders as separate steps: a
// failed training write (a full disk) must not also cost the person today's reminders.
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('../../../src/data/connection.ts', () => ({ withDb: (fn: (db: object) => unknown) => fn({}) }));
vi.mock('../../../src/autotrain/facts.ts', () => ({
  readTrainingFacts: async () => [],
  predictionsStale: async () => true,
}));
vi.mock('../../../src/autotrain/policy.ts', () => ({
  PERIODIC_SYNC_TAG: 'nudge-train',
  decideHabits: () => ({ habitIds: ['read'], trigger: 'periodicsync', reasons: { read: 'due' } }),
}));
vi.mock('../../../src/trainer/train-service.ts', () => ({
  trainAndStore: async () => {
    calls.push('train');
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  predictAllAndStore: async () => {
    calls.push('predict');
  },
}));
vi.mock('../../../src/sw/notify-reminders.ts', () => ({
  notifyDueInServiceWorker: async () => {
    calls.push('notify');
    return [];
  },
}));
(globalThis as { self?: unknown }).self = { addEventListener: () => {}, registration: {} };

describe('periodicTrain', () => {
  it('still stores predictions and notifies when the training write fails, and reports the failed step', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { periodicTrain } = await import('../../../src/sw/periodic-sync.ts');
    const r = await periodicTrain(Date.UTC(2026, 10, 25, 9));
    expect(calls).toEqual(['train', 'predict', 'notify']);
    expect(r).toEqual({ trained: ['read'], reasons: { read: 'due' }, failed: ['training'] });
    expect(warn).toHaveBeenCalledWith('[nudge] periodic sync: training failed:', expect.any(DOMException));
    warn.mockRestore();
  });
});
