// Asks the trainer worker for a habit's probability history and calibration (it rebuilds features
// from the whole history, which does not belong on the main thread).
import { useEffect, useState } from 'preact/hooks';
import { trainer } from '../../trainer/bridge.ts';
import type { InsightsResult } from '../../trainer/api.ts';

/** How many past days the Insights charts cover. */
export const INSIGHT_DAYS = 90;

/** The insights of a habit; refetched when `refreshKey` changes (a new run, a rollback). */
export function useInsights(
  habitId: string,
  refreshKey: string,
): { data: InsightsResult | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: InsightsResult | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    trainer.insights(habitId, INSIGHT_DAYS).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err) =>
        live &&
        setState((s) => ({ data: s.data, error: err instanceof Error ? err.message : String(err), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [habitId, refreshKey]);
  return state;
}
