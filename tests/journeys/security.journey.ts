/**
 * Hostile text: habit names typed or imported as HTML and script payloads are shown as plain text on every
 * screen, nothing they describe is created and nothing runs; the Content-Security-Policy stops an injected
 * inline script. (No foreign request is ever made: the Playwright guard checks every journey for that.)
 */
import assert from 'node:assert/strict';
import { type Driver, inside, role } from './driver.ts';
import { expectThat } from './expect.ts';
import type { JourneyFile } from './journey.ts';
import { addHabit, habitRow, importBackup, openScreen, openToday, screenHeading } from './steps.ts';

// Each tries a different way in; all are at most 60 characters (the name limit) and valid habit ids.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=2">',
  '<script>window.__pwned=3</script>',
  'javascript:window.__pwned=4//',
  '<iframe srcdoc="<script>parent.__pwned=5</script>">',
  '{{constructor.constructor("window.__pwned=6")()}}',
];

function hostileBackup(): string {
  return JSON.stringify({
    app: 'nudge',
    kind: 'backup',
    version: 1,
    exportedAt: '2026-02-01T00:00:00.000Z',
    timeZone: 'Europe/Paris',
    habits: PAYLOADS.map((p, i) => ({
      id: p,
      name: p,
      createdAt: `2026-01-0${i + 1}T08:00:00.000+01:00`,
      archivedAt: null,
    })),
    events: PAYLOADS.flatMap((p, i) => [
      { type: 'habitCompleted', habitId: p, at: `2026-01-1${i}T21:00:00.000+01:00` },
      { type: 'habitSkipped', habitId: p, at: `2026-01-2${i}T21:00:00.000+01:00` },
    ]),
  });
}

/** What a payload could have done to the page: a global set, an element created, a link off the hash routes. */
function injected(d: Driver) {
  return d.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned ?? null,
    // The app draws its icons as inline <svg> without handlers; anything below is a payload's doing.
    elements: [
      ...document.querySelectorAll('#app img, #app script, #app iframe, #app [onload], #app [onerror], #app [srcdoc]'),
    ].map((e) => e.outerHTML.slice(0, 80)),
    badLinks: [...document.querySelectorAll('#app a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => !h.startsWith('#')),
  }));
}

const firstHeading = inside(role('main'), role('heading', undefined, { level: 2, nth: 0 }));

export default {
  journeys: [
    {
      name: 'a habit name typed as HTML is shown as text on every screen',
      async run(d) {
        const evil = '<img src=x onerror=alert(1)>';
        await openToday(d);
        await addHabit(d, evil);
        await expectThat(d, inside(habitRow(evil), role('heading'))).toHaveText(evil);
        await d.goto('./#/history');
        await expectThat(d, screenHeading(`History: ${evil}`)).toBeVisible();
        await openScreen(d, '#/habits', 'Habits');
        await openToday(d);
        assert.deepEqual(await injected(d), { pwned: null, elements: [], badLinks: [] });
        assert.deepEqual(await d.dialogs(), []);
      },
    },
    {
      name: 'habit ids and names from an imported backup are never interpreted as HTML or script',
      timeoutMs: 120_000,
      async run(d) {
        await importBackup(d, { name: 'hostile.json', text: hostileBackup() });
        const visit = async (hash: string) => {
          await d.goto(`./${hash}`);
          await expectThat(d, firstHeading).toBeVisible();
          assert.deepEqual(await injected(d), { pwned: null, elements: [], badLinks: [] }, `on ${hash}`);
        };
        await visit('#/today');
        for (const p of PAYLOADS) await expectThat(d, inside(habitRow(p), role('heading'))).toHaveText(p);
        await visit('#/habits');
        await visit('#/history');
        await visit('#/insights');
        for (const p of PAYLOADS) {
          await visit(`#/history/${encodeURIComponent(p)}`);
          await expectThat(d, screenHeading(`History: ${p}`)).toBeVisible();
          await visit(`#/insights/${encodeURIComponent(p)}`);
        }
        assert.deepEqual(await d.dialogs(), []);
      },
    },
    {
      name: 'the Content-Security-Policy stops an injected inline script',
      provokesCspViolation: true,
      async run(d) {
        await openToday(d);
        const result = await d.evaluate(
          () =>
            new Promise<{ ran: boolean; violation: string }>((ok) => {
              let violation = '';
              document.addEventListener('securitypolicyviolation', (e) => {
                violation = e.violatedDirective;
              });
              const script = document.createElement('script');
              script.textContent = 'window.__injectedRan = true;';
              document.body.append(script);
              setTimeout(
                () => ok({ ran: (window as { __injectedRan?: boolean }).__injectedRan === true, violation }),
                300,
              );
            }),
        );
        assert.equal(result.ran, false, 'the injected inline script ran');
        assert.match(result.violation, /^script-src/);
      },
    },
  ],
} satisfies JourneyFile;
