import { Lexer, type Links, type Token, Tokenizer } from 'marked';

/** Quotes and lists inside each other, or emphasis and links, deeper than this show flat as text. */
export const MAX_NESTING = 16;
/** Inline text longer than this, or with more delimiter runs, shows as plain text (see `plainInline`). */
export const MAX_INLINE_CHARACTERS = 20_000;
export const MAX_DELIMITER_RUNS = 256;

/**
 * Whether inline markdown is too costly to format. marked's emphasis and link matching grows faster
 * than its input (3,000 characters of `*a_` take a second), so text with many delimiter runs
 * (`*`, `_`, `~`, `[`) or a very long text is shown as it came instead.
 */
export function plainInline(text: string): boolean {
  if (text.length > MAX_INLINE_CHARACTERS) return true;
  let runs = 0;
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const delimiter = code === 42 || code === 95 || code === 126 || code === 91;
    if (delimiter && code !== previous && ++runs > MAX_DELIMITER_RUNS) return true;
    previous = delimiter ? code : 0;
  }
  return false;
}

// Depth is counted across the lexer's recursion: each quote, list, emphasis or link adds one level.
class BoundedTokenizer extends Tokenizer {
  depth = 0;
  nest<T>(call: () => T): T {
    this.depth++;
    try {
      return call();
    } finally {
      this.depth--;
    }
  }
  // At the limit a container takes all that is left at its level, shown as one "too deep" block.
  container(src: string, rule: RegExp, call: () => Token | undefined): Token | undefined {
    if (this.depth < MAX_NESTING) return this.nest(call);
    return rule.test(src) ? { type: 'too-deep', raw: src, text: src } : undefined;
  }
  override blockquote(src: string) {
    return this.container(src, this.rules.block.blockquote, () => super.blockquote(src)) as never;
  }
  override list(src: string) {
    return this.container(src, this.rules.block.list, () => super.list(src)) as never;
  }
  override emStrong(src: string, masked: string, previous?: string) {
    return this.depth < MAX_NESTING ? this.nest(() => super.emStrong(src, masked, previous)) : undefined;
  }
  override del(src: string, masked: string, previous?: string) {
    return this.depth < MAX_NESTING ? this.nest(() => super.del(src, masked, previous)) : undefined;
  }
  override link(src: string) {
    return this.depth < MAX_NESTING ? this.nest(() => super.link(src)) : undefined;
  }
}

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
