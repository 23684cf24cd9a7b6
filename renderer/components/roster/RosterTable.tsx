import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RosterRow } from '../../db/entities';
import type { RosterColumn } from './roster-columns';

export const ROW_HEIGHT = 32;

interface Props {
  count: number;
  getRow(index: number): RosterRow | undefined;
  /** Called with the rendered range, so the caller can load those rows. */
  onRange?(first: number, last: number): void;
  columns: RosterColumn[];
  selectedUserId: string | null;
  onOpen(row: RosterRow): void;
  /** Re-render trigger when rows arrive. */
  version: number;
}

/**
 * A virtualized table: only the rows in view (plus overscan) exist in the DOM, so it scrolls smoothly
 * over a million rows. Rows are focusable; Up/Down move between them, Enter opens the user.
 */
export function RosterTable({ count, getRow, onRange, columns, selectedUserId, onOpen, version }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  // The last column takes the remaining width, so rows span the table.
  const template = columns.map((c, i) => (i === columns.length - 1 ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const width = columns.reduce((n, c) => n + c.width, 0);

  useEffect(() => {
    if (last >= first) onRange?.(first, last);
  }, [first, last, onRange, version]);

  const move = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const row = getRow(index);
    if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onOpen(row);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'PageDown' ? 15 : event.key === 'PageUp' ? -15 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = Math.min(count - 1, Math.max(0, index + step));
    virtualizer.scrollToIndex(next);
    // The target row exists once the virtualizer has rendered it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return (
    <div className="roster-table" role="table" aria-label="Roster" aria-rowcount={count + 1} data-testid="roster-table">
      <div className="roster-scroll" ref={scroller}>
        <div role="rowgroup" className="roster-head" style={{ minWidth: width }}>
          <div role="row" className="roster-row" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <div key={c.id} role="columnheader" className="roster-cell" title={c.label}>
                {c.label}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), minWidth: width, position: 'relative' }}>
          {items.map((item) => {
            const row = getRow(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={item.index === first ? 0 : -1}
                className={`roster-row roster-body-row${row && row.userId === selectedUserId ? ' selected' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                onClick={() => row && onOpen(row)}
                onKeyDown={(e) => move(e, item.index)}
                data-testid={row ? 'roster-row' : 'roster-row-loading'}
              >
                {columns.map((c) => (
                  <div key={c.id} role="cell" className="roster-cell">
                    {row ? c.value(row.user) : '…'}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
