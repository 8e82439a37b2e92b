// Reading and writing saved results (--render, --save): a bad path or file exits 2 with a message
// naming it, before anything is measured.
import { accessSync, constants, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BenchResult } from './result.ts';

function fail(problem: string): never {
  process.stderr.write(`bench: ${problem}\n`);
  process.exit(2);
}

/** A result saved by --save, or exit 2 naming what is wrong with the file. */
export function readSaved(path: string): BenchResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`--render: cannot read ${path}: ${(e as Error).message}`);
  }
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return fail(`--render: ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(j)) return fail(`--render: ${path} is not a saved bench result (expected an object)`);
  for (const key of ['train_ms', 'train_ratio_vs_nudge_warm', 'predict_us', 'meta']) {
    if (!isObj(j[key])) return fail(`--render: ${path} is not a saved bench result (no "${key}" object)`);
  }
  return j as unknown as BenchResult;
}

/** Exits 2 unless `path` can be written (an existing file, or a new one in an existing directory). */
export function checkWritable(path: string): void {
  try {
    if (existsSync(path)) accessSync(path, constants.W_OK);
    else accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (e) {
    fail(`--save: cannot write ${path}: ${(e as Error).message}`);
  }
}

/** Writes the result beside `path` and renames it, so an earlier result there is never left half-written. */
export function saveResult(path: string, result: BenchResult): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(result, null, 1)}\n`);
  renameSync(tmp, path);
}
