import { Lexer, type Links, type Token, Tokenizer } from 'marked';

/** Quotes and lists inside each other, or emphasis and links, deeper than this show flat as text. */
export const MAX_NESTING = 16;
/** Inline text longer than this, or with more delimiter runs, shows as plain text (see `plainInline`). */
export const MAX_INLINE_CHARACTERS = 20_000;
export const MAX_DELIMITER_RUNS = 256;
/** A run of one delimiter longer than this (`****…`) makes the text plain too. */
export const MAX_RUN = 32;
/** A table with more columns than this is shown as the text it came as. */
export const MAX_TABLE_COLUMNS = 64;

/**
 * Whether inline markdown is too costly to format. marked's emphasis and link matching grows faster
 * than its input (3,000 characters of `*a_` take a second), so text with many delimiter runs
 * (`*`, `_`, `~`, `[`) or a very long text is shown as it came instead.
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

// Depth is counted across the lexer's recursion: each quote, list, emphasis or link adds one level.
class BoundedTokenizer extends Tokenizer {
  depth = 0;
}
type Method = (this: BoundedTokenizer, src: string, ...rest: unknown[]) => unknown;
for (const name of ['blockquote', 'list', 'emStrong', 'del', 'link'] as const) {
  const original = Tokenizer.prototype[name] as Method;
  (BoundedTokenizer.prototype[name] as Method) = function (src, ...rest) {
    if (this.depth >= MAX_NESTING) {
      // At the limit a quote or list takes all that is left at its level, shown as one "too deep"
      // block; emphasis and links are left as the text they came as.
      const rule = (this.rules.block as Record<string, RegExp | undefined>)[name];
      return rule?.test(src) ? { type: 'too-deep', raw: src, text: src } : undefined;
    }
    this.depth++;
    try {
      return original.call(this, src, ...rest);
    } finally {
      this.depth--;
    }
  };
}

// Thousands of columns cost seconds to lay out: past the limit the table is left as text.
const table = Tokenizer.prototype.table;
BoundedTokenizer.prototype.table = function (src) {
  const header = src.slice(0, src.indexOf('\n') >>> 0);
  return header.split('|').length > MAX_TABLE_COLUMNS + 2 ? undefined : table.call(this, src);
};

class BoundedLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (!plainInline(src)) return super.inlineTokens(src, tokens);
    tokens.push({ type: 'text', raw: src, text: src });
    return tokens;
  }
}

const definition = /^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+["'(]([^\n]*)["')])?[ \t]*$/gm;

/**
 * Reference-link definitions (`[label]: url "title"`) anywhere in the text, so a link used before
 * its definition, or in another piece lexed apart, still resolves. The first of a label wins.
 */
export function linkDefinitions(text: string): Links {
  const links: Links = Object.create(null);
  for (const [, label = '', href = '', title] of text.matchAll(definition)) {
    const key = label.trim().replace(/\s+/g, ' ').toLowerCase();
    links[key] ??= { href, title: title ?? null };
  }
  return links;
}

/** marked's lexer with nesting and inline-cost bounds, and the given link definitions known up front. */
export function lexBounded(text: string, links: Links): Token[] {
  const lexer = new BoundedLexer({ gfm: true, tokenizer: new BoundedTokenizer() });
  Object.assign(lexer.tokens.links, links);
  return lexer.lex(text);
}
