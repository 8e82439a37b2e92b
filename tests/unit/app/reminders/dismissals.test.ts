import { beforeEach, describe, expect, it } from 'vitest';
import { dismiss, loadDismissals } from '../../../../src/app/reminders/dismissals.ts';

// A Map-backed stand-in for the page's localStorage (Node has none).
const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
});

describe('reminder banner dismissals', () => {
  it('last for the day they were made and reset on the next', () => {
    dismiss('2026-03-10', { habitId: 'read' });
    dismiss('2026-03-10', { habitId: 'read' });
    expect(loadDismissals('2026-03-10')).toEqual({ day: '2026-03-10', all: false, habits: ['read'] });
    dismiss('2026-03-10', { all: true });
    expect(loadDismissals('2026-03-10')).toMatchObject({ all: true, habits: ['read'] });
    expect(loadDismissals('2026-03-11')).toEqual({ day: '2026-03-11', all: false, habits: [] });
  });
  it('survive garbage or refused storage by showing the banner again', () => {
    store.set('nudge.reminderBanner', '{not json');
    expect(loadDismissals('2026-03-10')).toEqual({ day: '2026-03-10', all: false, habits: [] });
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(dismiss('2026-03-10', { all: true })).toMatchObject({ all: true });
    expect(loadDismissals('2026-03-10').all).toBe(false);
  });
});
