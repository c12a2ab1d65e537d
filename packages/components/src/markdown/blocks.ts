import type { Links, Token } from 'marked';
import { lexBounded, linkDefinitions } from './lex.ts';

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
  /** The link definitions the stable blocks were lexed with, as a key: a change re-lexes all. */
  definitions?: string;
}

export const emptyBlockCache: BlockCache = { text: '', stable: [], stableEnd: 0 };

/** A piece this long (or, without a blank line, twice this) ends at the next line outside a fence. */
export const PIECE_CHARACTERS = 4096;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Where the piece of text starting at `from` ends: after a blank line (not before an indented one)
 * once it holds PIECE_CHARACTERS, at any line past twice that, in a very long line past that, never
 * inside a fenced code block. marked's cost grows faster than its input for lists and tables, so
 * lexing pieces apart keeps each one cheap. Returns the text's length when no such point is found.
 */
export function pieceEnd(text: string, from: number): number {
  let fence = '';
  let line = from;
  while (line < text.length) {
    const newline = text.indexOf('\n', line);
    const next = newline === -1 ? text.length : newline + 1;
    const size = line - from;
    if (!fence && size >= PIECE_CHARACTERS) {
      const blank = text.slice(line, next).trim() === '';
      if ((blank && newline !== -1 && /\S/.test(text[next] ?? ' ')) || size >= 2 * PIECE_CHARACTERS) return line;
    }
    // A very long line (outside a fence) is a piece of its own, cut at a space (or anywhere, but
    // never inside a surrogate pair) past the piece size.
    if (!fence && next - line > 2 * PIECE_CHARACTERS) {
      if (line > from) return line;
      const space = text.lastIndexOf(' ', from + 2 * PIECE_CHARACTERS);
      const cut = space > from + PIECE_CHARACTERS ? space + 1 : from + 2 * PIECE_CHARACTERS;
      return (text.charCodeAt(cut - 1) & 0xfc00) === 0xd800 ? cut + 1 : cut;
    }
    const marker = fenceLine.exec(text.slice(line, Math.min(next, line + 64)))?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? '' : marker;
    line = next;
  }
  return text.length;
}

export interface LexedBlocks {
  blocks: MarkdownBlock[];
  cache: BlockCache;
  /** Where the text not lexed yet starts (the deadline passed): the text's length when all is done. */
  rest: number;
}

/**
 * Splits markdown into blocks, re-lexing only what follows the last finished block when the text
 * has grown at its end (a stream). Every block but the last is finished: a later token cannot
 * change it (a list or paragraph followed by another block has ended). Other edits re-lex all.
 * Lexing stops at the first piece boundary past `deadline` (a performance.now() time); call again
 * with the returned cache to go on.
 */
export function lexBlocks(text: string, cache: BlockCache, deadline = Number.POSITIVE_INFINITY): LexedBlocks {
  const links = linkDefinitions(text);
  const definitions = JSON.stringify(links);
  const grew =
    text.length >= cache.text.length &&
    text.startsWith(cache.text.slice(0, cache.stableEnd)) &&
    (cache.definitions ?? '{}') === definitions;
  const base = grew ? cache : emptyBlockCache;
  const stable = base.stable.slice();
  let offset = base.stableEnd;
  let fresh: MarkdownBlock[] = [];
  while (offset < text.length) {
    const end = pieceEnd(text, offset);
    fresh = lexPiece(text.slice(offset, end), offset, links);
    // A piece cut before the end is finished; in the last one, the last block may still grow.
    let settledCount = fresh.length;
    if (end === text.length) {
      settledCount = fresh.length - 1;
      while (settledCount > 0 && fresh[settledCount]?.token.type === 'space') settledCount--;
    }
    const settled = fresh.slice(0, Math.max(0, settledCount));
    stable.push(...settled);
    fresh = fresh.slice(settled.length);
    offset = settled.at(-1)?.end ?? offset;
    if (end === text.length || performance.now() > deadline) break;
    offset = end;
  }
  const stableEnd = stable.at(-1)?.end ?? 0;
  const rest = fresh.at(-1)?.end ?? Math.max(offset, stableEnd);
  return { blocks: [...stable, ...fresh], cache: { text, stable, stableEnd, definitions }, rest };
}

function lexPiece(piece: string, offset: number, links: Links): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let at = offset;
  for (const token of lexBounded(piece, links)) {
    blocks.push({ token, start: at, end: at + token.raw.length });
    at += token.raw.length;
  }
  return blocks;
}
