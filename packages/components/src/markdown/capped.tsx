import { type ReactNode, useState } from 'react';
import { formatCount, useMessageLabels } from '../message/message-labels.tsx';

// A thousand list items or table rows lay out well inside one frame budget on a slow machine;
// five thousand in one task took over 300 ms. The rest is a click away, a thousand at a time.
export const SHOWN_AT_ONCE = 1000;

interface CappedProps {
  /** How many entries the block has. */
  total: number;
  /** What the button counts. */
  noun: 'items' | 'rows';
  /** Renders the first `shown` entries. */
  children: (shown: number) => ReactNode;
}

/** A long list or table from a model, laid out in steps so that no step blocks the page. */
export function Capped({ total, noun, children }: CappedProps) {
  const labels = useMessageLabels();
  const [shown, setShown] = useState(SHOWN_AT_ONCE);
  const rest = total - shown;
  return (
    <>
      {children(Math.min(shown, total))}
      {rest > 0 ? (
        <button type="button" data-slot="md-show-more" onClick={() => setShown(shown + SHOWN_AT_ONCE)}>
          {labels.showMoreEntries(formatCount(labels, Math.min(rest, SHOWN_AT_ONCE)), formatCount(labels, rest), noun)}
        </button>
      ) : null}
    </>
  );
}
