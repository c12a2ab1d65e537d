import { useEffect, useState } from 'react';

/**
 * False for the first frame a component paints, true from the frame after: work nobody sees yet
 * (rows past the view) waits until what is in view is on screen.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame callback runs before that frame's paint; a task it queues, after it. A late update
    // after unmount is ignored by React.
    const frame = requestAnimationFrame(() => setTimeout(setPainted, 0, true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}
