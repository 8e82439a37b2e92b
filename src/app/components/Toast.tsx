// One transient message at a time (e.g. "Read: done · Undo"), announced politely to screen
// readers, with an optional action. It stays long enough to reach the Undo button, and stands
// still while the pointer rests on it or focus is inside it (WCAG 2.2.1).
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { focusLost, focusScreenHeading } from './screenFocus.ts';
import { HoldTimer, type HoldReason } from './holdTimer.ts';

/** A message with an optional action button. */
export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

type Show = (m: ToastMessage) => void;
const ToastContext = createContext<Show>(() => {});

/** Shows a toast from anywhere below ToastProvider. */
export function useToast(): Show {
  return useContext(ToastContext);
}

const TOAST_MS = 8000;

/** Holds that are already true when a message appears in `box` (a new message replacing one being read). */
function holdsNow(box: HTMLElement | null): HoldReason[] {
  if (!box) return [];
  const out: HoldReason[] = [];
  if (box.contains(document.activeElement)) out.push('focus');
  if (box.matches(':hover')) out.push('pointer');
  return out;
}

/** Hosts the toast region and the function that fills it. */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [msg, setMsg] = useState<(ToastMessage & { n: number }) | null>(null);
  const counter = useRef(0);
  const box = useRef<HTMLDivElement>(null);
  const timer = useMemo(() => new HoldTimer(() => setMsg(null)), []);
  const show = useCallback<Show>((m) => setMsg({ ...m, n: ++counter.current }), []);
  useEffect(() => {
    if (msg) timer.start(TOAST_MS, holdsNow(box.current));
    else timer.cancel();
  }, [msg]);
  useEffect(() => () => timer.cancel(), []);
  const runAction = async (action: NonNullable<ToastMessage['action']>) => {
    setMsg(null);
    await action.run();
    // The pressed button is gone; unless the action placed focus (e.g. back in a habit's row),
    // land on the screen's heading rather than at the top of the page.
    if (focusLost(box.current)) focusScreenHeading();
  };
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div class="toast-region" role="status" aria-live="polite">
        {msg && (
          <div
            class="toast"
            data-testid="toast"
            ref={box}
            onPointerEnter={() => timer.hold('pointer')}
            onPointerLeave={() => timer.release('pointer')}
            onFocusIn={() => timer.hold('focus')}
            onFocusOut={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && timer.release('focus')}
          >
            <span>{msg.text}</span>
            {msg.action && (
              <button type="button" class="btn btn-toast" onClick={() => void runAction(msg.action!)}>
                {msg.action.label}
              </button>
            )}
            <button
              type="button"
              class="btn btn-icon btn-toast"
              aria-label="Dismiss message"
              onClick={() => setMsg(null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
