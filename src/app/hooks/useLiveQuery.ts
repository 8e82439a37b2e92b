// Live data for screens: Dexie's liveQuery re-runs the query whenever a table or index range it
// read changes (in this tab, another tab, or the trainer worker), and this hook re-renders.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** A live query's state: its latest value, or the error it last threw. */
export interface LiveResult<T> {
  value: T | undefined;
  error: Error | null;
  loading: boolean;
}

/** Subscribes to `querier` while mounted; re-subscribes when `deps` change. */
export function useLiveQueryResult<T>(querier: () => Promise<T> | T, deps: readonly unknown[]): LiveResult<T> {
  const [state, setState] = useState<LiveResult<T>>({ value: undefined, error: null, loading: true });
  useEffect(() => {
    // Keep the previous value while the new deps load, so the screen does not flash empty.
    setState((s) => ({ ...s, loading: true }));
    const sub = liveQuery(querier).subscribe({
      next: (value) => setState({ value, error: null, loading: false }),
      error: (err) => setState((s) => ({ value: s.value, error: err instanceof Error ? err : new Error(String(err)), loading: false })),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** Like dexie-react-hooks' useLiveQuery: the latest value, or `initial` until the first result. */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps: readonly unknown[] = [], initial?: T): T | undefined {
  const { value } = useLiveQueryResult(querier, deps);
  return value === undefined ? initial : value;
}
