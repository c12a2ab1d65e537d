import { type CSSProperties, type KeyboardEvent, memo, type ReactNode } from 'react';
import { reveal } from '../text/reveal.ts';
import { percent } from './alternatives.tsx';
import type { DisplayToken } from './merge.ts';

export interface TokenBlockProps {
  display: readonly DisplayToken[];
  start: number;
  end: number;
  /** The roving-focus position if it falls in this block, else -1 (so other blocks skip rendering). */
  active: number;
  open: number;
  popoverId: string;
  renderToken: ((token: DisplayToken, position: number) => ReactNode) | undefined;
  onToggle: (position: number) => void;
  onFocusToken: (position: number) => void;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, position: number) => void;
}

function TokenBlockView(props: TokenBlockProps) {
  const { display, start, end, active, open, popoverId, renderToken, onToggle, onFocusToken, onKey } = props;
  const buttons: ReactNode[] = [];
  for (let position = start; position < end; position++) {
    const token = display[position] as DisplayToken;
    const isOpen = open === position;
    buttons.push(
      <button
        key={token.index}
        type="button"
        data-slot="token"
        data-position={position}
        data-state={isOpen ? 'open' : 'closed'}
        data-sentinel={token.sentinel || undefined}
        tabIndex={position === active ? 0 : -1}
        aria-label={`“${reveal(token.text)}”, ${percent(token.probability)}`}
        aria-expanded={isOpen}
        aria-controls={isOpen ? popoverId : undefined}
        style={{ '--ck-token-probability': token.probability } as CSSProperties}
        onFocus={() => onFocusToken(position)}
        onClick={() => onToggle(position)}
        onKeyDown={(event) => onKey(event, position)}
      >
        {renderToken ? renderToken(token, position) : reveal(token.text)}
      </button>,
    );
  }
  return <>{buttons}</>;
}

/**
 * A block re-renders only when its bounds, its focus or popover state, or its tokens change: while a
 * stream appends, only the last block does work.
 */
export const TokenBlockMemo = memo(
  TokenBlockView,
  (before, after) =>
    before.start === after.start &&
    before.end === after.end &&
    before.active === after.active &&
    before.open === after.open &&
    before.popoverId === after.popoverId &&
    before.renderToken === after.renderToken &&
    before.display[before.start] === after.display[after.start] &&
    before.display[before.end - 1] === after.display[after.end - 1],
);
