import { useEffect, useState } from 'react';
import type { RosterRow } from '../db/entities';
import { repo } from '../db/repo';

/** Matches shown at most; the search tells the user when there are more. */
export const SEARCH_LIMIT = 500;

export interface RosterSearch {
  /** null when no search is active. */
  rows: RosterRow[] | null;
  searching: boolean;
}

/**
 * Searches the run's roster by any attribute or external id, `delay` ms after the user stops typing.
 * A newer query stops the scan of an older one.
 */
export function useRosterSearch(runId: string, query: string, delay = 250): RosterSearch {
  const [state, setState] = useState<RosterSearch>({ rows: null, searching: false });
  const q = query.trim();

  useEffect(() => {
    if (!q) {
      setState({ rows: null, searching: false });
      return;
    }
    let stale = false;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      repo
        .searchRoster(runId, q, SEARCH_LIMIT, () => stale)
        .then((rows) => {
          if (!stale) setState({ rows, searching: false });
        })
        .catch(() => {
          if (!stale) setState({ rows: [], searching: false });
        });
    }, delay);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [runId, q, delay]);

  return state;
}
