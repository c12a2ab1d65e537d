import { type RefObject, useEffect, useRef } from 'react';

/** Within this many pixels of the text's end, the pane counts as "at the end" and keeps following. */
const nearEnd = 48;

/** How far the pane must scroll for the end of the answer's text to show (0 when it shows). */
function shortfall(pane: HTMLElement): number {
  const text = pane.querySelector('.choice:last-of-type [data-slot="message"], .choice:last-of-type');
  if (!text) return 0;
  return Math.max(0, text.getBoundingClientRect().bottom - pane.getBoundingClientRect().bottom + 16);
}

/**
 * Keeps the answer in sight. When a run starts: a pane that scrolls on its own (wide screens) goes
 * to its top, otherwise the page scrolls the answer into view. While it streams, a scrolling pane
 * keeps the end of the text in sight (usage and figures below it may wait) unless the reader
 * scrolled up to read.
 */
export function useAnswerFollow(pane: RefObject<HTMLElement | null>, runId: number, running: boolean) {
  const following = useRef(true);
  useEffect(() => {
    const element = pane.current;
    if (!element || runId === 0) return;
    following.current = true;
    if (getComputedStyle(element).overflowY === 'auto') element.scrollTop = 0;
    else element.scrollIntoView({ block: 'start' });
  }, [pane, runId]);
  useEffect(() => {
    const element = pane.current;
    if (!element || !running) return;
    const onScroll = () => {
      following.current = shortfall(element) < nearEnd;
    };
    // Grows as chunks arrive: follow the end while the reader is there.
    const observer = new ResizeObserver(() => {
      if (following.current && getComputedStyle(element).overflowY === 'auto') element.scrollTop += shortfall(element);
    });
    for (const child of Array.from(element.children)) observer.observe(child);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, [pane, running]);
}
