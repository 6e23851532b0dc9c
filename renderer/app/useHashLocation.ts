/** Keeps the open area in the URL hash, so a reload (or the back button) returns to it. */
import { useEffect } from 'react';
import { formatLocationHash, parseLocationHash } from '../state/slices/navigationSlice';
import { useAppStore } from '../state/store';

export function useHashLocation(): void {
  useEffect(() => {
    const fromHash = () => {
      const location = parseLocationHash(window.location.hash);
      const canonical = formatLocationHash(location);
      // A hash that names no place (or names it oddly) is rewritten, not added to history.
      if (window.location.hash !== canonical) window.history.replaceState(null, '', canonical);
      if (canonical !== formatLocationHash(useAppStore.getState().location)) {
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
