/**
 * Hand-made models for journeys that need a known model history: valid checkpoints of the current architecture
 * and feature version, built with the app's own learning code, written with raw IndexedDB.
 */
import { checkpointToJson, makeCheckpoint } from '../../src/learn/checkpoint.ts';
import { DEFAULT_CONFIG } from '../../src/learn/config.ts';
import { newLearner } from '../../src/learn/learner.ts';
import { createAdam } from '../../src/learn/nn/adam.ts';
import { createMlp } from '../../src/learn/nn/mlp.ts';
import { dayToNumber, deviceOffset, localDayOf } from '../../src/learn/time.ts';
import type { Driver } from './driver.ts';

/** Checkpoints as JSON (weights as arrays), v2 to be active, and the time they were made. */
export interface HandMadeModels {
  habitId: string;
  checkpoints: ReturnType<typeof checkpointToJson>[];
  now: number;
}

/** Two checkpoints, v1 and v2, for one habit: hand-made learners around a fresh network each. */
export function handMadeModels(habitId: string): HandMadeModels {
  const now = Date.now();
  const metrics = { n: 14, logLoss: 0.6, brier: 0.2, auc: 0.7 };
  const today = dayToNumber(localDayOf(now, deviceOffset(new Date(now))));
  // No sync counts: the app rebuilds the learner's stages from the imported history around the network.
  const checkpoints = [1, 2].map((version) => {
    const learner = newLearner(habitId, today, [], DEFAULT_CONFIG);
    const net = createMlp(DEFAULT_CONFIG.network.layers.slice(), version);
    learner.network = { net, opt: createAdam(net), trainedThrough: today - 1, steps: 100 * version };
    return checkpointToJson(
      makeCheckpoint(learner, {
        version,
        metrics: { base: metrics, learned: metrics, shown: metrics, networkShare: 0.5 },
        createdAt: now - (3 - version) * 1000,
        trigger: 'manual',
      }),
    );
  });
  return { habitId, checkpoints, now };
}

/**
 * Replaces the habit's checkpoints with these (the highest version active) and records a run that promoted it,
 * which also tells the scheduler that training is not due, so it cannot add a version meanwhile.
 */
export async function writeModels(d: Driver, models: HandMadeModels): Promise<void> {
  await d.evaluate(async ({ habitId, checkpoints, now }) => {
    type Json = Record<string, unknown> & {
      version: number;
      weights: number[][];
      biases: number[][];
      optimizer: { step: number; mW: number[][]; vW: number[][]; mB: number[][]; vB: number[][] };
    };
    const f32 = (a: number[][]) => a.map((x) => Float32Array.from(x));
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('nudge');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction(['checkpoints', 'trainingRuns'], 'readwrite');
    tx.objectStore('checkpoints').clear();
    const list = checkpoints as unknown as Json[];
    const top = Math.max(...list.map((c) => c.version));
    for (const c of list) {
      const o = c.optimizer;
      tx.objectStore('checkpoints').add({
        ...c,
        weights: f32(c.weights),
        biases: f32(c.biases),
        optimizer: { step: o.step, mW: f32(o.mW), vW: f32(o.vW), mB: f32(o.mB), vB: f32(o.vB) },
        active: c.version === top ? 1 : 0,
      });
    }
    tx.objectStore('trainingRuns').add({
      habitId,
      startedAt: now,
      durationMs: 42,
      trigger: 'manual',
      samples: 40,
      promoted: true,
      reason: 'promoted (journey setup)',
      metrics: null,
      checkpointVersion: top,
      featureVersion: 2,
    });
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, models);
}
