// The JSON error locator agrees with JSON.parse on validity and points at the first bad character.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorPosition } from '../../../src/data/backup/json-position.ts';

function parses(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

describe('jsonErrorPosition', () => {
  it('points at the offending character', () => {
    expect(jsonErrorPosition('{"a": }')).toBe(6);
    expect(jsonErrorPosition('[1, 2,]')).toBe(6);
    expect(jsonErrorPosition('{"a": 1} x')).toBe(9);
    expect(jsonErrorPosition('{"a": tru}')).toBe(9);
    expect(jsonErrorPosition('{"a": [1, 2')).toBe(11);
    expect(jsonErrorPosition('"abc')).toBe(4);
    expect(jsonErrorPosition('['.repeat(100_000))).toBe(100_000);
    expect(jsonErrorPosition(' {"a": [1, {"b": null}], "c": "\\u00e9"} ')).toBe(-1);
  });
  it('agrees with JSON.parse on random and mutated JSON', () => {
    const mutate = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '0', '-', ' '))
      .map(([j, k, c]) => {
        const i = j.length ? k % j.length : 0;
        return j.slice(0, i) + c + j.slice(i + (k % 2));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutate, fc.string()), (s) => {
        expect(jsonErrorPosition(s) === -1).toBe(parses(s));
      }),
      { numRuns: 5000 },
    );
  });
});
