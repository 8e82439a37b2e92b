// What the scheduler runs after a busy moment: causes arriving during a moment that must not be lost.
import { describe, expect, it } from 'vitest';
import { queueBehind } from '../../../src/autotrain/start.ts';

describe('queueBehind: what runs after a busy moment', () => {
  it('keeps a day change arriving mid-moment (midnight must recompute today), ahead of data and charging', () => {
    expect(queueBehind(null, 'daychange')).toBe('daychange');
    expect(queueBehind('data', 'daychange')).toBe('daychange');
    expect(queueBehind('daychange', 'data')).toBe('daychange');
    expect(queueBehind('daychange', 'charging')).toBe('daychange');
    expect(queueBehind(null, 'data')).toBe('data');
    expect(queueBehind('data', 'charging')).toBe('charging');
    expect(queueBehind(null, 'tick')).toBe(null);
    expect(queueBehind('data', 'return')).toBe('data');
  });
});
