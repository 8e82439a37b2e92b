/**
 * Playwright global setup: builds the app ONCE into a private temporary directory and points the suite at it
 * through $NUDGE_DIST (read by distDir() in static-server.ts; the workers inherit the variable).
 * NUDGE_SKIP_BUILD=1 skips the build and serves $NUDGE_DIST or dist/ as it is (npm test builds once up front).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './build.ts';

/** Runs before the whole Playwright suite; returns the teardown that removes the private build. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.NUDGE_SKIP_BUILD === '1') return async () => {};
  const outDir = mkdtempSync(join(tmpdir(), 'nudge-e2e-dist-'));
  buildApp(outDir);
  process.env.NUDGE_DIST = outDir;
  return async () => rmSync(outDir, { recursive: true, force: true });
}
