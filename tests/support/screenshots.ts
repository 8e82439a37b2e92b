/**
 * Reference screenshots in tests/e2e/__screens__/: the first run writes `<name>.png`; later runs compare bytes
 * and, when they differ, write `<name>.actual.png` beside it (git-ignored). Differences are reported, never
 * failed on: pixels differ across browser builds, fonts and the day the sample history is drawn on.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where every browser suite keeps its reference screenshots. */
export const SCREENS_DIR = fileURLToPath(new URL('../e2e/__screens__/', import.meta.url));

/** Writes or compares `<name>.png`; returns one line saying which. */
export function compareWithReference(name: string, shot: Buffer): string {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = `${SCREENS_DIR}${name}.png`;
  if (!existsSync(file)) {
    writeFileSync(file, shot);
    return `${name}: reference written`;
  }
  const ref = readFileSync(file);
  if (ref.equals(shot)) return `${name}: identical to the reference`;
  // A byte comparison of PNGs is enough to report "changed"; the size hints at how much.
  writeFileSync(`${SCREENS_DIR}${name}.actual.png`, shot);
  return `${name}: DIFFERS from the reference (${ref.length} vs ${shot.length} bytes; see ${name}.actual.png)`;
}
