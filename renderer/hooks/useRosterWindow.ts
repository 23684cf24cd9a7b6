import { useCallback, useEffect, useRef, useState } from 'react';
import type { RosterRow } from '../db/entities';
import { repo } from '../db/repo';

/** Rows per query: one `[runId+seq]` index range each. */
export const PAGE_SIZE = 200;
/** Pages kept in memory: enough for a few screens around the viewport, never the whole run. */
const MAX_PAGES = 40;

export interface RosterWindow {
  /** The row at a position, when its page has loaded. */
  getRow(index: number): RosterRow | undefined;
  /** Loads the pages covering positions `first`..`last` (the virtualizer's visible range). */
  ensure(first: number, last: number): void;
  /** Changes whenever a page arrives, so the table re-renders. */
  version: number;
}

/**
 * Pages of a stored run's roster, loaded on demand as the table scrolls, so a million-row roster is
 * never held in React state at once. A complete run never changes, so pages are cached, not live.
 */
export function useRosterWindow(runId: string): RosterWindow {
  const pages = useRef(new Map<number, RosterRow[]>());
  const pending = useRef(new Set<number>());
  const current = useRef(runId);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    current.current = runId;
    pages.current.clear();
    pending.current.clear();
    setVersion((v) => v + 1);
  }, [runId]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
      const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
      for (let page = from; page <= to; page++) {
        if (pages.current.has(page) || pending.current.has(page)) continue;
        pending.current.add(page);
        void repo.rosterPage(runId, page * PAGE_SIZE, PAGE_SIZE).then((rows) => {
          if (current.current !== runId) return;
          pending.current.delete(page);
          pages.current.set(page, rows);
          // Evict the pages farthest from the one just loaded.
          if (pages.current.size > MAX_PAGES) {
            const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
            for (const p of far.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(p);
          }
          setVersion((v) => v + 1);
        });
      }
    },
    [runId],
  );

  const getRow = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  return { getRow, ensure, version };
}
