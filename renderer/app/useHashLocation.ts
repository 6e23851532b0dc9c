/** Keeps the open area in the URL hash, so a reload (or the back button) returns to it. */
import { useEffect } from 'react';
import { formatLocationHash, parseLocationHash } from '../state/slices/navigationSlice';
import { useAppStore } from '../state/store';

export function useHashLocation(): void {
  useEffect(() => {
    const fromHash = () => {
      const location = parseLocationHash(window.location.hash);
      const current = useAppStore.getState().location;
      if (formatLocationHash(location) !== formatLocationHash(current)) {
        useAppStore.setState({ location });
      }
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.location === previous.location) return;
      const hash = formatLocationHash(state.location);
      if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    });
    return () => {
      window.removeEventListener('hashchange', fromHash);
      unsubscribe();
    };
  }, []);
}
