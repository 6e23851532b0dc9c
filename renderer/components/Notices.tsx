import { useEffect, useRef } from 'react';

/** How long a message stays: a plain one, and one that offers an action such as Undo. */
export const NOTICE_MS = 6000;
export const NOTICE_WITH_ACTION_MS = 20_000;

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

/** How long `notice` stays before it goes by itself; undefined: until it is dismissed. */
export function noticeLifetime(notice: NoticeView): number | undefined {
  // Errors, and warnings that offer to act, stay until dismissed.
  if (notice.kind === 'error' || (notice.kind === 'warning' && notice.action)) return undefined;
  return notice.action ? NOTICE_WITH_ACTION_MS : NOTICE_MS;
}

/**
 * Short messages about what just happened, read out by screen readers, each gone after its own
 * while (a message under a newer one goes too, so they never pile up over the page).
 */
export function Notices({ notices, onDismiss }: NoticesProps) {
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    const shown = new Set(notices.map((notice) => notice.id));
    for (const [id, timer] of timers.current) {
      if (!shown.has(id)) {
        clearTimeout(timer);
        timers.current.delete(id);
      }
    }
    for (const notice of notices) {
      const lifetime = noticeLifetime(notice);
      if (lifetime === undefined || timers.current.has(notice.id)) continue;
      timers.current.set(
        notice.id,
        setTimeout(() => {
          timers.current.delete(notice.id);
          dismiss.current(notice.id);
        }, lifetime),
      );
    }
  }, [notices]);
  useEffect(() => {
    const running = timers.current;
    return () => {
      for (const timer of running.values()) clearTimeout(timer);
      running.clear();
    };
  }, []);
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
