import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompareClient } from '../worker/compare-client';
import type { ListItem, ListKind } from '../worker/compare-protocol';

const PAGE = 100;

export interface CompareList {
  /** Users in the list after search and filter; undefined until the first page arrives. */
  total: number | undefined;
  getItem(index: number): ListItem | undefined;
  /** Loads the pages covering `first`..`last` (the virtualizer's range). */
  ensure(first: number, last: number): void;
  /** Changes when a page arrives, so the list re-renders. */
  version: number;
}

/**
 * One list of a comparison, fetched from the worker a page at a time as it scrolls. A new search or
 * filter starts over; answers to an older query are dropped. The search waits for typing to pause.
 */
export function useCompareList(client: CompareClient, kind: ListKind, search: string, filter: string): CompareList {
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, ListItem[]>());
  const pending = useRef(new Set<number>());
  const query = useRef({ kind, search: '', filter, generation: 0 });

  const load = useCallback(
    (page: number) => {
      const q = query.current;
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      client.list({ kind: q.kind, search: q.search, filter: q.filter, offset: page * PAGE, limit: PAGE }).then(
        (result) => {
          if (query.current.generation !== q.generation) return;
          pending.current.delete(page);
          pages.current.set(page, result.items);
          setTotal(result.total);
          setVersion((v) => v + 1);
        },
        () => pending.current.delete(page),
      );
    },
    [client],
  );

  useEffect(() => {
    // Drop the old answer at once (the list says "Loading…"), then ask once typing pauses.
    query.current = { kind, search, filter, generation: query.current.generation + 1 };
    pages.current.clear();
    pending.current.clear();
    setTotal(undefined);
    const timer = setTimeout(() => load(0), search ? 150 : 0);
    return () => clearTimeout(timer);
  }, [kind, search, filter, load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) load(page);
    },
    [load],
  );
  const getItem = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);
  return { total, getItem, ensure, version };
}
