// The trainer: a dedicated module worker exposed with Comlink. Feature building and training read
// the whole history, so they live here and never on the main thread. The page imports only
// `type TrainerApi` from this module (see src/trainer/bridge.ts).
import * as Comlink from 'comlink';
import { withDb } from '../data/connection.ts';
import type {
  InsightsResult,
  PredictAllResult,
  RollbackResult,
  TrainerStatus,
  TrainRequest,
  TrainRequestResult,
} from './api.ts';
import { insights } from './insights.ts';
import { predictAllAndStore, rollback, trainAndStore } from './train-service.ts';

let current: TrainerStatus['current'] = null;
let last: TrainerStatus['last'] = null;

function checkRequest(req: TrainRequest): void {
  if (
    !req ||
    (req.habitIds !== 'all' && !(Array.isArray(req.habitIds) && req.habitIds.every((id) => typeof id === 'string')))
  ) {
    throw new TypeError(`train: habitIds must be 'all' or an array of habit ids, got ${JSON.stringify(req?.habitIds)}`);
  }
  if (typeof req.trigger !== 'string')
    throw new TypeError(`train: trigger is required, got ${JSON.stringify(req.trigger)}`);
}

const api = {
  /** Trains the habits under the cross-tab lock and stores checkpoint, run and prediction per habit. */
  async train(req: TrainRequest): Promise<TrainRequestResult> {
    checkRequest(req);
    current = { habitIds: req.habitIds, trigger: req.trigger, startedAt: Date.now() };
    try {
      // withDb reopens and retries once if iOS dropped the connection; each habit's write is atomic.
      const result = await withDb((db) => trainAndStore(db, req));
      last = {
        trigger: req.trigger,
        status: result.status,
        habits: result.outcomes.length,
        promoted: result.outcomes.filter((o) => o.run.promoted).length,
        finishedAt: Date.now(),
      };
      return result;
    } finally {
      current = null;
    }
  },
  /** Recomputes and stores today's probability for every active habit. */
  predictAll(today?: string): Promise<PredictAllResult> {
    return withDb((db) => predictAllAndStore(db, today));
  },
  /** Probability over the last `days` days against outcomes, and calibration bins. */
  insights(habitId: string, days: number): Promise<InsightsResult> {
    return withDb((db) => insights(db, habitId, days));
  },
  /** Makes the previous kept version active again. */
  rollback(habitId: string): Promise<RollbackResult> {
    return withDb((db) => rollback(db, habitId));
  },
  /** What this worker is doing now. */
  status(): TrainerStatus {
    return { training: current !== null, current, last, host: 'worker' };
  },
};

/** The worker's API as the main thread sees it (import it with `import type`). */
export type TrainerApi = typeof api;

Comlink.expose(api);
