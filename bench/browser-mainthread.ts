/**
 * Main-thread cost of training, measured in Chromium (`npx tsx bench/browser-mainthread.ts [--json]`):
 * 5 habits x 2 years of history are imported through Settings, then every habit trains in the
 * worker (the same call "Train now" makes) while the page records long tasks (PerformanceObserver
 * 'longtask', > 50 ms) and counts animation frames. Goal: no main-thread task above 50 ms.
 * Builds the app into a temporary directory unless NUDGE_DIST points at a build that has the
 * scheduler wired (it exposes window.nudgeDebug). Prints one JSON object (and a line of text without --json).
 */
import { loadavg } from 'node:os';
import { importThroughSettings, longBackup } from '../tests/e2e/loop-helpers.ts';
import { openBenchApp } from './browser-app.ts';
import { assertKnownArgs } from './args.ts';

assertKnownArgs('browser-mainthread', process.argv.slice(2), ['--json']);

const HABITS = 5;
const DAYS = 730;
const REPEATS = 3;

// Runs in the page. A string, so the TypeScript runner's helpers (e.g. __name) cannot leak into it.
// With train = false it watches an equally long window without training: the noise floor of this
// machine (other processes on a shared CPU also make the page's tasks long).
const MEASURE = (train: boolean, windowMs = 0): string => `(async () => {
  const longTasks = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  let frames = 0, counting = true;
  const tick = () => { frames++; if (counting) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const res = ${train}
    ? await window.nudgeDebug.trainer.train({ habitIds: 'all', trigger: 'manual' })
    : await new Promise((ok) => setTimeout(() => ok({ outcomes: [] }), ${windowMs}));
  const trainMs = performance.now() - t0;
  // Let the UI's reaction to the new predictions (re-render) land inside the window too.
  await new Promise((ok) => setTimeout(ok, 300));
  const ms = performance.now() - t0;
  counting = false;
  obs.disconnect();
  return {
    trainMs: Math.round(trainMs), longestTaskMs: Math.round(Math.max(0, ...longTasks)), longTasks: longTasks.length,
    frames, fps: Math.round((frames / ms) * 10000) / 10, habits: res.outcomes.length,
    promoted: res.outcomes.filter((o) => o.run.promoted).length,
  };
})()`;

interface Sample {
  trainMs: number;
  longestTaskMs: number;
  longTasks: number;
  frames: number;
  fps: number;
  habits: number;
  promoted: number;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const { browser, page, close } = await openBenchApp('nudge-bench-dist-');
  try {
    await importThroughSettings(page, longBackup(HABITS, DAYS));
    // Today is what a person looks at while training runs (its chips update as predictions land).
    await page.goto(`./#/${process.env.BENCH_ROUTE ?? 'today'}`);
    await page.waitForTimeout(1_000);

    const samples: Sample[] = [];
    for (let r = 0; r < REPEATS; r++) {
      samples.push(await page.evaluate<Sample>(MEASURE(true)));
    }
    const median = samples.map((s) => s.trainMs).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    const control: Sample[] = [];
    for (let r = 0; r < REPEATS; r++) control.push(await page.evaluate<Sample>(MEASURE(false, median)));
    const out = {
      scenario: `${HABITS} habits x ${DAYS} days, train all in the worker, Chromium ${browser.version()} (headless)`,
      longest_task_ms: Math.max(...samples.map((s) => s.longestTaskMs)),
      long_tasks: samples.reduce((n, s) => n + s.longTasks, 0),
      min_fps: Math.min(...samples.map((s) => s.fps)),
      train_ms_median: median,
      goal_met: samples.every((s) => s.longestTaskMs <= 50),
      control_longest_task_ms: Math.max(...control.map((s) => s.longestTaskMs)),
      control_min_fps: Math.min(...control.map((s) => s.fps)),
      load_average_1min: loadavg()[0],
      samples,
      control,
    };
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(JSON.stringify(out, null, 2));
      console.log(
        `training: longest main-thread task ${out.longest_task_ms} ms (goal <= 50), min ${out.min_fps} fps, ` +
          `${out.train_ms_median} ms; same window without training: ${out.control_longest_task_ms} ms, ` +
          `${out.control_min_fps} fps (load average ${out.load_average_1min.toFixed(1)})`,
      );
    }
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
