// Structural proof that training never runs on the main thread: in the production build, the
// training routine (recognised by messages that survive minification) is in the trainer worker's
// chunk and in sw.js, and in NONE of the chunks the page can load (entry, static and lazy imports).
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../support/build.ts';

// Messages of the train loop, the nightly run and the train service: code that exists only to train.
const TRAINING_MARKERS = [
  'trainEpochs: batchSize must be a positive integer', // src/learn/nn/train.ts
  'too little history to train the network', // src/learn/night.ts
  'the network was left as it was', // src/learn/night.ts divergence
  'checkpoint set aside: ', // src/trainer/train-service.ts
];

let dist: string;
let ownBuild = false;

beforeAll(() => {
  // NUDGE_DIST reuses an existing build; otherwise build privately so parallel runs never clash.
  if (process.env.NUDGE_DIST) {
    dist = process.env.NUDGE_DIST;
  } else {
    dist = mkdtempSync(join(tmpdir(), 'nudge-split-'));
    ownBuild = true;
    buildApp(dist);
  }
}, 240_000);

afterAll(() => {
  if (ownBuild) rmSync(dist, { recursive: true, force: true });
});

const read = (rel: string): string => readFileSync(join(dist, rel), 'utf8');

/** Chunks reachable from `start` through static `import ... from` / `import "..."` and dynamic import(). */
function importClosure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const rel = queue.pop()!;
    if (seen.has(rel) || !existsSync(join(dist, rel))) continue;
    seen.add(rel);
    const code = read(rel);
    const specs = [
      ...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g),
      // The minifier writes dynamic imports with template literals: import(`./workbox-window.prod.es5-abc.js`).
      ...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g),
    ]
      .map((m) => m[1])
      .filter(Boolean);
    for (const s of specs) queue.push(posix.normalize(posix.join(posix.dirname(rel), s)));
  }
  return seen;
}

function mainThreadChunks(): Set<string> {
  const html = read('index.html');
  const entries = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  expect(entries.length, 'index.html loads at least one module').toBeGreaterThan(0);
  return importClosure(entries);
}

function workerChunks(): Set<string> {
  const files = readdirSync(join(dist, 'assets')).filter((f) => /^trainer\.worker.*\.js$/.test(f));
  expect(files, 'the build emits the trainer worker as its own chunk').toHaveLength(1);
  return importClosure(files.map((f) => `assets/${f}`));
}

const text = (chunks: Set<string>): string => [...chunks].map(read).join('\n');

describe('bundle split: training stays off the main thread', () => {
  it('the trainer worker chunk contains the training routine', () => {
    const worker = text(workerChunks());
    for (const m of TRAINING_MARKERS) expect(worker, `worker chunk has "${m}"`).toContain(m);
  });

  it('sw.js contains the training routine (it trains inline on periodicsync)', () => {
    const sw = read('sw.js');
    for (const m of TRAINING_MARKERS) expect(sw, `sw.js has "${m}"`).toContain(m);
    expect(sw).toContain('periodicsync');
  });

  it('no chunk the page loads (entry, preloads, lazy imports) contains it', () => {
    const main = mainThreadChunks();
    // The closure must follow lazy imports too, or a lazy chunk would go unchecked: workbox-window is one.
    expect(
      [...main].some((c) => c.startsWith('assets/workbox-window')),
      'the page closure reaches the lazily imported workbox-window chunk',
    ).toBe(true);
    const worker = workerChunks();
    for (const w of worker) expect(main.has(w), `${w} is not imported by the page`).toBe(false);
    const code = text(main);
    for (const m of TRAINING_MARKERS) expect(code, `main-thread chunks must not contain "${m}"`).not.toContain(m);
    // The page does reference the worker, by URL only (new Worker(new URL(...))).
    expect(code).toMatch(/trainer\.worker[^"']*\.js/);
  });
});
