/**
 * A block that must fit on one page (the workshop summary): when what it holds is taller than
 * `maxHeight`, it is scaled down with CSS zoom, which Chromium lays out at the smaller size, so
 * the pack measures the block as it will print and nothing runs off the page (the page's content
 * is capped so that a session of a usual size needs little or no zoom). The component owns
 * its node and sets only its zoom, before the pack measures it (a child's layout effect runs
 * before its parent's).
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** Halvings of the search for the zoom: to within 1/256 of the largest that fits. */
const ZOOM_STEPS = 8;

export function FitToPage({
  maxHeight,
  children,
}: {
  readonly maxHeight: number;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    const heightAt = (zoom: number) => {
      node.style.zoom = zoom === 1 ? '' : String(zoom);
      return node.getBoundingClientRect().height;
    };
    const natural = heightAt(1);
    if (natural <= maxHeight) return;
    // Zoomed, the lines are longer in the block's own units and wrap less, so the height does not
    // fall in step with the zoom: from a zoom that fits, search for the largest that does.
    let low = maxHeight / natural;
    while (low > 0.05 && heightAt(low) > maxHeight) low *= 0.9;
    let high = 1;
    for (let step = 0; step < ZOOM_STEPS; step += 1) {
      const middle = (low + high) / 2;
      if (heightAt(middle) <= maxHeight) low = middle;
      else high = middle;
    }
    heightAt(low);
  });
  return (
    <div ref={ref} className="pack-fit">
      {children}
    </div>
  );
}
