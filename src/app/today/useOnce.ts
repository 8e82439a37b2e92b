// One action at a time: a double tap must not log two completions before the screen re-renders
// with the first. Fresh data (a change of `data`) or a failed write frees the actions again.
import { useEffect, useRef } from 'preact/hooks';

/** Wraps click handlers so only one runs until `data` changes or the action reports failure. */
export function useOnce(data: unknown): (fn: () => Promise<boolean>) => () => void {
  const busy = useRef(false);
  useEffect(() => {
    busy.current = false;
  }, [data]);
  return (fn) => () => {
    if (busy.current) return;
    busy.current = true;
    fn().then((ok) => {
      if (!ok) busy.current = false;
    });
  };
}
