import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../lib/errors';

/** Rows per read. */
export const AUDIT_PAGE_SIZE = 100;
/** Pages kept in memory around the viewport. */
const MAX_PAGES = 30;

export interface PagedRows<Row> {
  getRow(index: number): Row | undefined;
  /** Loads the pages covering `first`..`last` (the virtualizer's visible range). */
  ensure(first: number, last: number): void;
  /** Changes whenever a page arrives, so the list re-renders. */
  version: number;
  /** Set when a page could not be read. */
  error: string | null;
}

/**
 * Pages of any stored list (records of a state, conflicts of a kind, a rule's hits), loaded as a
 * virtualized list scrolls: `load(offset, limit)` reads one index range. `key` names the list; a new key
 * drops the cached pages. Stored runs never change, so pages are cached, not live.
 */
export function useAuditPages<Row>(key: string, load: (offset: number, limit: number) => Promise<Row[]>): PagedRows<Row> {
  const pages = useRef(new Map<number, Row[]>());
  const pending = useRef(new Set<number>());
  const current = useRef(key);
  const loader = useRef(load);
  loader.current = load;
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    current.current = key;
    pages.current.clear();
    pending.current.clear();
    setError(null);
    setVersion((v) => v + 1);
  }, [key]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / AUDIT_PAGE_SIZE);
      const to = Math.floor(Math.max(0, last) / AUDIT_PAGE_SIZE);
      for (let page = from; page <= to; page++) {
        if (pages.current.has(page) || pending.current.has(page)) continue;
        pending.current.add(page);
        loader.current(page * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE).then(
          (rows) => {
            if (current.current !== key) return;
            pending.current.delete(page);
            pages.current.set(page, rows);
            if (pages.current.size > MAX_PAGES) {
              const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
              for (const p of far.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(p);
            }
            setVersion((v) => v + 1);
          },
          (failure: unknown) => {
            if (current.current !== key) return;
            pending.current.delete(page);
            setError(errorText(failure));
          },
        );
      }
    },
    [key],
  );

  const getRow = useCallback((index: number) => pages.current.get(Math.floor(index / AUDIT_PAGE_SIZE))?.[index % AUDIT_PAGE_SIZE], []);
  return { getRow, ensure, version, error };
}
