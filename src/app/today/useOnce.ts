// One action at a time: a double tap must not log two completions before the screen re-renders
// with the first. Fresh data (a change of `data`) or a failed write frees the actions again.
import { useRef } from 'preact/hooks';

const IDLE = Symbol('idle');

/** Wraps click handlers so only one runs until `data` changes or the action reports failure. */
export function useOnce(data: unknown): (fn: () => Promise<boolean>) => () => void {
  // The data the running action was started on. Compared at click time, not reset in an effect:
  // an effect runs after paint, so a tap landing between the new data's render and that effect
  // was swallowed although the screen already showed the new state.
  const startedOn = useRef<unknown>(IDLE);
  return (fn) => () => {
    if (startedOn.current === data) return;
    startedOn.current = data;
    fn().then((ok) => {
      if (!ok && startedOn.current === data) startedOn.current = IDLE;
    });
  };
}
