import { useCallback, useSyncExternalStore } from 'react';
import { screenFromHash, type ScreenId } from '../lib/screens';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current screen (from the URL hash) and a function to go to another. */
export function useHashScreen(): [ScreenId, (screen: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, () => screenFromHash(window.location.hash));
  const navigate = useCallback((next: ScreenId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [screen, navigate];
}
