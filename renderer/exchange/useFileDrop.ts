/**
 * A file dragged onto the window: while it is over the window, `dragging` is true (the app shows
 * where to drop it); dropped, it goes to `onDrop`. Only drags that carry files count, so text
 * dragged between fields and the board's own drag and drop are left alone.
 */
import { useEffect, useRef, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function useFileDrop(
  onDrop: (files: readonly File[]) => void,
  target: () => EventTarget = () => window,
): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onDrop);
  useEffect(() => {
    handler.current = onDrop;
  }, [onDrop]);
  useEffect(() => {
    const at = target();
    // dragenter and dragleave fire for every element crossed: count them to know when the
    // drag has left the window.
    let depth = 0;
    const enter = (event: Event) => {
      if (!carriesFiles(event as DragEvent)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: Event) => {
      if (!carriesFiles(event as DragEvent)) return;
      // Without this the browser opens the file in place of Baton.
      event.preventDefault();
      const transfer = (event as DragEvent).dataTransfer;
      if (transfer) transfer.dropEffect = 'copy';
    };
    const leave = (event: Event) => {
      if (!carriesFiles(event as DragEvent)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: Event) => {
      if (!carriesFiles(event as DragEvent)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from((event as DragEvent).dataTransfer?.files ?? []);
      if (files.length > 0) handler.current(files);
    };
    at.addEventListener('dragenter', enter);
    at.addEventListener('dragover', over);
    at.addEventListener('dragleave', leave);
    at.addEventListener('drop', drop);
    return () => {
      at.removeEventListener('dragenter', enter);
      at.removeEventListener('dragover', over);
      at.removeEventListener('dragleave', leave);
      at.removeEventListener('drop', drop);
    };
    // The target is fixed for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return dragging;
}
