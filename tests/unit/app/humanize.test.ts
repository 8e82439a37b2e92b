// Sizes in Settings read as plain words: "1 byte", and no "1000 KB" where the next unit is meant.
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/app/humanize.ts';

describe('formatBytes', () => {
  it('says "1 byte", not "1 bytes"', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
  });

  it('rolls over to the next unit when rounding reaches 1000', () => {
    expect(formatBytes(999_600)).toBe('1.0 MB');
    expect(formatBytes(999_999_999)).toBe('1.0 GB');
    expect(formatBytes(999_499)).toBe('999 KB');
  });

  it('drops the decimal once rounding reaches 10', () => {
    expect(formatBytes(9_960_000)).toBe('10 MB');
    expect(formatBytes(9_940_000)).toBe('9.9 MB');
  });
});
