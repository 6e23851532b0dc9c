/** Messages go by themselves, each after its own while, so none sits over the page for good. */
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  NOTICE_MS,
  NOTICE_WITH_ACTION_MS,
  Notices,
  type NoticeView,
} from '../../../renderer/components/Notices';

function Shown({ initial }: { readonly initial: readonly NoticeView[] }) {
  const [notices, setNotices] = useState(initial);
  return (
    <Notices
      notices={notices}
      onDismiss={(id) => setNotices((list) => list.filter((notice) => notice.id !== id))}
    />
  );
}

const undo = { label: 'Undo', run: () => undefined };

describe('Notices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a message under a newer one offering Undo go after its own time, then the Undo one', () => {
    render(
      <Shown
        initial={[
          { id: 1, kind: 'success', text: 'Recorded the decision.' },
          { id: 2, kind: 'success', text: 'Held the review.', action: undo },
          { id: 3, kind: 'error', text: 'The disk is full.' },
        ]}
      />,
    );
    act(() => {
      vi.advanceTimersByTime(NOTICE_MS + 1);
    });
    expect(screen.queryByText('Recorded the decision.')).toBeNull();
    expect(screen.getByText('Held the review.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(NOTICE_WITH_ACTION_MS);
    });
    expect(screen.queryByText('Held the review.')).toBeNull();
    // An error stays until it is dismissed.
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('The disk is full.')).toBeInTheDocument();
  });

  it('keeps a warning that offers to act until it is dismissed', () => {
    render(
      <Shown
        initial={[
          { id: 1, kind: 'warning', text: 'This takes work out of the plan.', action: undo },
        ]}
      />,
    );
    act(() => {
      vi.advanceTimersByTime(120_000);
    });
    expect(screen.getByText('This takes work out of the plan.')).toBeInTheDocument();
  });
});
