import { useCallback, useSyncExternalStore } from 'react';

/** The two runs the Compare screen shows (null: the screen's default, the newest run and the one before). */
export interface ComparePair {
  a: string | null;
  b: string | null;
}

// One pair per page session: other screens (History's "compare with previous") set it before navigating.
let pair: ComparePair = { a: null, b: null };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets the pair to compare (from anywhere: History links here). */
export function setComparePair(next: ComparePair): void {
  pair = next;
  for (const listener of listeners) listener();
}

/** The pair of runs to compare, and its setter. */
export function useCompareSelection(): [ComparePair, (next: ComparePair) => void] {
  const current = useSyncExternalStore(subscribe, () => pair);
  return [current, useCallback((next: ComparePair) => setComparePair(next), [])];
}
