import { lexBlocksOf } from './block-lexer.ts';
import { labelKey, lexInline } from './inline-lexer.ts';
import { MAX_DELIMITER_RUNS, MAX_INLINE_CHARACTERS, MAX_RUN } from './limits.ts';
import type { BlockToken, InlineToken, Links } from './tokens.ts';

/**
 * Whether inline markdown is too costly to format: text with very many delimiter runs (`*`, `_`,
 * `~`, `[`), a very long run, or a very long text is shown as it came. Pairing emphasis compares
 * runs with each other, so the bound keeps every paragraph's cost small.
 */
export function plainInline(text: string): boolean {
  if (text.length > MAX_INLINE_CHARACTERS) return true;
  let runs = 0;
  let run = 0;
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const delimiter = code === 42 || code === 95 || code === 126 || code === 91;
    run = delimiter && code === previous ? run + 1 : 1;
    if (delimiter && (run > MAX_RUN || (run === 1 && ++runs > MAX_DELIMITER_RUNS))) return true;
    previous = delimiter ? code : 0;
  }
  return false;
}

const definition = /^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+["'(]([^\n]*)["')])?[ \t]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Reference-link definitions (`[label]: url "title"`) anywhere in the text but inside fenced code,
 * so a link used before its definition, or in another piece lexed apart, still resolves. The first
 * of a label wins.
 */
export function linkDefinitions(text: string): Links {
  const links: Links = Object.create(null);
  if (!text.includes(']:')) return links;
  let open = '';
  for (const line of text.split('\n')) {
    const marker = fence.exec(line)?.[1];
    if (marker && (!open || (marker[0] === open[0] && marker.length >= open.length))) open = open ? '' : marker;
    const [, label = '', href = '', title] = (!open && !marker && definition.exec(line)) || [];
    if (href) links[labelKey(label)] ??= { href, title: title ?? null };
  }
  return links;
}

/** Markdown's blocks, with nesting and inline-cost bounds, and the given link definitions known up front. */
export function lexBounded(text: string, links: Links): BlockToken[] {
  const inline = (src: string): InlineToken[] =>
    plainInline(src) ? [{ type: 'text', raw: src, text: src }] : lexInline(src, links);
  return lexBlocksOf(text, inline);
}
