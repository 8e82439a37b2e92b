// The scheduler's timeline marks are capped (an app open for weeks must not grow the page's
// performance timeline without end), while the newest marks, which the browser tests wait on, stay
// with their original names, order and times.
import { afterEach, describe, expect, it } from 'vitest';
import { markMoment, MOMENT_MARKS_KEPT } from '../../../src/autotrain/start.ts';

const moments = () => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('nudge:moment:'));

afterEach(() => performance.clearMarks());

describe('markMoment', () => {
  it('keeps the newest MOMENT_MARKS_KEPT marks with their names, order and times, and leaves other marks alone', () => {
    performance.mark('nudge:app-start');
    const names = Array.from({ length: MOMENT_MARKS_KEPT * 2 + 7 }, (_, i) =>
      i % 3 === 0 ? 'nudge:moment:tick:none:0' : `nudge:moment:data:manual:${i}`,
    );
    const times: number[] = [];
    for (const n of names) {
      markMoment(n);
      times.push(moments().at(-1)!.startTime);
    }
    const kept = moments();
    expect(kept.map((m) => m.name)).toEqual(names.slice(-MOMENT_MARKS_KEPT));
    expect(kept.map((m) => m.startTime)).toEqual(times.slice(-MOMENT_MARKS_KEPT));
    expect(performance.getEntriesByName('nudge:app-start')).toHaveLength(1);
  });

  it('adds marks untouched below the cap', () => {
    markMoment('nudge:moment:launch:none:0');
    markMoment('nudge:moment:data:launch:5');
    expect(moments().map((m) => m.name)).toEqual(['nudge:moment:launch:none:0', 'nudge:moment:data:launch:5']);
  });
});
