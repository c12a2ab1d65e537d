import type { ChatCompletionTokenLogprob } from '@completions-kit/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useAfterFirstPaint } from '../virtual/use-after-first-paint.ts';
import { useVirtualList } from '../virtual/use-virtual-list.ts';
import { Alternatives } from './alternatives.tsx';
import { blockOf, tokenBlocks } from './blocks.ts';
import { type DisplayToken, extendMerge, summarize } from './merge.ts';
import { SummaryLines } from './summary-lines.tsx';
import { TokenBlockMemo } from './token-block.tsx';

export interface TokenLogprobsProps extends ComponentPropsWithoutRef<'section'> {
  /** `choice.logprobs.content` (or `.refusal`); mid-stream, each snapshot brings a longer array. */
  tokens: readonly ChatCompletionTokenLogprob[];
  /** What the tokens are, for labels. Default: "Answer". */
  label?: string;
  /** How many of the least confident tokens to offer as jump links. Default: 3. */
  leastConfident?: number;
  /** The content of each token's button. Default: the token's text. */
  renderToken?: (token: DisplayToken, position: number) => ReactNode;
  /** Display tokens per rendered block (the unit of virtualization). Default: 120. */
  blockSize?: number;
}

const pageMoves: Record<string, number> = { PageDown: 60, PageUp: -60, ArrowDown: 15, ArrowUp: -15 };

/**
 * The chosen tokens as a heatmap of their probability (also as `--ck-token-probability`), with each
 * token's alternatives in a popover, summary figures and keyboard navigation (arrows, Home, End, Page
 * Up/Down; Enter opens, Escape closes). Tokens that split a character are merged by their bytes.
 * Virtualized in blocks, so 8,000 tokens paint as fast as 200; appending re-renders only the last block.
 */
export const TokenLogprobs = forwardRef<HTMLElement, TokenLogprobsProps>(function TokenLogprobs(
  { tokens, label = 'Answer', leastConfident = 3, renderToken, blockSize = 120, ...props },
  ref,
) {
  const merged = useRef<DisplayToken[]>([]);
  // A snapshot's arrays never change once handed out: a new array is all a new token can be.
  const display = useMemo(() => {
    merged.current = extendMerge(merged.current, tokens);
    return merged.current;
  }, [tokens]);
  const summary = useMemo(() => summarize(display, leastConfident), [display, leastConfident]);
  const blocks = useMemo(() => tokenBlocks(display, blockSize), [display, blockSize]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const popoverId = useId();
  const activeBlock = blockOf(blocks, active);
  const virtualizer = useVirtualList({
    count: blocks.length,
    scrollElement: scroller,
    estimateSize: 24 * Math.ceil(blockSize / 12),
    initialHeight: 384,
    // The first frame paints the blocks in view only; the one past them follows a frame later.
    overscan: useAfterFirstPaint() ? 1 : 0,
    // The block holding the focusable token always renders, so Tab can reach the heatmap.
    keep: [activeBlock],
  });

  const state = useRef({ display, blocks, virtualizer });
  state.current = { display, blocks, virtualizer };
  const focus = useCallback((position: number) => {
    const { display: current, blocks: bounds, virtualizer: list } = state.current;
    const next = Math.max(0, Math.min(current.length - 1, position));
    setActive(next);
    list.focusItem(blockOf(bounds, next), `[data-position="${next}"]`);
  }, []);
  const onKey = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, position: number) => {
      const last = state.current.display.length - 1;
      const moves: Record<string, number> = { ArrowRight: position + 1, ArrowLeft: position - 1, Home: 0, End: last };
      const move = moves[event.key] ?? (event.key in pageMoves ? position + (pageMoves[event.key] as number) : null);
      if (move !== null) {
        event.preventDefault();
        focus(move);
      } else if (event.key === 'Escape') setOpen(null);
    },
    [focus],
  );
  const onToggle = useCallback((position: number) => setOpen((now) => (now === position ? null : position)), []);
  const shown = open === null ? undefined : display[open];

  return (
    <section data-slot="token-logprobs" aria-label={`${label}: token probabilities`} {...props} ref={ref}>
      <SummaryLines summary={summary} display={display} onJump={focus} />
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling run of buttons, not form fields for a fieldset */}
      <div
        ref={scroller}
        data-slot="token-heatmap"
        role="group"
        aria-label={`${label} tokens`}
        style={{ maxHeight: 'var(--ck-logprobs-height, 24rem)', overflowY: 'auto' }}
      >
        <div style={{ height: virtualizer.totalSize, position: 'relative' }}>
          {virtualizer.items.map((item) => {
            const block = blocks[item.index];
            if (!block) return null;
            const inside = (position: number | null) =>
              position !== null && position >= block.start && position < block.end ? position : -1;
            return (
              <div
                key={block.start}
                ref={virtualizer.measure}
                data-index={item.index}
                data-slot="token-block"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <TokenBlockMemo
                  display={display}
                  start={block.start}
                  end={block.end}
                  active={inside(active)}
                  open={inside(open)}
                  popoverId={popoverId}
                  renderToken={renderToken}
                  onToggle={onToggle}
                  onFocusToken={setActive}
                  onKey={onKey}
                />
              </div>
            );
          })}
        </div>
      </div>
      {shown && open !== null ? (
        <Alternatives
          token={shown}
          id={popoverId}
          onClose={() => {
            setOpen(null);
            focus(open);
          }}
        />
      ) : null}
    </section>
  );
});
