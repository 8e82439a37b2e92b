/**
 * Builds the production app for the browser suites.
 *
 *   buildApp(outDir?)  runs `vite build` (into outDir, default dist/) and throws with vite's output when it fails.
 *
 * The e2e global setup builds into a private temporary directory so several people (or runs) working in the same
 * tree never serve each other's half-written dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json and vite.config.ts live). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `vite build`; outDir defaults to dist/. Throws with the build output on failure. */
export function buildApp(outDir?: string): void {
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  if (!existsSync(vite)) throw new Error(`build: ${vite} is missing — run npm install first`);
  const args = [vite, 'build', '--logLevel', 'warn'];
  if (outDir) args.push('--outDir', outDir, '--emptyOutDir');
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`build: vite build failed (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
  }
}
