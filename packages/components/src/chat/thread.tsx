import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useLayoutEffect,
  useState,
} from 'react';
import { useVirtualList } from '../virtual/use-virtual-list.ts';
import { useThreadContext } from './thread-context.ts';
import { ThreadEmpty, ThreadJumpToLatest, ThreadStarters } from './thread-parts.tsx';
import { Root } from './thread-root.tsx';

export type { ThreadRootProps } from './thread-root.tsx';

export interface ThreadViewportProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Renders message `index` (0 is the oldest). */
  renderItem: (index: number) => ReactNode;
  /** A stable key for message `index`. Default: the index. */
  getKey?: (index: number) => string | number;
  /** Pixels per message until it is measured. Default: 120. */
  estimateSize?: number;
}

const keys: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * The scrolling log of messages, virtualized: only those near the view are in the page. One Tab
 * stop; arrow keys, Home and End move between messages.
 */
const Viewport = forwardRef<HTMLDivElement, ThreadViewportProps>(function ThreadViewport(
  { renderItem, getKey = (index) => index, estimateSize = 120, onKeyDown, onFocus, style, ...props },
  ref,
) {
  const { count, streaming, labels, scroller, content, watch, following } = useThreadContext('Viewport');
  const [active, setActive] = useState(-1);
  const current = active >= 0 && active < count ? active : count - 1;
  const { items, totalSize, measure, focusItem, scrollToIndex } = useVirtualList({
    count,
    scrollElement: scroller,
    estimateSize,
    overscan: 3,
    keep: [current],
  });
  // While following, the newest message is rendered in the same frame it arrives (or the thread
  // opens): the list renders the range at the bottom now, not after a scroll event a frame later.
  useLayoutEffect(() => {
    if (following && count > 0) scrollToIndex(count - 1);
  }, [count, following, scrollToIndex]);
  const setRefs = useCallback(
    (element: HTMLDivElement | null) => {
      scroller.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref, scroller],
  );
  const itemRef = useCallback(
    (element: HTMLDivElement | null) => {
      measure(element);
      watch(element);
    },
    [measure, watch],
  );
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    const move = keys[event.key];
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || !move || target.dataset.slot !== 'thread-item') return;
    event.preventDefault();
    const next = move(Number(target.dataset.index), count);
    setActive(next);
    focusItem(next, `[data-slot="thread-item"][data-index="${next}"]`);
  };
  return (
    <div
      data-slot="thread-viewport"
      role="log"
      aria-live="off"
      aria-label={labels.thread}
      aria-busy={streaming}
      {...props}
      style={{ overflowY: 'auto', overflowAnchor: 'none', ...style }}
      ref={setRefs}
      onKeyDown={onKey}
      onFocus={(event) => {
        onFocus?.(event);
        const target = event.target as HTMLElement;
        if (target.dataset.slot === 'thread-item') setActive(Number(target.dataset.index));
      }}
    >
      <div data-slot="thread-content" ref={content} style={{ position: 'relative', height: totalSize }}>
        {items.map(({ index, start }) => (
          <div
            key={getKey(index)}
            data-slot="thread-item"
            data-index={index}
            data-last={index === count - 1 || undefined}
            ref={itemRef}
            tabIndex={index === current ? 0 : -1}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
          >
            {renderItem(index)}
          </div>
        ))}
      </div>
    </div>
  );
});

/** The chat thread as compound parts: `Thread.Root`, `Thread.Viewport`, `Thread.Empty`, ... */
export const Thread = {
  Root,
  Viewport,
  Empty: ThreadEmpty,
  Starters: ThreadStarters,
  JumpToLatest: ThreadJumpToLatest,
};
