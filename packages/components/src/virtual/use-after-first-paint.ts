import { useEffect, useState } from 'react';

/**
 * False for the first frame a component paints, true from the frame after: work nobody sees yet
 * (rows past the view) waits until what is in view is on screen.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let second = 0;
    // The first frame callback runs before that frame's paint; the second, after it.
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
  return painted;
}
