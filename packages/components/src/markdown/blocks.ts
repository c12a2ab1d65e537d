import { lexBounded, linkDefinitions } from './lex.ts';
import type { BlockToken, Links } from './tokens.ts';

export interface MarkdownBlock {
  token: BlockToken;
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

/** A piece this long, or with this many lines, ends at the next blank line; at twice that, at any line. */
export const PIECE_CHARACTERS = 4096;
export const PIECE_LINES = 64;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Where the piece of text starting at `from` ends, so that the lexer's cost (a list or quote lexes
 * its inner text again) and the elements to render stay small per piece. Past the piece
 * size, a piece ends before a line that is not indented (after a blank line; at twice the size,
 * after any line; at four times, before any line); never inside a fenced code block. A very long
 * line is cut at a space. The text's length when no such point is found.
 */
export function pieceEnd(text: string, from: number): number {
  let fence = '';
  let lines = 0;
  let blank = false;
  for (let line = from; line < text.length; lines++) {
    const newline = text.indexOf('\n', line);
    const next = newline === -1 ? text.length : newline + 1;
    if (!fence) {
      const over = Math.max((line - from) / PIECE_CHARACTERS, lines / PIECE_LINES);
      const indented = /^[ \t]/.test(text[line] ?? '');
      if ((over >= 1 && blank && !indented) || (over >= 2 && !indented) || over >= 4) return line;
      // A very long line is a piece of its own, cut at a space (or anywhere, but never inside a
      // surrogate pair) past the piece size.
      if (next - line > 2 * PIECE_CHARACTERS) {
        if (line > from) return line;
        const space = text.lastIndexOf(' ', from + 2 * PIECE_CHARACTERS);
        const cut = space > from + PIECE_CHARACTERS ? space + 1 : from + 2 * PIECE_CHARACTERS;
        return (text.charCodeAt(cut - 1) & 0xfc00) === 0xd800 ? cut + 1 : cut;
      }
    }
    const marker = fenceLine.exec(text.slice(line, Math.min(next, line + 64)))?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? '' : marker;
    blank = text.slice(line, next).trim() === '';
    line = next;
  }
  return text.length;
}

/** Blocks one call adds at most: each is elements to render, in the same task. */
export const MAX_NEW_BLOCKS = 64;
/** Characters one call lexes at most: 64 pieces of a long list are thousands of items to render. */
export const MAX_NEW_CHARACTERS = 8192;

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
 * With a `deadline` (a performance.now() time), lexing stops at the first piece boundary past it
 * or past MAX_NEW_BLOCKS new blocks; call again with the returned cache to go on.
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
      // Where a block ends is decided by the first line of the next block that is not blank lines
      // (a list goes on past blank lines), and by the line after it (a paragraph ends where a table
      // starts): both must be whole, or the next delta could still change where it ends.
      const decided = text.lastIndexOf('\n', text.lastIndexOf('\n') - 1);
      settledCount = fresh.length;
      do {
        settledCount--;
        while (settledCount > 0 && fresh[settledCount]?.token.type === 'space') settledCount--;
      } while (settledCount > 0 && (fresh[settledCount] as MarkdownBlock).start > decided);
    }
    const settled = fresh.slice(0, Math.max(0, settledCount));
    stable.push(...settled);
    fresh = fresh.slice(settled.length);
    offset = settled.at(-1)?.end ?? offset;
    const added = stable.length - base.stable.length;
    const full = added >= MAX_NEW_BLOCKS || end - base.stableEnd >= MAX_NEW_CHARACTERS;
    if (end === text.length || performance.now() > deadline || (deadline < Infinity && full)) break;
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
