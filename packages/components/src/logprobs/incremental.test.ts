import { describe, expect, it } from 'vitest';
import { syntheticLogprobs } from '../fixtures/synthetic-logprobs.ts';
import { tokenBlocks } from './blocks.ts';
import { extendMerge, mergeByBytes } from './merge.ts';

describe('incremental merging', () => {
  it('equals a fresh merge and reuses every display token but the last', () => {
    const emoji = [...new TextEncoder().encode('🙂')];
    const tokens = syntheticLogprobs(50, 1);
    tokens.push({ token: '', logprob: -1, bytes: emoji.slice(0, 2), top_logprobs: [] });
    const before = mergeByBytes(tokens);
    tokens.push({ token: '', logprob: -1, bytes: emoji.slice(2), top_logprobs: [] });
    const after = extendMerge(before, tokens);
    expect(after.map((token) => [token.text, token.index])).toEqual(
      mergeByBytes(tokens).map((token) => [token.text, token.index]),
    );
    expect(after[after.length - 1]?.text).toBe('🙂');
    expect(after.slice(0, -1).every((token, position) => token === before[position])).toBe(true);
  });

  it('merges afresh when the list is replaced rather than extended', () => {
    const first = mergeByBytes(syntheticLogprobs(20, 1, 1));
    const other = syntheticLogprobs(20, 1, 2);
    expect(extendMerge(first, other).some((token, position) => token === first[position])).toBe(false);
  });
});

describe('blocks', () => {
  it('close after a newline once full, or at twice the size, and stay put as tokens are added', () => {
    const display = mergeByBytes(syntheticLogprobs(1000, 1));
    const blocks = tokenBlocks(display, 50);
    for (const block of blocks.slice(0, -1)) {
      const size = block.end - block.start;
      expect(size).toBeGreaterThanOrEqual(50);
      expect(size).toBeLessThanOrEqual(99);
      if (size < 99) expect(display[block.end - 1]?.text).toContain('\n');
    }
    const shorter = tokenBlocks(display.slice(0, 700), 50);
    expect(shorter.slice(0, -1)).toEqual(blocks.slice(0, shorter.length - 1));
  });
});
