// Calendar arithmetic must hold for every year a backup can write (0000-9999): Date.UTC reads the
// years 0-99 as 1900-1999, so a typo such as 0026 would land on the wrong day instead of being refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, dayToNumber, isDay, localDayOf, numberToDay, parseInstant } from '../../../src/learn/time.ts';

const FIRST = dayToNumber('0000-01-01');
const LAST = dayToNumber('9999-12-31');

describe('time', () => {
  it('numbers and parses every day of the years 0000-9999 consistently (years 0-99 are not 1900-1999)', () => {
    expect(FIRST).toBe(-719528);
    expect(LAST).toBe(2932896);
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST, max: LAST }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: -720, max: 840 }),
        (n, minute, offset) => {
          const day = numberToDay(n);
          expect(dayToNumber(day)).toBe(n);
          expect(isDay(day)).toBe(true);
          const sign = offset < 0 ? '-' : '+';
          const two = (v: number): string => String(v).padStart(2, '0');
          const o = `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
          const at = `${day}T${two(Math.floor(minute / 60))}:${two(minute % 60)}:00${o}`;
          const inst = parseInstant(at)!;
          expect(inst.t).toBe((n * 1440 + minute - offset) * 60_000);
          expect(localDayOf(inst.t, inst.offset)).toBe(day);
        },
      ),
      { numRuns: 2000 },
    );
    expect(localDayOf(parseInstant('0050-06-01T12:00:00Z')!.t, 0)).toBe('0050-06-01');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(isDay('0000-02-29')).toBe(true); // 0 is divisible by 400
    expect(isDay('1900-02-29')).toBe(false);
  });
});
