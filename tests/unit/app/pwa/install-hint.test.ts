// Who sees the "Add to Home Screen" hint: only iOS Safari outside the installed app, until dismissed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shouldShowInstallHint, type InstallHintEnv } from '../../../../src/app/pwa/installHint.ts';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/18.1 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'CriOS/131.0 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/18.1 Safari/605.1.15';
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

const env = (over: Partial<InstallHintEnv>): InstallHintEnv => ({
  userAgent: IPHONE_SAFARI,
  platform: 'iPhone',
  maxTouchPoints: 5,
  standalone: false,
  displayModeStandalone: false,
  dismissed: false,
  ...over,
});

describe('shouldShowInstallHint', () => {
  it('shows for iPhone Safari and iPadOS Safari (which reports a Mac with touch)', () => {
    expect(shouldShowInstallHint(env({}))).toBe(true);
    expect(shouldShowInstallHint(env({ userAgent: IPAD_AS_MAC, platform: 'MacIntel', maxTouchPoints: 5 }))).toBe(true);
  });

  it('does not show on a real Mac, Android, desktop Chrome or other iOS browsers', () => {
    expect(shouldShowInstallHint(env({ userAgent: IPAD_AS_MAC, platform: 'MacIntel', maxTouchPoints: 0 }))).toBe(false);
    expect(shouldShowInstallHint(env({ userAgent: ANDROID, platform: 'Linux armv8l' }))).toBe(false);
    expect(shouldShowInstallHint(env({ userAgent: DESKTOP_CHROME, platform: 'Linux x86_64', maxTouchPoints: 0 }))).toBe(
      false,
    );
    expect(shouldShowInstallHint(env({ userAgent: IPHONE_CHROME }))).toBe(false);
  });

  it('never shows inside the installed app or after dismissal, whatever the browser', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(IPHONE_SAFARI, IPHONE_CHROME, IPAD_AS_MAC, DESKTOP_CHROME, ANDROID),
        fc.constantFrom('iPhone', 'MacIntel', 'Linux x86_64'),
        fc.nat(10),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (userAgent, platform, maxTouchPoints, standalone, displayModeStandalone, dismissed) => {
          const shown = shouldShowInstallHint({
            userAgent,
            platform,
            maxTouchPoints,
            standalone,
            displayModeStandalone,
            dismissed,
          });
          if (standalone || displayModeStandalone || dismissed) expect(shown).toBe(false);
        },
      ),
    );
  });
});
