import type { Metadata } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type KeyboardEvent, useEffect, useRef } from 'react';
import { reveal } from '../text/reveal.ts';
import { UtcTime } from '../time/utc-time.tsx';
import { useVirtualList } from '../virtual/use-virtual-list.ts';
import { metadataSummary } from './metadata-summary.ts';

/** What a row needs of a stored completion (a list item from `GET /chat/completions`). */
export interface StoredRow {
  id: string;
  model: string;
  created: number;
  metadata?: Metadata | null;
}

export interface StoredTableProps extends ComponentPropsWithoutRef<'section'> {
  /** The rows of every loaded page, in list order. */
  items: readonly StoredRow[];
  /** The list has more pages. */
  hasMore?: boolean;
  /** A page is loading: no second `onLoadMore` until it lands. */
  loadingMore?: boolean;
  /** Asked for when the last rows come into view, and by the Load more button. */
  onLoadMore?: () => void;
  /** Called with a row's id on click or Enter. */
  onOpen?: (id: string) => void;
  /** The id of the row to mark as selected (`aria-current`, `data-selected`). */
  selectedId?: string;
  /** The first words of the request's user message, where known (list items do not carry them). */
  preview?: (row: StoredRow) => string | undefined;
  /** The ids of the rows in view, so an app can fetch their previews lazily. */
  onVisibleRows?: (ids: string[]) => void;
  /** Row height in pixels (rows are fixed height). Default: 40. */
  rowHeight?: number;
}

/**
 * Stored completions as a virtualized table (model, created, first user words, metadata): 10,000 rows
 * render as the few in view. Long metadata values are cut in the row (say so, with the count of
 * characters left out); where the row opens, the MetadataEditor holds them whole. Scrolling near the end asks for the next page; Arrow Up/Down move
 * between rows, Enter opens one.
 */
export const StoredTable = forwardRef<HTMLElement, StoredTableProps>(function StoredTable(
  { items, hasMore, loadingMore, onLoadMore, onOpen, selectedId, preview, onVisibleRows, rowHeight = 40, ...props },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualList({
    count: items.length,
    scrollElement: scroller,
    estimateSize: rowHeight,
    overscan: 6,
    initialHeight: 480,
  });
  const rows = virtualizer.items;
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= items.length - 10) onLoadMore?.();
  }, [hasMore, loadingMore, last, items.length, onLoadMore]);
  const visibleKey = rows.map((row) => items[row.index]?.id).join(' ');
  useEffect(() => {
    if (visibleKey) onVisibleRows?.(visibleKey.split(' '));
  }, [visibleKey, onVisibleRows]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    const next = moves[event.key];
    if (next === undefined || next < 0 || next >= items.length) return;
    event.preventDefault();
    virtualizer.focusItem(next, `[data-row="${next}"] button`);
  };
  const before = rows[0]?.start ?? 0;
  const lastRow = rows[rows.length - 1];
  const after = virtualizer.totalSize - (lastRow ? lastRow.start + rowHeight : 0);
  return (
    <section data-slot="stored-table" aria-label="Stored completions" {...props} ref={ref}>
      <div
        ref={scroller}
        data-slot="stored-table-scroll"
        style={{ maxHeight: 'var(--ck-table-height, 30rem)', overflow: 'auto' }}
      >
        <table aria-rowcount={hasMore ? -1 : items.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">First user words</th>
              <th scope="col">Model</th>
              <th scope="col">Created (UTC)</th>
              <th scope="col">Metadata</th>
            </tr>
          </thead>
          <tbody>
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row holds no focusable content */}
            {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
            {rows.map((virtualRow) => {
              const row = items[virtualRow.index];
              if (!row) return null;
              const words = preview?.(row);
              return (
                <tr
                  key={row.id}
                  data-row={virtualRow.index}
                  aria-rowindex={virtualRow.index + 2}
                  data-selected={row.id === selectedId || undefined}
                  style={{ height: rowHeight }}
                >
                  <td>
                    <button
                      type="button"
                      data-slot="open-stored"
                      aria-current={row.id === selectedId || undefined}
                      aria-label={`Open ${words ? `“${words}”` : row.id}`}
                      onClick={() => onOpen?.(row.id)}
                      onKeyDown={(event) => onKeyDown(event, virtualRow.index)}
                    >
                      {words ?? <span data-slot="preview-pending">{row.id}</span>}
                    </button>
                  </td>
                  <td>{reveal(row.model)}</td>
                  <td>
                    <UtcTime seconds={row.created} />
                  </td>
                  <td data-slot="stored-metadata">{metadataSummary(row.metadata)}</td>
                </tr>
              );
            })}
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row holds no focusable content */}
            {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
          </tbody>
        </table>
      </div>
      <p data-slot="stored-table-status" aria-live="polite">
        {items.length === 0 && !hasMore && !loadingMore ? 'No stored completions match.' : null}
        {items.length > 0
          ? `${items.length.toLocaleString('en-US')} loaded (rows ${first + 1}–${last + 1} in view)`
          : null}
        {loadingMore ? ' · Loading more…' : null}
      </p>
      {hasMore ? (
        <button type="button" data-slot="load-more" disabled={loadingMore} onClick={() => onLoadMore?.()}>
          Load more
        </button>
      ) : null}
    </section>
  );
});
