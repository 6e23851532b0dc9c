import { useEffect } from 'react';
import { useAppStore } from '../state/store';

const NOTICE_MS = 6000;

/** Short messages about what just happened, read out by screen readers, gone after a while. */
export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  useEffect(() => {
    const last = notices[notices.length - 1];
    // Errors, and warnings that offer to undo, stay until dismissed.
    if (!last || last.kind === 'error' || last.action) return;
    const timer = setTimeout(() => dismiss(last.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notices, dismiss]);
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
                dismiss(notice.id);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="notice__close"
            onClick={() => dismiss(notice.id)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
