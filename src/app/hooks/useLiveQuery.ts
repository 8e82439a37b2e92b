// Live data for screens: Dexie's liveQuery re-runs the query whenever a table or index range it
// read changes (in this tab, another tab, or the trainer worker), and this hook re-renders.
// Queries should read through ./liveReads.ts so every read is tracked (see there why).
import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';
import { isConnectionLost, withDb } from '../../data/connection.ts';

/** A live query's state: its latest value, or the error it last threw. */
export interface LiveResult<T> {
  value: T | undefined;
  error: Error | null;
  loading: boolean;
}

/** Reconnects at most this many times in a row before showing the error. */
const MAX_RECONNECTS = 3;

/** Subscribes to `querier` while mounted; re-subscribes when `deps` change. */
export function useLiveQueryResult<T>(querier: () => Promise<T> | T, deps: readonly unknown[]): LiveResult<T> {
  const [state, setState] = useState<LiveResult<T>>({ value: undefined, error: null, loading: true });
  // A layout effect subscribes before the first paint instead of a frame after it: the query
  // starts sooner, so data reaches the screen sooner.
  useLayoutEffect(() => {
    // Keep the previous value while the new deps load, so the screen does not flash empty.
    setState((s) => ({ ...s, loading: true }));
    let sub: { unsubscribe(): void } | null = null;
    let stopped = false;
    let reconnects = 0;
    const subscribe = () => {
      sub = liveQuery(querier).subscribe({
        next: (value) => {
          reconnects = 0;
          setState({ value, error: null, loading: false });
        },
        error: (err) => {
          // iOS drops the IndexedDB connection when the app comes back from the background:
          // reopen (withDb does) and subscribe again instead of showing an error.
          if (!stopped && isConnectionLost(err) && reconnects++ < MAX_RECONNECTS) {
            withDb((db) => db.meta.count()).then(
              () => !stopped && subscribe(),
              (e2) => fail(e2),
            );
            return;
          }
          fail(err);
        },
      });
    };
    const fail = (err: unknown) =>
      setState((s) => ({ value: s.value, error: err instanceof Error ? err : new Error(String(err)), loading: false }));
    subscribe();
    return () => {
      stopped = true;
      sub?.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** Like dexie-react-hooks' useLiveQuery: the latest value, or `initial` until the first result. */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: readonly unknown[] = [],
  initial?: T,
): T | undefined {
  const { value } = useLiveQueryResult(querier, deps);
  return value === undefined ? initial : value;
}
