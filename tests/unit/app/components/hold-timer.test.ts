// The Undo toast's countdown (WCAG 2.2.1): it must not run out while the pointer rests on the
// toast or focus is inside it, and must go on with the time it had left afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoldTimer } from '../../../../src/app/components/holdTimer.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('toast countdown', () => {
  it('stands still while focus is inside, then uses only the time it had left', () => {
    const end = vi.fn();
    const t = new HoldTimer(end);
    t.start(8000);
    vi.advanceTimersByTime(5000);
    t.hold('focus');
    vi.advanceTimersByTime(60_000);
    expect(end).not.toHaveBeenCalled();
    t.release('focus');
    vi.advanceTimersByTime(2999);
    expect(end).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('keeps standing still until both the pointer and focus have left', () => {
    const end = vi.fn();
    const t = new HoldTimer(end);
    t.start(8000);
    t.hold('pointer');
    t.hold('focus');
    t.release('pointer');
    vi.advanceTimersByTime(20_000);
    expect(end).not.toHaveBeenCalled();
    t.release('focus');
    vi.advanceTimersByTime(8000);
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('starts a new message held when the pointer is still over the toast', () => {
    const end = vi.fn();
    const t = new HoldTimer(end);
    t.start(8000, ['pointer']);
    vi.advanceTimersByTime(20_000);
    expect(end).not.toHaveBeenCalled();
  });

  it('forgets holds when the message goes, so the next one is not stuck on screen', () => {
    const end = vi.fn();
    const t = new HoldTimer(end);
    t.start(8000);
    t.hold('pointer');
    t.cancel();
    t.start(8000);
    vi.advanceTimersByTime(8000);
    expect(end).toHaveBeenCalledTimes(1);
  });
});
