/**
 * Hand-made models for journeys that need a known model history: valid checkpoints of the current architecture
 * and feature version, built with the app's own learning code, written with raw IndexedDB.
 */
import { createAdam } from '../../src/learn/adam.ts';
import { checkpointToJson, makeCheckpoint } from '../../src/learn/checkpoint.ts';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/learn/engine-options.ts';
import { FEATURE_VERSION } from '../../src/learn/features.ts';
import { createMlp } from '../../src/learn/mlp.ts';
import { addDays, deviceOffset, localDayOf } from '../../src/learn/time.ts';
import type { Driver } from './driver.ts';

/** Checkpoints as JSON (weights as arrays), v2 to be active, and the time they were made. */
export interface HandMadeModels {
  habitId: string;
  checkpoints: ReturnType<typeof checkpointToJson>[];
  now: number;
}

/** Two checkpoints, v1 and v2, for one habit. */
export function handMadeModels(habitId: string): HandMadeModels {
  const now = Date.now();
  const metrics = { n: 14, logLoss: 0.6, brier: 0.2, auc: 0.7 };
  const checkpoints = [1, 2].map((version) => {
    const net = createMlp(DEFAULT_ENGINE_OPTIONS.layers.slice(), version);
    return checkpointToJson(
      makeCheckpoint(net, createAdam(net), {
        habitId,
        version,
        featureVersion: FEATURE_VERSION,
        step: 100 * version,
        trainedThrough: addDays(localDayOf(now, deviceOffset(new Date(now))), -1),
        metrics: { model: metrics, baseline: metrics, active: null },
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
      featureVersion: 1,
    });
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, models);
}
