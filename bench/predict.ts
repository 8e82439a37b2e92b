// Single-sample prediction latency of every peer, in the shared layout's process.
import { makeBenchData } from './data.ts';
import { brainPredictUs } from './peer-brain.ts';
import { nudgePredictUs } from './peer-nudge.ts';
import { tfjsPredictUs, useBackend } from './peer-tfjs.ts';
import type { Timing } from './stats.ts';

/** µs per call of nudge, brainjs, tfjs_cpu and tfjs_wasm on the same 1,000 rows; fewer calls in a quick run. */
export async function measurePredictions(quick: boolean): Promise<Record<string, Timing>> {
  const pd = makeBenchData(1000);
  const predict: Record<string, Timing> = {};
  predict.nudge = nudgePredictUs(pd, quick ? 20_000 : 500_000);
  predict.brainjs = brainPredictUs(pd, quick ? 5_000 : 100_000);
  for (const b of ['cpu', 'wasm'] as const) {
    await useBackend(b);
    predict[`tfjs_${b}`] = tfjsPredictUs(pd, quick ? 100 : 1000);
  }
  return predict;
}
