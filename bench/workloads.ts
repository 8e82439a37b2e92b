// Whole-pipeline workloads built on the learning engine: feature extraction over 5 habits x 5 years (every
// stage folded over the whole history, as a rebuild does) and the replay of one habit's year. The simulated
// histories are generated outside the timed region.
import type { SimUser } from '../scripts/sim/generate.ts';
import { nowMs, repsWithin, summarise, type Timing } from './stats.ts';

const GYM = [0.1, 0.85, 0.15, 0.85, 0.15, 0.8, 0.1];

/** Five habits of different kinds over five years (1,826 days), busy enough for about 60,000 events. */
export function fiveByFiveUser(): SimUser {
  return {
    name: 'bench-5x5',
    kind: 'bench',
    seed: 4242,
    timeZone: 'Europe/Paris',
    start: '2021-01-01',
    days: 1826,
    opens: 28,
    habits: [
      { id: 'gym', name: 'Gym', hour: 18, spec: { kind: 'weekly', p: GYM }, showRate: 0.5, tapRate: 0.5 },
      {
        id: 'run',
        name: 'Run',
        hour: 7,
        spec: { kind: 'streak', low: 0.15, high: 0.9, tau: 3 },
        showRate: 0.5,
        tapRate: 0.5,
      },
      {
        id: 'journal',
        name: 'Journal',
        hour: 22,
        spec: { kind: 'appDriven', low: 0.1, high: 0.85 },
        showRate: 0.5,
        tapRate: 0.5,
      },
      {
        id: 'water',
        name: 'Plants',
        hour: 20,
        spec: { kind: 'reminder', low: 0.15, high: 0.85 },
        showRate: 0.6,
        tapRate: 0.6,
      },
      { id: 'flip', name: 'Stretch', hour: 9, spec: { kind: 'coin', p: 0.5 }, showRate: 0.5, tapRate: 0.5 },
    ],
  };
}

/** One habit over one year. */
export function oneByOneUser(): SimUser {
  return {
    name: 'bench-1x1',
    kind: 'bench',
    seed: 99,
    timeZone: 'America/New_York',
    start: '2025-01-01',
    days: 365,
    opens: 1.5,
    habits: [{ id: 'study', name: 'Study', hour: 19, spec: { kind: 'weekly', p: GYM }, showRate: 0.5, tapRate: 0.5 }],
  };
}

/** Feature extraction timing for 5 habits x 5 years: index the events once, build every habit's samples. */
export async function featuresBench(reps: number): Promise<{ timing: Timing; events: number; samples: number }> {
  const { simulateUser } = await import('../scripts/sim/generate.ts');
  const { readBackupData } = await import('../scripts/replay-core.ts');
  const { indexEvents, fastDayNumber } = await import('../src/learn/predict/days.ts');
  const { freshLearner } = await import('../src/learn/night.ts');
  const { DEFAULT_CONFIG } = await import('../src/learn/config.ts');
  const data = readBackupData(simulateUser(fiveByFiveUser()).backup);
  let lastDay = data.events[0].day;
  for (const e of data.events) if (e.day > lastDay) lastDay = e.day;
  const today = fastDayNumber(lastDay) + 1;
  let samples = 0;
  const once = (): number => {
    const t0 = nowMs();
    const index = indexEvents(data.events);
    let n = 0;
    for (const h of data.habits) n += freshLearner(h, index, today, DEFAULT_CONFIG).context.days;
    const ms = nowMs() - t0;
    samples = n;
    return ms;
  };
  once();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) runs.push(once());
  return { timing: summarise(runs), events: data.events.length, samples };
}

/** Replay timing for one habit over one year (a training run per night, as the replay CLI does). */
export async function replayBench(reps: number, budgetMs: number): Promise<{ timing: Timing; days: number }> {
  const { simulateUser } = await import('../scripts/sim/generate.ts');
  const { readBackupData, replayBackup } = await import('../scripts/replay-core.ts');
  const data = readBackupData(simulateUser(oneByOneUser()).backup);
  let t0 = nowMs();
  const days = replayBackup(data).length;
  const warm = nowMs() - t0;
  const runs: number[] = [];
  const count = repsWithin(reps, warm, budgetMs);
  for (let i = 0; i < count; i++) {
    t0 = nowMs();
    replayBackup(data);
    runs.push(nowMs() - t0);
  }
  return { timing: summarise(runs), days };
}
