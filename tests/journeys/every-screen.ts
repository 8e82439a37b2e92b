/**
 * Journeys that visit every screen (screens.ts) in one colour scheme: axe-core finds no serious or critical
 * violation; at iPhone size (390x844) nothing overflows sideways, no control sits under the fixed tab bar when
 * the page is scrolled to its end, and touch targets are at least 44x44 CSS px. Screenshots of each screen go
 * to tests/e2e/__screens__/<screen>-<scheme>.<engine>.png, beside Chromium's iPhone references.
 */
import assert from 'node:assert/strict';
import { compareWithReference } from '../support/screenshots.ts';
import type { Driver } from './driver.ts';
import type { Journey } from './journey.ts';
import { cancelDialog, SCREENS } from './screens.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails unless the browser renders in this colour scheme (WebKitGTK takes it from the session's settings). */
async function expectScheme(d: Driver, scheme: 'light' | 'dark'): Promise<void> {
  const dark = await d.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  assert.equal(dark ? 'dark' : 'light', scheme, 'the colour scheme in force');
}

/** axe on every screen in this scheme. */
export function axeOnEveryScreen(scheme: 'light' | 'dark'): Journey {
  return {
    name: `axe: no serious or critical violations on any screen (${scheme})`,
    timeoutMs: 240_000,
    async run(d) {
      const found: string[] = [];
      for (const screen of SCREENS) {
        await screen.open(d);
        if (screen === SCREENS[0]) await expectScheme(d, scheme);
        for (const v of await d.axe(AXE_TAGS)) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${screen.name}: ${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
        }
      }
      await cancelDialog(d);
      assert.deepEqual(found, []);
    },
  };
}

/** Runs IN THE PAGE: what is wrong with the screen's geometry at phone size, scrolled to its end. */
export function pageGeometry(): string[] {
  const out: string[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > innerWidth) out.push(`horizontal overflow: scrollWidth ${root.scrollWidth} > ${innerWidth}`);
  const bar = document.querySelector<HTMLElement>('nav[aria-label="Main"]');
  if (!bar || getComputedStyle(bar).position !== 'fixed') out.push('the tab bar is not fixed to the bottom');
  scrollTo(0, root.scrollHeight);
  const barTop = bar ? bar.getBoundingClientRect().top : innerHeight;
  const name = (el: HTMLElement) =>
    `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
  // A modal dialog sits above the tab bar: then only its own controls are in reach.
  const scope = document.querySelector('dialog[open]') ?? document;
  for (const el of scope.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
    if (bar?.contains(el) || el.closest('dialog, .sr-only') || el.classList.contains('skip-link')) continue;
    if (el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight) continue;
    if (r.bottom > barTop + 0.5)
      out.push(`${name(el)} (${Math.round(r.top)}..${Math.round(r.bottom)}) is under the tab bar (from ${barTop})`);
  }
  for (const el of scope.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
    if (el.getClientRects().length === 0 || el.closest('.sr-only') || el.classList.contains('skip-link')) continue;
    // A checkbox, radio or file input counts with its label: that is what a finger hits.
    const input = el as HTMLInputElement;
    const target = input.labels?.[0] && /checkbox|radio|file/.test(input.type) ? input.labels[0] : el;
    // Links inside running text are exempt (WCAG 2.5.8 inline exception).
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
    const r = target.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5)
      out.push(`${name(el)} is ${Math.round(r.width)}x${Math.round(r.height)}, smaller than 44x44`);
  }
  scrollTo(0, 0);
  return out;
}

/** The iPhone-size geometry of every screen in this scheme, with screenshots. */
export function iphoneGeometry(scheme: 'light' | 'dark'): Journey {
  return {
    name: `iPhone 390x844: no screen overflows, no control under the tab bar, 44 px targets (${scheme})`,
    timeoutMs: 180_000,
    async run(d) {
      await d.setViewport({ width: 390, height: 844 });
      const problems: string[] = [];
      const shots: string[] = [];
      for (const screen of SCREENS) {
        await screen.open(d);
        if (screen === SCREENS[0]) await expectScheme(d, scheme);
        for (const p of await d.evaluate(pageGeometry)) problems.push(`${screen.name}: ${p}`);
        shots.push(compareWithReference(`${screen.name}-${scheme}.${d.engine}`, await d.screenshot()));
      }
      await cancelDialog(d);
      console.log(`[iphone] screenshots (${d.engine}, ${scheme}):\n  ${shots.join('\n  ')}`);
      assert.deepEqual(problems, []);
    },
  };
}
