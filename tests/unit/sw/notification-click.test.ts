import { describe, expect, it } from 'vitest';
import { openReminder, type ClientsLike } from '../../../src/sw/notification-click.ts';
import {
  REMINDER_TAPPED_MESSAGE,
  isReminderData,
  reminderFromHash,
  reminderHash,
  reminderTag,
} from '../../../src/remind/protocol.ts';

const SCOPE = 'https://nudge.example/app/';

function fakeClients(urls: string[], focusFails = false) {
  const log: string[] = [];
  const clients: ClientsLike = {
    matchAll: async () =>
      urls.map((url) => ({
        url,
        focus: async () => {
          log.push(`focus ${url}`);
          if (focusFails) throw new Error('not allowed');
        },
        postMessage: (m: unknown) => {
          log.push(`post ${url} ${JSON.stringify(m)}`);
        },
      })),
    openWindow: async (url: string) => {
      log.push(`open ${url}`);
    },
  };
  return { clients, log };
}

describe('tapping a reminder notification', () => {
  it('opens the app at Today with the habit in the hash when no window is open', async () => {
    const { clients, log } = fakeClients(['https://other.example/']);
    expect(await openReminder(clients, SCOPE, 'read & write')).toBe('opened');
    expect(log).toEqual([`open ${SCOPE}#/today?reminder=read%20%26%20write`]);
    // The page decodes exactly the id that was sent.
    expect(reminderFromHash(new URL(log[0].slice(5)).hash)).toBe('read & write');
  });

  it('tells an open window (which records the tap) and focuses it, even when focus is refused', async () => {
    const { clients, log } = fakeClients([`${SCOPE}#/settings`], true);
    expect(await openReminder(clients, SCOPE, 'run')).toBe('focused');
    expect(log).toEqual([
      `post ${SCOPE}#/settings ${JSON.stringify({ type: REMINDER_TAPPED_MESSAGE, habitId: 'run' })}`,
      `focus ${SCOPE}#/settings`,
    ]);
  });
});

describe('reminder protocol', () => {
  it('round-trips habit ids through the hash and ignores other hashes', () => {
    for (const id of ['a', 'read-x9', 'ü ñ/?#&=']) expect(reminderFromHash(reminderHash(id))).toBe(id);
    expect(reminderFromHash('#/today')).toBeNull();
    expect(reminderFromHash('#/today?reminder=')).toBeNull();
  });
  it('tags one notification per habit per day and recognises only its own data', () => {
    expect(reminderTag('a', '2026-03-01')).not.toBe(reminderTag('a', '2026-03-02'));
    expect(isReminderData({ kind: 'nudge-reminder', habitId: 'a', day: '2026-03-01' })).toBe(true);
    expect(isReminderData({ kind: 'other', habitId: 'a' })).toBe(false);
    expect(isReminderData(null)).toBe(false);
  });
});
