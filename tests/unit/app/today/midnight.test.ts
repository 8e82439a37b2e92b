// Just after midnight Today may still show yesterday for up to a minute: a tap must count for the
// day on screen, not snap back. The past-day form's default must follow the current day too.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHabit } from '../../../../src/data/repo.ts';
import { dayToSend, mark } from '../../../../src/app/today/actions.ts';
import { loadToday } from '../../../../src/app/today/todayData.ts';
import { pastDayChoice } from '../../../../src/app/today/PastDayForm.tsx';
import type { ToastMessage } from '../../../../src/app/components/Toast.tsx';
import { freshDb } from '../../data/helpers.ts';

describe('a mark from Today counts for the day on screen', () => {
  beforeEach(freshDb);
  afterEach(() => vi.useRealTimers());

  it('sends the shown day only once that day is over', () => {
    expect(dayToSend('2026-03-29', '2026-03-30')).toBe('2026-03-29');
    expect(dayToSend('2026-03-30', '2026-03-30')).toBeUndefined();
    expect(dayToSend(undefined, '2026-03-30')).toBeUndefined();
    // A clock set back (or a time-zone change) must not turn a tap into a refused future mark.
    expect(dayToSend('2026-03-31', '2026-03-30')).toBeUndefined();
  });

  it('records Done tapped at 00:00:20 on the day the screen still showed, and says so', async () => {
    // Local times: the device's own zone decides the day, as on a phone.
    const h = await createHabit({ name: 'Read' }, new Date(2026, 2, 1, 8, 0, 0));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 30, 0, 0, 20));
    const toasts: ToastMessage[] = [];
    expect(await mark(h, 'done', (m) => toasts.push(m), { day: '2026-03-29' })).toBe(true);
    expect((await loadToday('2026-03-29')).habits[0].state).toBe('done');
    expect((await loadToday('2026-03-30')).habits[0].state).toBe('open');
    expect(toasts[0].text).toBe('Read: done for yesterday.');
  });
});

describe('the past-day form', () => {
  const week = (today: string) =>
    Array.from({ length: 7 }, (_, i) => new Date(Date.parse(today) - (i + 1) * 86_400_000).toISOString().slice(0, 10));

  it('defaults to the day before the current day, also after midnight while it stays open', () => {
    expect(pastDayChoice(week('2026-03-29'), null, '2026-03-29')).toBe('2026-03-28');
    expect(pastDayChoice(week('2026-03-30'), null, '2026-03-30')).toBe('2026-03-29');
    // A day the person picked stays while it can still be marked.
    expect(pastDayChoice(week('2026-03-30'), '2026-03-26', '2026-03-30')).toBe('2026-03-26');
    expect(pastDayChoice(week('2026-03-30'), '2026-03-20', '2026-03-30')).toBe('2026-03-29');
  });
});
