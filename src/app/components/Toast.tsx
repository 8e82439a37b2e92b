// One transient message at a time (e.g. "Read: done · Undo"), announced politely to screen
// readers, with an optional action. It stays long enough to reach the Undo button.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';

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

/** Hosts the toast region and the function that fills it. */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [msg, setMsg] = useState<(ToastMessage & { n: number }) | null>(null);
  const counter = useRef(0);
  const show = useCallback<Show>((m) => setMsg({ ...m, n: ++counter.current }), []);
  useEffect(() => {
    if (!msg) return;
    const t = setTimeout(() => setMsg((cur) => (cur && cur.n === msg.n ? null : cur)), TOAST_MS);
    return () => clearTimeout(t);
  }, [msg]);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div class="toast-region" role="status" aria-live="polite">
        {msg && (
          <div class="toast" data-testid="toast">
            <span>{msg.text}</span>
            {msg.action && (
              <button
                type="button"
                class="btn btn-toast"
                onClick={async () => {
                  const action = msg.action!;
                  setMsg(null);
                  await action.run();
                }}
              >
                {msg.action.label}
              </button>
            )}
            <button type="button" class="btn btn-icon btn-toast" aria-label="Dismiss message" onClick={() => setMsg(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
