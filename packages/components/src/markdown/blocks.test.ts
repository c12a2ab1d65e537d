import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyBlockCache, lexBlocks } from './blocks.ts';

const document = `# Title

A paragraph with **bold**, a [link](https://a.example) and \`code\`.

- one
- two

\`\`\`js
const a = 1;
\`\`\`

| a | b |
|---|---|
| 1 | 2 |

> quoted

Last paragraph.`;

describe('lexBlocks', () => {
  it('gives the same blocks streamed in any pieces as lexed whole', () => {
    const whole = lexBlocks(document, emptyBlockCache).blocks.map((block) => [
      block.token.type,
      block.start,
      block.token.raw,
    ]);
    for (const step of [1, 3, 7, 50]) {
      let cache = emptyBlockCache;
      let blocks = lexBlocks('', cache).blocks;
      for (let length = step; length < document.length + step; length += step) {
        const result = lexBlocks(document.slice(0, length), cache);
        cache = result.cache;
        blocks = result.blocks;
      }
      expect(
        blocks.map((block) => [block.token.type, block.start, block.token.raw]),
        `step ${step}`,
      ).toEqual(whole);
    }
  });

  it('gives the same blocks streamed as lexed whole, for any markdown and any deltas', () => {
    const line = fc.constantFrom(
      '# Title',
      'Text with **bold** and `code`.',
      '- item',
      '  - nested',
      '1. first',
      '2) other',
      '> quoted',
      '```ts',
      '```',
      '    indented',
      '| a | b |',
      '|---|:-:|',
      '| 1 | 2 |',
      '===',
      '---',
      '<div>',
      '<!-- note',
      '-->',
      '[x]: https://x.example',
      'See [x] and https://y.example.',
      '',
    );
    const documents = fc.array(line, { maxLength: 24 }).map((lines) => lines.join('\n'));
    const blocks = (result: { blocks: { start: number; token: { type: string; raw: string } }[] }) =>
      result.blocks.map((block) => [block.token.type, block.start, block.token.raw]);
    fc.assert(
      fc.property(
        documents,
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
        (text, steps) => {
          let cache = emptyBlockCache;
          let result = lexBlocks('', cache);
          for (let length = 0, index = 0; length < text.length; index++) {
            length = Math.min(text.length, length + (steps[index % steps.length] as number));
            result = lexBlocks(text.slice(0, length), cache);
            cache = result.cache;
          }
          expect(blocks(result)).toEqual(blocks(lexBlocks(text, emptyBlockCache)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not re-lex finished blocks: their tokens stay the same objects', () => {
    const first = lexBlocks(document.slice(0, 80), emptyBlockCache);
    const second = lexBlocks(document.slice(0, 120), first.cache);
    expect(first.cache.stable.length).toBeGreaterThan(0);
    for (const [index, block] of first.cache.stable.entries()) expect(second.blocks[index]?.token).toBe(block.token);
  });

  it('starts over when the text changes other than at its end', () => {
    const first = lexBlocks('# A\n\nB', emptyBlockCache);
    const edited = lexBlocks('# X\n\nB', first.cache);
    expect(edited.blocks[0]?.token.raw).toMatch(/^# X/);
  });
});
