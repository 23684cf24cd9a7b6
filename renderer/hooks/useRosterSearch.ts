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
 * How long the search waits for the next keystroke before it looks up the query. Short: a run's search
 * should answer within 200 ms of typing at 1,000,000 users (issue 6), and the lookup itself takes ~100 ms
 * there. A lookup a newer keystroke overtakes is dropped (and an older scan stopped): a pause mid-word
 * costs one lookup, never a stale result.
 */
const SEARCH_DELAY_MS = 100;

/**
 * Searches the run's roster by any attribute or external id, `delay` ms after the user stops typing.
 * A newer query stops the scan of an older one.
 */
export function useRosterSearch(runId: string, query: string, delay = SEARCH_DELAY_MS): RosterSearch {
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
