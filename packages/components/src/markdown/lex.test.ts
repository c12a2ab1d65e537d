import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyBlockCache, lexBlocks, PIECE_CHARACTERS, pieceEnd } from './blocks.ts';
import { lexBounded, linkDefinitions, plainInline } from './lex.ts';
import { MAX_DELIMITER_RUNS, MAX_NESTING } from './limits.ts';

/** Any token, block or inline, or a list item: what the checks below walk. */
interface Token {
  type: string;
  tokens?: readonly Token[];
  items?: readonly Token[];
}

/** The deepest chain of nested tokens (blocks, list items and inline tokens alike). */
function depthOf(tokens: readonly Token[] | undefined): number {
  let deepest = 0;
  const stack: [readonly Token[], number][] = [[tokens ?? [], 1]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop() as [readonly Token[], number];
    for (const token of list) {
      deepest = Math.max(deepest, depth);
      if (token.tokens) stack.push([token.tokens, depth + 1]);
      if (token.items) stack.push([token.items, depth + 1]);
    }
  }
  return deepest;
}

const tooDeep = (tokens: readonly Token[]): boolean =>
  tokens.some((token) => token.type === 'too-deep' || tooDeep(token.tokens ?? []) || tooDeep(token.items ?? []));

describe('lexBounded', () => {
  it.each([
    ['a 10,000-deep quote', `${'>'.repeat(10_000)} a`],
    ['a 2,000-deep list', `${'- '.repeat(2000)}a`],
    ['quotes and lists interleaved', `${'> - '.repeat(1500)}a`],
  ])('stops %s at the nesting limit with a too-deep block', (_, text) => {
    const tokens = lexBounded(text, {});
    expect(tooDeep(tokens)).toBe(true);
    expect(depthOf(tokens)).toBeLessThanOrEqual(3 * MAX_NESTING + 4);
  });

  it('bounds emphasis, strikethrough and links nested thousands deep', () => {
    for (const text of [
      `${'*'.repeat(4000)}a${'*'.repeat(4000)}`,
      `${'~~'.repeat(3000)}a${'~~'.repeat(3000)}`,
      `${'*[_'.repeat(1500)}x`,
    ])
      expect(depthOf(lexBounded(text, {}))).toBeLessThanOrEqual(MAX_NESTING + 3);
  });

  it('keeps text with too many delimiters plain, and readable', () => {
    const text = '*a_'.repeat(4000);
    expect(plainInline(text)).toBe(true);
    const [paragraph] = lexBounded(text, {});
    expect(paragraph && 'tokens' in paragraph ? paragraph.tokens : []).toEqual([{ type: 'text', raw: text, text }]);
    expect(plainInline('**bold** and _em_ '.repeat(MAX_DELIMITER_RUNS / 4 - 1))).toBe(false);
  });

  it('never throws, for any text', () => {
    const markdown = fc
      .array(
        fc.constantFrom(
          '> ',
          '- ',
          '1. ',
          '*',
          '_',
          '~~',
          '[',
          ']',
          '(',
          ')',
          '`',
          '\n',
          '\n\n',
          '    ',
          'a',
          '<b>',
          '|',
          '---',
        ),
        {
          maxLength: 300,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(markdown, fc.string()), (text) => {
        expect(() => lexBounded(text, {})).not.toThrow();
      }),
    );
  });
});

describe('linkDefinitions', () => {
  it('finds definitions anywhere, labels normalized, the first one winning', () => {
    const links = linkDefinitions('[x][Guide]\n\n[ guide ]: https://a.example "Title"\n[GUIDE]: https://b.example');
    expect(links.guide).toEqual({ href: 'https://a.example', title: 'Title' });
    expect(Object.keys(links)).toEqual(['guide']);
  });

  it('leaves a definition inside fenced code alone', () => {
    const links = linkDefinitions('```md\n[docs]: https://inside.example\n```\n\n[docs]: https://outside.example\n');
    expect(links).toEqual({ docs: { href: 'https://outside.example', title: null } });
    expect(linkDefinitions('~~~\n[a]: https://a.example\n```\n[b]: https://b.example\n')).toEqual({});
  });

  it('lets a reference used before its definition resolve', () => {
    const [paragraph] = lexBounded('See [the guide][g].', linkDefinitions('[g]: https://docs.example/'));
    const link =
      paragraph && 'tokens' in paragraph ? paragraph.tokens?.find((token) => token.type === 'link') : undefined;
    expect(link).toMatchObject({ href: 'https://docs.example/' });
  });
});

describe('pieces', () => {
  const long = `${'Paragraph text here.\n\n'.repeat(600)}\`\`\`js\n${'code();\n\n'.repeat(2000)}\`\`\`\n\n${'- item\n'.repeat(3000)}`;

  it('are never cut inside a fenced code block', () => {
    let from = 0;
    const cuts: number[] = [];
    while (from < long.length) {
      from = pieceEnd(long, from);
      cuts.push(from);
    }
    const fenceStart = long.indexOf('```js');
    const fenceEnd = long.indexOf('```\n', fenceStart + 5);
    expect(cuts.filter((cut) => cut > fenceStart && cut <= fenceEnd)).toEqual([]);
    expect(
      Math.max(
        ...cuts
          .map((cut, index) => cut - (cuts[index - 1] ?? 0))
          .filter((size, index) => index < cuts.length - 1 && size < 10_000),
      ),
    ).toBeLessThanOrEqual(2 * PIECE_CHARACTERS + 64);
  });

  it('cut one very long line too', () => {
    expect(pieceEnd('word '.repeat(200_000), 0)).toBeLessThanOrEqual(2 * PIECE_CHARACTERS);
  });

  it('give blocks covering the whole text, lexed at once or a slice at a time', () => {
    const whole = lexBlocks(long, emptyBlockCache);
    expect(whole.rest).toBe(long.length);
    expect(whole.blocks.map((block) => block.token.raw).join('')).toBe(long);
    let sliced = lexBlocks(long, emptyBlockCache, 0);
    expect(sliced.rest).toBeLessThan(long.length);
    let slices = 1;
    while (sliced.rest < long.length && slices < 1000) {
      sliced = lexBlocks(long, sliced.cache, 0);
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(sliced.blocks.map((block) => [block.start, block.token.type, block.token.raw])).toEqual(
      whole.blocks.map((block) => [block.start, block.token.type, block.token.raw]),
    );
  });

  it('re-lex all when a link definition arrives, so earlier uses resolve', () => {
    const first = lexBlocks('Use [x].\n\nMore.\n\n', emptyBlockCache);
    const second = lexBlocks('Use [x].\n\nMore.\n\n[x]: https://x.example/', first.cache);
    const paragraph = second.blocks[0]?.token as { tokens?: Token[] } | undefined;
    const link = paragraph?.tokens?.find((token) => token.type === 'link');
    expect(link).toMatchObject({ href: 'https://x.example/' });
  });
});
