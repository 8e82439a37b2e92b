/**
 * What a journey file is: tests/journeys/<topic>.journey.ts default-exports a JourneyFile. Both runners load
 * every such file: journeys.spec.ts (Playwright: one test per journey, a fresh context each) and
 * tests/webkit/run.ts (WebKitGTK: one browser session per file, a fresh server, so a fresh origin, per journey).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Driver } from './driver.ts';

/** One person's path through the app, written against the Driver only. */
export interface Journey {
  name: string;
  /** Longer than the runner's default, for journeys that visit every screen or train. */
  timeoutMs?: number;
  /** It breaks the Content-Security-Policy on purpose (the Playwright guard otherwise fails any violation). */
  provokesCspViolation?: boolean;
  run(d: Driver): Promise<void>;
}

/** Browser settings a whole file runs with (in WebKitGTK they are fixed when the browser starts). */
export interface SessionOptions {
  colorScheme?: 'light' | 'dark';
  userAgent?: string;
}

/** A journey file's default export. */
export interface JourneyFile {
  session?: SessionOptions;
  journeys: Journey[];
}

/** The directory of the journey files. */
export const JOURNEYS_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The journey files' names, sorted; with filters, those whose name contains one of them. */
export function journeyFileNames(filters: string[] = []): string[] {
  return readdirSync(JOURNEYS_DIR)
    .filter((f) => f.endsWith('.journey.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
}

/** Imports one journey file and checks its shape. */
export async function loadJourneyFile(name: string): Promise<JourneyFile> {
  const file = (await import(pathToFileURL(`${JOURNEYS_DIR}${name}`).href)).default as JourneyFile;
  if (!file || !Array.isArray(file.journeys) || file.journeys.some((j) => typeof j.run !== 'function')) {
    throw new Error(`${name}: its default export must be { session?, journeys: [{ name, run }] }`);
  }
  return file;
}
