import { useEffect } from 'react';

const NOTICE_MS = 6000;

/** A short message about what just happened, with a button to act on it ("Undo"), if any. */
export type NoticeView = {
  readonly id: number;
  readonly kind: 'info' | 'success' | 'warning' | 'error';
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
};

type NoticesProps = {
  readonly notices: readonly NoticeView[];
  /** Called when a notice is closed, acted on, or has been shown long enough. */
  readonly onDismiss: (id: number) => void;
};

/** Short messages about what just happened, read out by screen readers, gone after a while. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  useEffect(() => {
    const last = notices[notices.length - 1];
    // Errors, and warnings that offer to undo, stay until dismissed.
    if (!last || last.kind === 'error' || last.action) return;
    const timer = setTimeout(() => onDismiss(last.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notices, onDismiss]);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.kind}`}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="notice__action"
              onClick={() => {
                onDismiss(notice.id);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="notice__close"
            onClick={() => onDismiss(notice.id)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
