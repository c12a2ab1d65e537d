import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How close to the bottom (px) still counts as "at the live edge". */
const EDGE = 2;

/**
 * Keeps a scroll container at its bottom while `following`, and stops the moment the reader scrolls
 * up: an upward move of theirs away from the edge releases it, reaching the edge again resumes. Growth is
 * caught by a ResizeObserver on the content, whose callback runs before paint, so no frame shows the
 * view off the bottom while following.
 */
export function useFollowBottom(scroller: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>) {
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);
  const lastTop = useRef(0);
  const follow = useCallback((next: boolean) => {
    followingRef.current = next;
    setFollowing(next);
  }, []);
  const toBottom = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
  }, [scroller]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Only the reader releases: a scroll counts as theirs shortly after a wheel, touch, key or
    // pointer (the scrollbar) on the view, never when measuring moves the content under it.
    let intentAt = Number.NEGATIVE_INFINITY;
    let pointerDown = false;
    const intent = () => {
      intentAt = performance.now();
    };
    const onScroll = () => {
      const distance = element.scrollHeight - element.clientHeight - element.scrollTop;
      const movedUp = element.scrollTop < lastTop.current - 0.5;
      lastTop.current = element.scrollTop;
      if (distance <= EDGE) {
        if (!followingRef.current) follow(true);
      } else if (movedUp && followingRef.current && (pointerDown || performance.now() - intentAt < 500)) follow(false);
    };
    // A wheel upward releases at once, before the scroll event, so a token arriving in between
    // cannot pull the view back down.
    const onWheel = (event: WheelEvent) => {
      intent();
      if (event.deltaY < 0 && followingRef.current) follow(false);
    };
    const onPointerDown = () => {
      pointerDown = true;
      intent();
    };
    const onPointerUp = () => {
      pointerDown = false;
    };
    for (const name of ['touchmove', 'keydown'] as const) element.addEventListener(name, intent, { passive: true });
    element.addEventListener('pointerdown', onPointerDown, { passive: true });
    window.addEventListener('pointerup', onPointerUp, { passive: true });
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: true });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (followingRef.current) toBottom();
          });
    if (content.current) observer?.observe(content.current);
    return () => {
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onWheel);
      for (const name of ['touchmove', 'keydown'] as const) element.removeEventListener(name, intent);
      element.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointerup', onPointerUp);
      observer?.disconnect();
    };
  }, [scroller, content, follow, toBottom]);

  /** Watches one more element (a message that may grow while streaming). */
  const observerRef = useRef<ResizeObserver | null>(null);
  const watch = useCallback(
    (element: HTMLElement | null) => {
      if (!element || typeof ResizeObserver === 'undefined') return;
      observerRef.current ??= new ResizeObserver(() => {
        if (followingRef.current) toBottom();
      });
      observerRef.current.observe(element);
    },
    [toBottom],
  );
  useEffect(() => () => observerRef.current?.disconnect(), []);
  // After every render: new messages land at the bottom while following.
  useLayoutEffect(() => {
    if (followingRef.current) toBottom();
  });
  const jump = useCallback(() => {
    follow(true);
    toBottom();
  }, [follow, toBottom]);
  return { following, jump, watch };
}
