/**
 * The iPhone look (issue 5), Chromium: an iPhone-sized viewport (390x844, device scale 3, mobile, touch) with the
 * notch and home-indicator insets emulated through the DevTools protocol (Emulation.setSafeAreaInsetsOverride,
 * top 47 / bottom 34). On every screen, light and dark: nothing overflows horizontally, and no interactive control
 * sits inside the inset areas (the tab bar must clear the home indicator). Screenshots are written to
 * tests/e2e/__screens__/ as references; differences against a committed reference are reported, never failed on
 * (pixels differ across browser builds and fonts).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { playwrightDriver } from '../journeys/playwright-driver.ts';
import { cancelDialog, SCREENS } from '../journeys/screens.ts';
import { compareWithReference } from '../support/screenshots.ts';

const INSETS = { top: 47, bottom: 34, left: 0, right: 0 };

test.skip(
  ({ browserName }) => browserName !== 'chromium',
  'safe-area emulation is a Chromium DevTools protocol command',
);
test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
test.describe.configure({ mode: 'parallel' });

async function emulateInsets(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setSafeAreaInsetsOverride' as never, { insets: INSETS } as never);
  } catch (err) {
    // Fallback for a Chromium without the command: not equivalent (env() stays 0), so say so loudly.
    console.log(
      `[iphone] NOTE: Emulation.setSafeAreaInsetsOverride failed (${String(err)}); ` +
        'geometry checked against zero insets',
    );
  }
}

async function geometryProblems(page: Page): Promise<string[]> {
  return page.evaluate((insets) => {
    const out: string[] = [];
    const width = document.scrollingElement!.scrollWidth;
    if (width > innerWidth) out.push(`horizontal overflow: scrollWidth ${width} > ${innerWidth}`);
    const scope = document.querySelector('dialog[open]') ?? document;
    for (const el of scope.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
      if (el.getClientRects().length === 0 || el.classList.contains('skip-link') || el.closest('.sr-only')) continue;
      const r = el.getBoundingClientRect();
      // Scrolled out of view: it can be scrolled clear of the insets.
      if (r.bottom <= 0 || r.top >= innerHeight) continue;
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
      const label = `<${el.tagName.toLowerCase()}> "${text}"`;
      // Only fixed/sticky controls stay put; a control in the scrolling flow can always be scrolled out of an inset.
      let fixed = false;
      for (let e: HTMLElement | null = el; e; e = e.parentElement) {
        const pos = getComputedStyle(e).position;
        if (pos === 'fixed' || pos === 'sticky') fixed = true;
      }
      if (!fixed && !el.closest('dialog')) {
        if (r.top < insets.top && scrollY === 0)
          out.push(`${label} top ${Math.round(r.top)} is inside the top inset (${insets.top}px)`);
        continue;
      }
      if (r.top < insets.top) out.push(`${label} top ${Math.round(r.top)} is inside the top inset (${insets.top}px)`);
      if (r.bottom > innerHeight - insets.bottom)
        out.push(
          `${label} bottom ${Math.round(r.bottom)} is inside the bottom inset ` +
            `(${innerHeight - insets.bottom}..${innerHeight})`,
        );
    }
    return out;
  }, INSETS);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`iPhone 390x844 with notch and home indicator: every screen fits (${colorScheme})`, async ({
    page,
    server,
  }, info) => {
    test.setTimeout(120_000);
    const d = playwrightDriver({ page, server, engine: 'chromium' });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await emulateInsets(page);
    const problems: string[] = [];
    const report: string[] = [];
    for (const screen of SCREENS) {
      await screen.open(d);
      await emulateInsets(page); // a navigation may reset the override
      await page.evaluate(() => scrollTo(0, 0));
      const insetTop = await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.style.cssText = 'position:fixed;top:0;height:env(safe-area-inset-top);width:1px';
        document.body.append(probe);
        const h = probe.getBoundingClientRect().height;
        probe.remove();
        return h;
      });
      if (insetTop !== INSETS.top)
        problems.push(
          `${screen.name}: env(safe-area-inset-top) is ${insetTop}px, not ${INSETS.top}px (emulation not in force)`,
        );
      for (const p of await geometryProblems(page)) problems.push(`${screen.name}: ${p}`);
      const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      report.push(compareWithReference(`${screen.name}-${colorScheme}`, shot));
    }
    await cancelDialog(d);
    const summary = report.join('\n');
    console.log(`[iphone] screenshots (${colorScheme}):\n${summary}`);
    info.annotations.push({ type: 'screenshots', description: summary });
    expect(problems).toEqual([]);
  });
}
