import { useEffect, useId, useRef, type ReactNode } from 'react';

type ModalProps = {
  readonly title: string;
  readonly children: ReactNode;
  readonly actions: ReactNode;
  /** Called when the user closes the dialog with Escape. */
  readonly onCancel: () => void;
  readonly wide?: boolean;
};

/**
 * A modal dialog on the native <dialog> element: focus stays inside until it closes. Opening it
 * focuses the element marked `data-autofocus` (the browser would otherwise focus the first
 * button, which may be the one that deletes); closing it gives the focus back to what had it
 * before, unless the caller has put it somewhere already.
 */
export function Modal({ title, children, actions, onCancel, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal?.();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog?.close?.();
      queueMicrotask(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost && opener?.isConnected && !dialog?.contains(opener)) opener.focus();
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal--wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      <div className="modal__body">{children}</div>
      <div className="modal__actions">{actions}</div>
    </dialog>
  );
}
