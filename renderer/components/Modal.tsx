import { useEffect, useId, useRef, type ReactNode } from 'react';

type ModalProps = {
  readonly title: string;
  readonly children: ReactNode;
  readonly actions: ReactNode;
  /** Called when the user closes the dialog with Escape. */
  readonly onCancel: () => void;
  readonly wide?: boolean;
};

/** A modal dialog on the native <dialog> element: focus stays inside until it closes. */
export function Modal({ title, children, actions, onCancel, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
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
