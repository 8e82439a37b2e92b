// History's recent events say "marked later" only for a mark made for a past day; a '|' in a
// habit id (allowed in backups) must not make an ordinary mark look like one.
import { describe, expect, it } from 'vitest';
import { toStoredEvent } from '../../../../src/data/eventRow.ts';
import { markedLater } from '../../../../src/app/history/RecentEvents.tsx';

describe('marked later', () => {
  it('ignores a | in the habit id: only the past-day mark reads as marked later', () => {
    const sameDay = toStoredEvent({
      type: 'habitCompleted',
      habitId: 'read|daily',
      at: '2026-03-01T21:00:00.000+01:00',
    })!;
    const pastDay = toStoredEvent({
      type: 'habitCompleted',
      habitId: 'read|daily',
      at: '2026-03-02T08:00:00.000+01:00',
      day: '2026-03-01',
    })!;
    expect(markedLater(sameDay)).toBe(false);
    expect(markedLater(pastDay)).toBe(true);
    // A mark that names its own day on that day (how a Loop import stores a day) is not "later".
    const ownDay = toStoredEvent({
      type: 'habitCompleted',
      habitId: 'read|daily',
      at: '2026-03-01T23:59:59.000+00:00',
      day: '2026-03-01',
    })!;
    expect(markedLater(ownDay)).toBe(false);
  });
});
