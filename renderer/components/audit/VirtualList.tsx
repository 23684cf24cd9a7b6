import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props<Row> {
  /** Accessible name of the list. */
  label: string;
  count: number;
  getRow(index: number): Row | undefined;
  /** Called with the rendered range, so the caller can load those rows. */
  onRange?(first: number, last: number): void;
  /** Re-render trigger when rows arrive. */
  version?: number;
  /** Height of row `index` in pixels (fixed per row: nothing is measured). */
  rowHeight: number | ((index: number) => number);
  renderRow(row: Row, index: number): ReactNode;
  /** Makes rows selectable: click, Enter or Space. */
  onSelect?(row: Row, index: number): void;
  selectedIndex?: number | null;
  testId: string;
  /** data-testid of each loaded row. */
  rowTestId: string;
}

/**
 * A virtualized list for the audit screens: only the rows in view exist in the DOM, and rows are loaded
 * page by page as they come into view, so a list of a million records scrolls like one of ten.
 */
export function VirtualList<Row>({ label, count, getRow, onRange, version, rowHeight, renderRow, onSelect, selectedIndex, testId, rowTestId }: Props<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const size = typeof rowHeight === 'number' ? () => rowHeight : rowHeight;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: size, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRange?.(first, last);
  }, [first, last, onRange, version]);

  // Sizes depend on the rows (loaded later): measure again when they arrive.
  useEffect(() => {
    if (typeof rowHeight !== 'number') virtualizer.measure();
  }, [rowHeight, version, virtualizer]);

  const select = (index: number) => {
    const row = getRow(index);
    if (row && onSelect) onSelect(row, index);
  };

  return (
    <div className="virtual-list" ref={scroller} role="list" aria-label={label} data-testid={testId}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = getRow(item.index);
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              className={`virtual-row${onSelect ? ' selectable' : ''}${selectedIndex === item.index ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              tabIndex={onSelect ? 0 : undefined}
              onClick={onSelect ? () => select(item.index) : undefined}
              onKeyDown={
                onSelect
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        select(item.index);
                      }
                    }
                  : undefined
              }
              aria-current={selectedIndex === item.index ? true : undefined}
              data-testid={row ? rowTestId : `${rowTestId}-loading`}
            >
              {row ? renderRow(row, item.index) : <span className="muted">…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
