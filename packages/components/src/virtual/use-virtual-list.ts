import { type RefObject, useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';

export interface VirtualListOptions {
  count: number;
  scrollElement: RefObject<HTMLElement | null>;
  /** Pixels per item until it is measured (or always, when items are not measured). */
  estimateSize: number;
  /** Items rendered beyond each edge of the view. Default: 1. */
  overscan?: number;
  /** The view's height before it can be measured (first render, jsdom). Default: 400. */
  initialHeight?: number;
  /** Items that render wherever they are (the one holding focus). */
  keep?: readonly number[];
}

export interface VirtualItem {
  index: number;
  start: number;
}

/** The first position whose item ends after `offset` (items are in order). */
function firstEndingAfter(starts: Float64Array, sizes: (index: number) => number, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] as number) + sizes(middle) <= offset) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low);
}

/**
 * Which items of a long list are in view, and where they go. Items of unknown height are measured
 * with one ResizeObserver (`measure` as their ref); a measured item above the view keeps what is on
 * screen in place. About 1 KB where @tanstack/react-virtual costs 10 KB for the same two lists.
 */
export function useVirtualList({
  count,
  scrollElement,
  estimateSize,
  overscan = 1,
  initialHeight = 400,
  keep = [],
}: VirtualListOptions) {
  const measured = useRef(new Map<number, number>());
  const [view, setView] = useState({ top: 0, height: initialHeight });
  const [, remeasured] = useReducer((version: number) => version + 1, 0);
  const sizeOf = (index: number) => measured.current.get(index) ?? estimateSize;
  const starts = new Float64Array(count);
  let total = 0;
  for (let index = 0; index < count; index++) {
    starts[index] = total;
    total += sizeOf(index);
  }
  const layout = useRef({ starts, total });
  layout.current = { starts, total };

  useLayoutEffect(() => {
    const element = scrollElement.current;
    if (!element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView({ top: element.scrollTop, height: element.clientHeight || initialHeight });
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollElement, initialHeight]);

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || typeof ResizeObserver === 'undefined') return;
      observer.current ??= new ResizeObserver((entries) => {
        const scroller = scrollElement.current;
        let changed = false;
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.index);
          const size = (entry.target as HTMLElement).offsetHeight;
          const before = measured.current.get(index) ?? estimateSize;
          if (!Number.isFinite(index) || size === 0 || size === before) continue;
          measured.current.set(index, size);
          changed = true;
          // An item above the view grew or shrank: move the scroll by as much, so the view holds still.
          if (scroller && (layout.current.starts[index] ?? 0) < scroller.scrollTop) scroller.scrollTop += size - before;
        }
        if (changed) remeasured();
      });
      observer.current.observe(element);
    },
    [scrollElement, estimateSize],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollElement.current;
      if (!element) return;
      const start = layout.current.starts[index] ?? 0;
      const end = start + (measured.current.get(index) ?? estimateSize);
      const height = element.clientHeight || initialHeight;
      if (start < element.scrollTop) element.scrollTop = start;
      else if (end > element.scrollTop + height) element.scrollTop = end - height;
      // Render the new range now, not a frame later, so the caller can focus what it scrolled to.
      setView({ top: element.scrollTop, height });
    },
    [scrollElement, estimateSize, initialHeight],
  );

  // An element asked to take focus before its item was in the page: focused once it renders.
  const pendingFocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const element = scrollElement.current?.querySelector<HTMLElement>(pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  });
  /** Scrolls item `index` into view and focuses `selector` in it: now if rendered, else when it is. */
  const focusItem = useCallback(
    (index: number, selector: string) => {
      scrollToIndex(index);
      const element = scrollElement.current?.querySelector<HTMLElement>(selector);
      pendingFocus.current = element ? null : selector;
      element?.focus();
    },
    [scrollToIndex, scrollElement],
  );

  const first = count === 0 ? 0 : Math.max(0, firstEndingAfter(starts, sizeOf, view.top) - overscan);
  let last = first;
  while (last < count - 1 && (starts[last + 1] as number) < view.top + view.height) last++;
  last = Math.min(count - 1, last + overscan);
  const indexes = new Set<number>();
  for (let index = first; index <= last; index++) indexes.add(index);
  for (const index of keep) if (index >= 0 && index < count) indexes.add(index);
  const items: VirtualItem[] = [...indexes]
    .sort((a, b) => a - b)
    .map((index) => ({ index, start: starts[index] as number }));
  return { items, totalSize: total, measure, scrollToIndex, focusItem };
}
