import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CompareList } from '../../hooks/useCompareList';

const ROW_HEIGHT = 46;

/** One list of a comparison, virtualized: only the rows in view exist, at any size. */
export function DiffList({ list, label, selected, onOpen }: { list: CompareList; label: string; selected: number | null; onOpen(index: number): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure, version } = list;

  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [first, last, ensure, version]);

  return (
    <div className="diff-list" ref={scroller} data-testid="diff-list">
      {list.total === 0 && <p className="muted diff-empty">No user in this list.</p>}
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const item = list.getItem(row.index);
          return (
            <div key={row.key} role="listitem" className="diff-row-slot" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
              {item ? (
                <button
                  type="button"
                  className="diff-row"
                  aria-pressed={selected === item.index}
                  onClick={() => onOpen(item.index)}
                  data-testid="diff-row"
                >
                  <span className="diff-row-name">
                    <strong>{item.name || item.key}</strong> <span className="muted">{item.email}</span>
                    {item.matchedBy === 'primary-id' && <span className="pill">matched by primary id</span>}
                  </span>
                  <span className="diff-row-summary">{item.summary}</span>
                </button>
              ) : (
                <span className="diff-row muted">…</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
