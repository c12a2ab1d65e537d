import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexBounded } from './lex.ts';
import type { BlockToken, InlineToken, Links } from './tokens.ts';

const lex = (text: string, links: Links = {}) => lexBounded(text, links).filter((token) => token.type !== 'space');
const first = (text: string, links?: Links) => lex(text, links)[0] as BlockToken;

/** Inline tokens as [type, text or href] pairs, nested ones as arrays: what a reader would see. */
function shape(tokens: readonly InlineToken[]): unknown[] {
  return tokens.map((token) => {
    if (token.type === 'link') return ['link', token.href, shape(token.tokens)];
    if (token.type === 'image') return ['image', token.href, token.text];
    if ('tokens' in token) return [token.type, shape(token.tokens)];
    return [token.type, 'text' in token ? token.text : ''];
  });
}
const inline = (text: string, links?: Links) => {
  const token = first(text, links);
  return 'tokens' in token && token.type !== 'blockquote' ? shape(token.tokens as InlineToken[]) : [];
};

describe('the markdown lexer', () => {
  it('reads headings, both kinds, and a rule', () => {
    expect(
      lex('# One\n\nTwo\n===\n\nThree\n---\n\n***\n').map((token) => [token.type, 'depth' in token && token.depth]),
    ).toEqual([
      ['heading', 1],
      ['heading', 1],
      ['heading', 2],
      ['hr', false],
    ]);
    expect(first('## Closed ##')).toMatchObject({ text: 'Closed' });
    expect(first('#hashtag').type).toBe('paragraph');
  });

  it('pairs emphasis as CommonMark does, and leaves words_with_underscores alone', () => {
    expect(inline('**bold** and *em* and ~~gone~~')).toEqual([
      ['strong', [['text', 'bold']]],
      ['text', ' and '],
      ['em', [['text', 'em']]],
      ['text', ' and '],
      ['del', [['text', 'gone']]],
    ]);
    expect(inline('***both***')).toEqual([['em', [['strong', [['text', 'both']]]]]]);
    expect(inline('snake_case_name and 2*3*4')).toEqual([
      ['text', 'snake_case_name and 2'],
      ['em', [['text', '3']]],
      ['text', '4'],
    ]);
    expect(inline('a * b * c')).toEqual([['text', 'a * b * c']]);
    expect(inline('**unclosed bold')).toEqual([['text', '**unclosed bold']]);
  });

  it('reads code spans, escapes, character references and hard breaks', () => {
    expect(inline('run `npm start` or `` a`b ``')).toEqual([
      ['text', 'run '],
      ['codespan', 'npm start'],
      ['text', ' or '],
      ['codespan', 'a`b'],
    ]);
    expect(inline('\\*not em\\*')).toEqual([
      ['escape', '*'],
      ['text', 'not em'],
      ['escape', '*'],
    ]);
    expect(inline('one  \ntwo\\\nthree')).toEqual([
      ['text', 'one'],
      ['br', ''],
      ['text', 'two'],
      ['br', ''],
      ['text', 'three'],
    ]);
    expect(inline('`unclosed')).toEqual([['text', '`unclosed']]);
    expect(inline('AT&amp;T &#169; &#x41; &#0; &bogus;')).toEqual([
      ['text', 'AT'],
      ['escape', '&'],
      ['text', 'T '],
      ['escape', '©'],
      ['text', ' '],
      ['escape', 'A'],
      ['text', ' '],
      ['escape', '\ufffd'],
      ['text', ' &bogus;'],
    ]);
  });

  it('reads links: inline with a title, reference, autolink and bare URL', () => {
    expect(inline('[docs](https://a.example/x_(y) "Title")')).toEqual([
      ['link', 'https://a.example/x_(y)', [['text', 'docs']]],
    ]);
    expect((first('[docs](<https://a.example/a b> "T")') as { tokens: InlineToken[] }).tokens[0]).toMatchObject({
      href: 'https://a.example/a b',
      title: 'T',
    });
    expect(inline('[ref][G] and [g]', { g: { href: 'https://g.example', title: null } })).toEqual([
      ['link', 'https://g.example', [['text', 'ref']]],
      ['text', ' and '],
      ['link', 'https://g.example', [['text', 'g']]],
    ]);
    expect(inline('[unknown] stays')).toEqual([['text', '[unknown] stays']]);
    expect(inline('See <https://a.example/p>, https://b.example/q?x=1. and www.c.example!')).toEqual([
      ['text', 'See '],
      ['link', 'https://a.example/p', [['text', 'https://a.example/p']]],
      ['text', ', '],
      ['link', 'https://b.example/q?x=1', [['text', 'https://b.example/q?x=1']]],
      ['text', '. and '],
      ['link', 'http://www.c.example', [['text', 'www.c.example']]],
      ['text', '!'],
    ]);
    expect(inline('**[bold link](https://a.example)**')).toEqual([
      ['strong', [['link', 'https://a.example', [['text', 'bold link']]]]],
    ]);
    expect(inline('[*em link*](https://a.example)')).toEqual([
      ['link', 'https://a.example', [['em', [['text', 'em link']]]]],
    ]);
    expect(inline('![a chart](https://a.example/c.png)')).toEqual([['image', 'https://a.example/c.png', 'a chart']]);
  });

  it('reads lists: tight and loose, ordered from any number, tasks, and blocks inside items', () => {
    const tight = first('- one\n- two\n  - nested\n') as Extract<BlockToken, { type: 'list' }>;
    expect(tight).toMatchObject({ ordered: false, loose: false });
    expect(tight.items.map((item) => item.tokens.map((token) => token.type))).toEqual([['text'], ['text', 'list']]);

    const loose = first('3. first\n\n4. second\n') as Extract<BlockToken, { type: 'list' }>;
    expect(loose).toMatchObject({ ordered: true, start: 3, loose: true });
    expect(loose.items[0]?.tokens[0]?.type).toBe('paragraph');

    const tasks = first('- [x] done\n- [ ] open\n') as Extract<BlockToken, { type: 'list' }>;
    expect(tasks.items.map((item) => [item.task, item.checked, item.text])).toEqual([
      [true, true, 'done'],
      [true, false, 'open'],
    ]);

    const code = first('1. Install:\n\n   ```sh\n   npm i\n   ```\n2. Run\n') as Extract<BlockToken, { type: 'list' }>;
    expect(code.items).toHaveLength(2);
    expect(code.items[0]?.tokens.find((token) => token.type === 'code')).toMatchObject({ text: 'npm i', lang: 'sh' });

    expect(lex('- a\n\n* b\n').map((token) => token.type)).toEqual(['list', 'list']);
    expect(lex('Text\n- item\n').map((token) => token.type)).toEqual(['paragraph', 'list']);
    expect(lex('Text\n2. not a list\n').map((token) => token.type)).toEqual(['paragraph']);
  });

  it('reads tables with alignment, escaped pipes and short rows', () => {
    const table = first('| a | b | c |\n|:--|:-:|--:|\n| `x \\| y` | **2** |\n') as Extract<
      BlockToken,
      { type: 'table' }
    >;
    expect(table.align).toEqual(['left', 'center', 'right']);
    expect(table.header.map((cell) => cell.text)).toEqual(['a', 'b', 'c']);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.map((cell) => shape(cell.tokens))).toEqual([
      [['codespan', 'x | y']],
      [['strong', [['text', '2']]]],
      [],
    ]);
    expect(first('| a | b |\n|---|\n').type).toBe('paragraph');
  });

  it('reads code: fenced with a language, unclosed, and indented', () => {
    expect(first('```ts\nconst a = 1;\n```\n')).toMatchObject({ type: 'code', lang: 'ts', text: 'const a = 1;' });
    expect(first('~~~\n```\nstill code\n')).toMatchObject({ type: 'code', text: '```\nstill code' });
    expect(first('    indented\n      more\n')).toMatchObject({ type: 'code', text: 'indented\n  more' });
  });

  it('reads quotes with blocks inside, lazy lines, raw HTML as HTML, and definitions as nothing', () => {
    const quote = first('> # Note\n> - a\n> - b\n') as Extract<BlockToken, { type: 'blockquote' }>;
    expect(quote.tokens.map((token) => token.type)).toEqual(['heading', 'list']);
    expect((first('> one\ntwo\n') as Extract<BlockToken, { type: 'blockquote' }>).text).toBe('one\ntwo');
    expect(first('<div onclick="x()">\nhi\n</div>\n')).toMatchObject({ type: 'html' });
    expect(lex('[g]: https://g.example\n').map((token) => token.type)).toEqual(['def']);
  });

  it('starts raw HTML blocks only where CommonMark does, and ends them at their closing line', () => {
    expect(inline('<kbd>Ctrl</kbd>+C copies **this**')).toContainEqual(['strong', [['text', 'this']]]);
    expect(lex('<!-- note -->\n```ts\nx\n```\n').map((token) => token.type)).toEqual(['html', 'code']);
    expect(lex('<pre>\nline\n\nmore\n</pre>\nAfter\n').map((token) => token.type)).toEqual(['html', 'paragraph']);
    expect(lex('Text\n<div>block</div>\n').map((token) => token.type)).toEqual(['paragraph', 'html']);
    expect(lex('<span>\nalone\n').map((token) => token.type)).toEqual(['html']);
  });

  it('reads Windows line ends as line ends', () => {
    expect(lex('a\r\n\r\nb\r\n').map((token) => token.type)).toEqual(['paragraph', 'paragraph']);
    expect(first('```js\r\nx()\r\n```\r\n')).toMatchObject({ type: 'code', lang: 'js', text: 'x()' });
  });

  it('links a bare email address, and never makes a heading of a lazy line', () => {
    expect(inline('Write to support@example.com.')).toEqual([
      ['text', 'Write to '],
      ['link', 'mailto:support@example.com', [['text', 'support@example.com']]],
      ['text', '.'],
    ]);
    expect(inline('a@b or @mention')).toEqual([['text', 'a@b or @mention']]);
    const list = first('- item\n===\n') as Extract<BlockToken, { type: 'list' }>;
    expect(list.items[0]?.tokens.map((token) => token.type)).toEqual(['text']);
  });

  it('keeps every character: block raws join into the text, inline raws into their block', () => {
    const piece = fc.constantFrom(
      '# ',
      '> ',
      '- ',
      '1. ',
      '*',
      '**',
      '_',
      '~~',
      '`',
      '```',
      '[',
      '](',
      ')',
      '<',
      '>',
      '|',
      '---',
      '\n',
      '\n\n',
      '  ',
      '\\',
      'a',
      'word ',
      'https://a.example ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 120 }).map((parts) => parts.join('')),
        (text) => {
          const blocks = lexBounded(text, {});
          expect(blocks.map((block) => block.raw).join('')).toBe(text);
          for (const block of blocks) {
            if (block.type === 'paragraph' || block.type === 'heading')
              expect(block.tokens.map((token) => token.raw).join('')).toBe(block.text);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
