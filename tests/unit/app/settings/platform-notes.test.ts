// What Settings says this device can and cannot do for reminders and training.
import { describe, expect, it } from 'vitest';
import { platformNotes, type Capabilities } from '../../../../src/app/settings/capabilities.ts';

describe('platform notes', () => {
  const iphoneTab: Capabilities = {
    notifications: 'unsupported',
    badge: false,
    periodicSync: false,
    installed: false,
    idleCallback: false,
    battery: false,
    webLocks: true,
  };
  const chromeApp: Capabilities = {
    notifications: 'granted',
    badge: true,
    periodicSync: true,
    installed: true,
    idleCallback: true,
    battery: true,
    webLocks: true,
  };
  it('always says that no web app can schedule a notification without a server', () => {
    for (const c of [iphoneTab, chromeApp]) {
      const n = platformNotes(c).find((x) => x.id === 'schedule')!;
      expect(n.ok).toBe(false);
      expect(n.text).toMatch(/No web app can schedule a notification for a set time without a server/);
    }
  });
  it('tells an iPhone tab to add Nudge to the Home Screen and that training happens only while open', () => {
    const notes = Object.fromEntries(platformNotes(iphoneTab).map((n) => [n.id, n]));
    expect(notes.notifications.text).toMatch(/Home Screen/);
    expect(notes.background.ok).toBe(false);
    expect(notes.background.text).toMatch(/quiet moment without input/);
    expect(notes.badge.ok).toBe(false);
  });
  it('reports what an installed Chromium app can do', () => {
    const notes = Object.fromEntries(platformNotes(chromeApp).map((n) => [n.id, n]));
    expect([notes.notifications.ok, notes.badge.ok, notes.background.ok]).toEqual([true, true, true]);
  });
});
