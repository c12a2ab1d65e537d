import { marked, type Token } from 'marked';

export interface MarkdownBlock {
  token: Token;
  /** Where the block starts in the text (UTF-16 index); also its React key. */
  start: number;
  end: number;
}

/** What lexing a growing text keeps between calls: the blocks that can no longer change. */
export interface BlockCache {
  text: string;
  stable: MarkdownBlock[];
  stableEnd: number;
}

export const emptyBlockCache: BlockCache = { text: '', stable: [], stableEnd: 0 };

/**
 * Splits markdown into blocks, re-lexing only what follows the last finished block when the text
 * has grown at its end (a stream). Every block but the last is finished: a later token cannot
 * change it (a list or paragraph followed by another block has ended). Other edits re-lex all.
 */
export function lexBlocks(text: string, cache: BlockCache): { blocks: MarkdownBlock[]; cache: BlockCache } {
  const grew = text.length >= cache.text.length && text.startsWith(cache.text.slice(0, cache.stableEnd));
  const base = grew ? cache : emptyBlockCache;
  const stable = base.stable.slice();
  let offset = base.stableEnd;
  const fresh: MarkdownBlock[] = [];
  for (const token of marked.lexer(text.slice(offset), { gfm: true })) {
    fresh.push({ token, start: offset, end: offset + token.raw.length });
    offset += token.raw.length;
  }
  // The last block that is not blank space may still grow; everything before it is settled.
  let lastContent = fresh.length - 1;
  while (lastContent > 0 && fresh[lastContent]?.token.type === 'space') lastContent--;
  const settled = fresh.slice(0, Math.max(0, lastContent));
  stable.push(...settled);
  const stableEnd = settled.at(-1)?.end ?? base.stableEnd;
  return { blocks: [...stable, ...fresh.slice(settled.length)], cache: { text, stable, stableEnd } };
}
