import type { DisplayToken } from './merge.ts';

/** A run of display tokens rendered (and virtualized) as one unit. `end` is exclusive. */
export interface TokenBlock {
  start: number;
  end: number;
}

/**
 * Splits display tokens into blocks of `size` to `2 * size - 1` tokens, closing a block after the
 * first newline once it holds `size`, so the heatmap breaks lines where the text does. Each block's
 * bounds depend only on the tokens before its end: blocks stay put while a stream appends.
 */
export function tokenBlocks(display: readonly DisplayToken[], size = 120): TokenBlock[] {
  const blocks: TokenBlock[] = [];
  let start = 0;
  for (let position = 0; position < display.length; position++) {
    const count = position - start + 1;
    const newline = count >= size && (display[position]?.text.includes('\n') ?? false);
    if (newline || count >= 2 * size - 1) {
      blocks.push({ start, end: position + 1 });
      start = position + 1;
    }
  }
  if (start < display.length) blocks.push({ start, end: display.length });
  return blocks;
}

/** The block holding a display-token position (binary search; blocks are in order). */
export function blockOf(blocks: readonly TokenBlock[], position: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((blocks[middle]?.start ?? 0) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}
