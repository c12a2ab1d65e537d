import { describe, expect, it } from 'vitest';
import { changedShare, wordDiff } from './word-diff.ts';

describe('wordDiff', () => {
  it('marks the words only one side has and keeps the shared ones in order', () => {
    expect(wordDiff('the quick brown fox', 'the slow brown fox jumps')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' brown fox' },
      { kind: 'added', text: ' jumps' },
    ]);
  });

  it('gives one shared run for equal texts and nothing for two empty ones', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(changedShare(wordDiff('a b', 'a b'))).toBe(0);
    expect(changedShare(wordDiff('a', 'b'))).toBe(1);
  });

  it('puts both texts back together from its parts', () => {
    const before = 'One line.\nTwo lines, with  spaces.\n';
    const after = 'One line!\nThree lines, with spaces.\nAnd more.';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((part) => part.kind !== 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((part) => part.kind !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe(after);
  });

  it('answers at once for two long unrelated outputs by showing the middle replaced whole', () => {
    const before = Array.from({ length: 5000 }, (_, index) => `a${index}`).join(' ');
    const after = Array.from({ length: 5000 }, (_, index) => `b${index}`).join(' ');
    const parts = wordDiff(before, after);
    expect(parts.map((part) => part.kind)).toEqual(['removed', 'added']);
  });
});
