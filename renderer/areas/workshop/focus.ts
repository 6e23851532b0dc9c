import { useEffect } from 'react';

/**
 * After a step that takes the pressed button off the screen (a new stage, the list, presentation
 * mode), the focus is nowhere: this puts it on the screen's heading (or, presenting, on the
 * ranked stack), once the screen is drawn, whenever one of `deps` changes.
 */
export function useFocusWhenLost(deps: readonly unknown[]): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      document
        .querySelector<HTMLElement>('.present [aria-label="Ranked stack"], #area-title')
        ?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // The caller names what changes the screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
