#!/usr/bin/env node
// `npm test`: every suite in order — lint (Biome and the 120-column check), typecheck, unit (Vitest), build,
// e2e (Playwright: tests/e2e), journeys (Playwright: tests/journeys), webkit (the same journeys in WebKitGTK
// through WebKitWebDriver), scale (the bench/browser-*.ts benchmarks, --smoke) —
// with each suite's wall time, a summary, and a last line `tests: N passed, M failed[, K skipped]`.
// Exit code is non-zero when any suite fails. NUDGE_REQUIRE_BROWSERS=1 (CI) turns a skipped browser suite
// (no Chromium at all, no WebKitGTK driver) into a failure; Playwright's own WebKit project being skipped is
// allowed (its patched build cannot be installed everywhere) but reported.
// The app is built ONCE into a private temp dir that every browser suite serves (NUDGE_DIST), so parallel runs in
// the same checkout never serve each other's half-written dist/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, webkit } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const requireBrowsers = process.env.NUDGE_REQUIRE_BROWSERS === '1';
const distDir = mkdtempSync(join(tmpdir(), 'nudge-test-dist-'));
const results = [];

/** Runs a command with output streamed through; resolves { code, output }. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (error) => resolve({ code: 127, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Runs one suite and records pass / fail / skipped with its wall time. */
async function suite(name, fn) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let status;
  let note = '';
  try {
    ({ status, note = '' } = await fn());
  } catch (error) {
    status = 'failed';
    note = error instanceof Error ? error.message : String(error);
  }
  const seconds = (Date.now() - started) / 1000;
  results.push({ name, status, seconds, note });
  console.log(`━━ ${name}: ${status.toUpperCase()} in ${seconds.toFixed(1)} s${note ? ` (${note})` : ''}`);
  return status;
}

const fromCode = (code) => ({ status: code === 0 ? 'passed' : 'failed', note: code === 0 ? '' : `exit code ${code}` });

await suite('lint', async () => fromCode((await run('npm', ['run', '-s', 'lint'])).code));

await suite('typecheck', async () => fromCode((await run('npm', ['run', '-s', 'typecheck'])).code));

await suite('unit', async () => fromCode((await run(bin('vitest'), ['run'])).code));

const build = await suite('build', async () =>
  fromCode(
    (
      await run(process.execPath, [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        distDir,
        '--emptyOutDir',
      ])
    ).code,
  ));
const built = build === 'passed' && existsSync(join(distDir, 'index.html'));
const browserEnv = { NUDGE_SKIP_BUILD: '1', NUDGE_DIST: distDir };

/** One Playwright run over `dir` (Chromium, and Playwright's WebKit where installed). */
async function playwrightSuite(dir) {
  if (!built) return { status: 'failed', note: 'not run: the build failed' };
  const haveChromium = existsSync(chromium.executablePath()) || existsSync('/usr/bin/chromium');
  const haveWebkit = existsSync(webkit.executablePath());
  if (!haveChromium && !haveWebkit) {
    return {
      status: requireBrowsers ? 'failed' : 'skipped',
      note: 'no Chromium (Playwright or /usr/bin/chromium) and no Playwright WebKit',
    };
  }
  const { code, output } = await run(bin('playwright'), ['test', dir], browserEnv);
  const notes = [output.match(/^\s*\d+ passed/m)?.[0]?.trim()].filter(Boolean);
  if (!haveChromium) notes.push('chromium project skipped: no Chromium installed');
  if (!haveWebkit)
    notes.push("webkit project skipped: Playwright's WebKit is not installed (real WebKit runs in the webkit suite)");
  if (code !== 0) return { status: 'failed', note: [`exit code ${code}`, ...notes].join('; ') };
  if (!haveChromium && requireBrowsers) return { status: 'failed', note: notes.join('; ') };
  return { status: 'passed', note: notes.join('; ') };
}

// The journeys (tests/journeys) run here in Chromium and below in WebKitGTK; tests/e2e holds what only
// Playwright with Chromium can do (DevTools protocol, signals emulated by init scripts, several pages).
await suite('e2e', () => playwrightSuite('tests/e2e'));
await suite('journeys', () => playwrightSuite('tests/journeys'));

await suite('webkit', async () => {
  if (!built) return { status: 'failed', note: 'not run: the build failed' };
  const { code, output } = await run(bin('tsx'), [join(root, 'tests/webkit/run.ts')], browserEnv);
  if (code !== 0) return { status: 'failed', note: `exit code ${code}` };
  if (/^webkit: skipped/m.test(output))
    return { status: requireBrowsers ? 'failed' : 'skipped', note: 'WebKitWebDriver missing' };
  return { status: 'passed', note: output.match(/^webkit: \d+ passed, \d+ failed/m)?.[0] ?? '' };
});

// The browser benchmarks (scale, Today's launch, the nightly run, imports), once each as a smoke run (1 year):
// figures are printed, never asserted; the suite fails only when a bench crashes or reports an error.
const SMOKE_BENCHES = [
  ['browser-scale', /^import \d+ ms.*/m],
  ['browser-today', /^Today first render.*/m],
  ['browser-nightly', /^nightly .*/m],
  ['browser-import', /^browser-import: backup .*/m],
];
await suite('scale', async () => {
  if (!built) return { status: 'failed', note: 'not run: the build failed' };
  if (!existsSync(chromium.executablePath()) && !existsSync('/usr/bin/chromium')) {
    return { status: requireBrowsers ? 'failed' : 'skipped', note: 'no Chromium (Playwright or /usr/bin/chromium)' };
  }
  const notes = [];
  for (const [name, figure] of SMOKE_BENCHES) {
    const { code, output } = await run(bin('tsx'), [join(root, `bench/${name}.ts`), '--smoke'], browserEnv);
    if (code !== 0) {
      const error = output.match(new RegExp(`^${name}: .*(ERROR|error).*`, 'm'))?.[0];
      return { status: 'failed', note: error ?? `${name} exit code ${code}` };
    }
    const line = output.match(figure)?.[0];
    if (line) notes.push(line);
  }
  return { status: 'passed', note: notes.join('; ') };
});

rmSync(distDir, { recursive: true, force: true });

const count = (s) => results.filter((r) => r.status === s).length;
console.log('\nSummary');
for (const r of results) {
  const mark = r.status === 'passed' ? '✓' : r.status === 'skipped' ? '-' : '✗';
  const seconds = `${r.seconds.toFixed(1).padStart(6)} s`;
  console.log(`  ${mark} ${r.name.padEnd(10)} ${r.status.padEnd(8)} ${seconds}${r.note ? `  ${r.note}` : ''}`);
}
const total = results.reduce((t, r) => t + r.seconds, 0);
console.log(
  `  total ${total.toFixed(1)} s${requireBrowsers ? ' (NUDGE_REQUIRE_BROWSERS=1: skipped browser suites fail)' : ''}`,
);
const skipped = count('skipped');
console.log(`tests: ${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(count('failed') > 0 ? 1 : 0);
