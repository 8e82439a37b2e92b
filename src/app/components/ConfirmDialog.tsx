// A real modal dialog (native <dialog> + showModal): focus moves into it, Escape cancels,
// the page behind is inert — unlike window.confirm it can be styled, tested and read aloud.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks the person to confirm an action; the cancel button gets the focus so Enter is safe. */
export function ConfirmDialog(p: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) {
      d.showModal();
      cancelRef.current?.focus();
    } else if (!p.open && d.open) {
      d.close();
    }
  }, [p.open]);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        p.onCancel();
      }}
    >
      <h2 id={titleId}>{p.title}</h2>
      <div class="dialog-body">{p.children}</div>
      <div class="dialog-actions">
        <button type="button" ref={cancelRef} class="btn" onClick={p.onCancel}>
          {p.cancelLabel ?? 'Cancel'}
        </button>
        <button type="button" class={p.danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={p.onConfirm}>
          {p.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
