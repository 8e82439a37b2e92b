// The main thread's only door to the trainer worker. It owns the worker's life: started lazily on the
// first call, one call at a time, stopped and restarted after a crash or a timeout, terminated on
// abort(). Only TYPES come from the worker module, so no training code reaches the main bundle.
import * as Comlink from 'comlink';
import type { TrainerApi } from './trainer.worker.ts';
import type { TrainerStatus } from './api.ts';
import { isOutdated, OUTDATED_MESSAGE } from './outdated.ts';

type Method = Exclude<keyof TrainerApi, 'status'>;
type Args<M extends Method> = Parameters<TrainerApi[M]>;
type Result<M extends keyof TrainerApi> = Awaited<ReturnType<TrainerApi[M]>>;

/** What the bridge needs of a worker: a message endpoint it can terminate. */
export interface TrainerEndpoint extends Comlink.Endpoint {
  terminate(): void;
}

/**
 * Why a trainer call failed: the worker timed out, crashed, was aborted, or failed after another tab
 * updated the app (outdated); otherwise the call itself threw.
 */
export class TrainerError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'crashed' | 'aborted' | 'outdated',
  ) {
    super(message);
    this.name = 'TrainerError';
  }
}

/** Per-method time limits (ms): generous, since 5 habits x 2 years train in about a second. */
export const DEFAULT_TIMEOUTS: Record<keyof TrainerApi, number> = {
  train: 120_000,
  predictAll: 60_000,
  insights: 60_000,
  rollback: 30_000,
  status: 5_000,
};

/** The bridge's public face: the worker's methods (Promise-returning) plus lifecycle controls. */
export interface TrainerBridge {
  train(...a: Args<'train'>): Promise<Result<'train'>>;
  predictAll(...a: Args<'predictAll'>): Promise<Result<'predictAll'>>;
  insights(...a: Args<'insights'>): Promise<Result<'insights'>>;
  rollback(...a: Args<'rollback'>): Promise<Result<'rollback'>>;
  /** Answers without queueing behind a long call; a stopped worker is not started for it. */
  status(): Promise<TrainerStatus>;
  /** True while a train() call is in flight in this tab. */
  isTraining(): boolean;
  /** Called with true/false when training starts/ends; returns an unsubscribe function. */
  onTrainingChange(listener: (training: boolean) => void): () => void;
  /** Resolves when no train() call of this tab is in flight. */
  whenIdle(): Promise<void>;
  /** Terminates the worker now: the call in flight rejects ('aborted'); the next call starts afresh. */
  abort(): void;
  /** How many times the worker was stopped (crash, timeout, abort): for tests and diagnostics. */
  readonly restarts: number;
}

/**
 * Builds a bridge over workers made by `spawn` (tests pass an in-process endpoint). While `outdated()`
 * holds, a worker that fails to load is reported as the update it is, not as a crash: its file belongs
 * to the version another tab replaced (the browser's HTTP cache often still serves it, so it is tried).
 */
export function createTrainerBridge(opts: {
  spawn: () => TrainerEndpoint;
  timeouts?: Partial<Record<keyof TrainerApi, number>>;
  outdated?: () => boolean;
}): TrainerBridge {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  let endpoint: TrainerEndpoint | null = null;
  let remote: Comlink.Remote<TrainerApi> | null = null;
  let failCurrent: ((e: Error) => void) | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let training = false;
  let restarts = 0;
  const listeners = new Set<(training: boolean) => void>();

  const onError = (ev: Event): void => {
    ev.preventDefault();
    const msg = (ev as ErrorEvent).message || 'the worker failed to load or threw';
    stop(
      opts.outdated?.()
        ? new TrainerError(OUTDATED_MESSAGE, 'outdated')
        : new TrainerError(`trainer worker crashed: ${msg}`, 'crashed'),
    );
  };

  function ensure(): Comlink.Remote<TrainerApi> {
    if (!remote) {
      endpoint = opts.spawn();
      endpoint.addEventListener('error', onError as EventListener);
      remote = Comlink.wrap<TrainerApi>(endpoint);
    }
    return remote;
  }

  function stop(err: TrainerError): void {
    const ep = endpoint;
    endpoint = null;
    remote = null;
    if (ep) {
      ep.removeEventListener('error', onError as EventListener);
      ep.terminate();
      restarts++;
    }
    failCurrent?.(err);
  }

  function setTraining(v: boolean): void {
    if (training === v) return;
    training = v;
    for (const l of listeners) l(v);
  }

  function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
    const run = async (): Promise<Result<M>> => {
      const r = ensure();
      if (method === 'train') setTraining(true);
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        return await new Promise<Result<M>>((resolve, reject) => {
          failCurrent = reject;
          timer = setTimeout(
            () =>
              stop(
                new TrainerError(
                  `${method} took longer than ${timeouts[method]} ms; the worker was stopped`,
                  'timeout',
                ),
              ),
            timeouts[method],
          );
          const fn = r[method] as unknown as (...a: Args<M>) => Promise<Result<M>>;
          fn(...args).then(resolve, reject);
        });
      } finally {
        clearTimeout(timer);
        failCurrent = null;
        if (method === 'train') setTraining(false);
      }
    };
    // One call at a time: each waits for the previous one, whatever its outcome.
    const p = tail.then(run, run);
    tail = p.catch(() => undefined);
    return p;
  }

  return {
    train: (...a) => call('train', a),
    predictAll: (...a) => call('predictAll', a),
    insights: (...a) => call('insights', a),
    rollback: (...a) => call('rollback', a),
    async status() {
      const idle: TrainerStatus = { training, current: null, last: null, host: 'worker' };
      if (!remote) return idle;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<TrainerStatus>((resolve) => {
        timer = setTimeout(() => resolve(idle), timeouts.status);
      });
      try {
        return await Promise.race([remote.status(), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    isTraining: () => training,
    onTrainingChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenIdle() {
      if (!training) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const once = (t: boolean): void => {
          if (t) return;
          listeners.delete(once);
          resolve();
        };
        listeners.add(once);
      });
    },
    abort: () => stop(new TrainerError('training was aborted; the previous checkpoint stays active', 'aborted')),
    get restarts() {
      return restarts;
    },
  };
}

/** The app's trainer. Module-level, so the worker keeps a strong reference (iOS collects orphans). */
export const trainer: TrainerBridge = createTrainerBridge({
  spawn: () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'nudge-trainer' }),
  outdated: isOutdated,
});
