#!/usr/bin/env node
// Fails when a tracked source file has a line longer than 120 characters. Biome's formatter wraps code at
// that width but leaves long comments and strings alone, and it has no rule of its own for them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;
const SOURCE = /\.(ts|tsx|mjs|js|css)$/; // not index.html: its splash-screen links are generated (npm run icons)
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => SOURCE.test(f));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    const width = [...line].length;
    if (width > MAX) long.push(`${file}:${i + 1}: ${width} characters (at most ${MAX})`);
  });
}
for (const l of long) console.error(l);
console.log(
  `check-lines: ${files.length} files, ${long.length} line${long.length === 1 ? '' : 's'} over ${MAX} characters`,
);
process.exit(long.length ? 1 : 0);
