import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useFileDrop } from '../../../renderer/exchange/useFileDrop';

/** A drag event as the browser sends it; jsdom has no DataTransfer. */
function dragEvent(type: string, types: string[], files: File[] = []): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { types, files, dropEffect: 'none' },
  });
  return event;
}

function Probe({ onDrop }: { readonly onDrop: (files: readonly File[]) => void }) {
  const dragging = useFileDrop(onDrop);
  return <p>{dragging ? 'dragging' : 'idle'}</p>;
}

describe('dropping a file on the window', () => {
  it('shows the drop target while a file is over the window and hands the file over', () => {
    const onDrop = vi.fn();
    render(<Probe onDrop={onDrop} />);
    const file = new File(['name\nCRM'], 'initiatives.csv', { type: 'text/csv' });
    const enter = dragEvent('dragenter', ['Files']);
    act(() => {
      window.dispatchEvent(enter);
    });
    expect(enter.defaultPrevented).toBe(true);
    expect(screen.getByText('dragging')).toBeInTheDocument();
    const over = dragEvent('dragover', ['Files']);
    act(() => {
      window.dispatchEvent(over);
    });
    // Without this the browser would open the file in place of Baton.
    expect(over.defaultPrevented).toBe(true);
    const drop = dragEvent('drop', ['Files'], [file]);
    act(() => {
      window.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    expect(onDrop).toHaveBeenCalledWith([file]);
    expect(screen.getByText('idle')).toBeInTheDocument();
  });

  it('hides the drop target once the file leaves the window', () => {
    render(<Probe onDrop={vi.fn()} />);
    act(() => {
      window.dispatchEvent(dragEvent('dragenter', ['Files']));
      window.dispatchEvent(dragEvent('dragenter', ['Files']));
      window.dispatchEvent(dragEvent('dragleave', ['Files']));
    });
    expect(screen.getByText('dragging')).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(dragEvent('dragleave', ['Files']));
    });
    expect(screen.getByText('idle')).toBeInTheDocument();
  });

  it('leaves drags of text alone', () => {
    const onDrop = vi.fn();
    render(<Probe onDrop={onDrop} />);
    const over = dragEvent('dragover', ['text/plain']);
    act(() => {
      window.dispatchEvent(dragEvent('dragenter', ['text/plain']));
      window.dispatchEvent(over);
      window.dispatchEvent(dragEvent('drop', ['text/plain']));
    });
    expect(over.defaultPrevented).toBe(false);
    expect(screen.getByText('idle')).toBeInTheDocument();
    expect(onDrop).not.toHaveBeenCalled();
  });
});
