import { describe, expect, it } from 'vitest';
import { consistency, leftOutLogprobs, meanLogprob, type RepeatOutput } from './consistency.ts';
import { pairwiseSimilarity, similarityBins, wordEditDistance, wordSimilarity, wordsOf } from './similarity.ts';

const output = (index: number, text: string, extra: Partial<RepeatOutput> = {}): RepeatOutput => ({
  index,
  seed: index + 1,
  text,
  tokens: null,
  meanLogprob: null,
  ...extra,
});

describe('word similarity', () => {
  it('is an edit distance over words, normalised by the longer text', () => {
    expect(wordEditDistance(wordsOf('a b c'), wordsOf('a x c'))).toBe(1);
    expect(wordEditDistance(wordsOf('a b c d'), wordsOf('b c d'))).toBe(1);
    expect(wordEditDistance([], wordsOf('one two'))).toBe(2);
    expect(
      wordSimilarity(
        'one two three four five six seven eight nine ten',
        'one two three four five six seven eight nine 10',
      ),
    ).toBeCloseTo(0.9);
    expect(wordSimilarity('', '')).toBe(1);
    expect(wordSimilarity('same words  here', 'same words here')).toBe(1);
    expect(wordSimilarity('nothing shared', 'all different words')).toBe(0);
  });

  it('takes every pair once and counts them into fifths', () => {
    expect(pairwiseSimilarity(['a b', 'a b', 'a c'])).toEqual([1, 0.5, 0.5]);
    expect(pairwiseSimilarity(['only one'])).toEqual([]);
    expect(similarityBins([0, 0.19, 0.5, 0.99, 1])).toEqual([2, 0, 1, 0, 2]);
  });
});

describe('repeat figures with sentinel logprobs', () => {
  const tokens = [{ logprob: -0.5 }, { logprob: -9999 }, { logprob: -1.5 }, { logprob: null }, { logprob: Number.NaN }];

  it('leaves the -9999 floor, null and NaN out of the mean, and counts them', () => {
    expect(meanLogprob(tokens)).toBe(-1);
    expect(leftOutLogprobs(tokens)).toBe(3);
    expect(meanLogprob([{ logprob: -9999 }])).toBeNull();
    expect(meanLogprob([{ logprob: Number.NEGATIVE_INFINITY }, { logprob: 0.2 }])).toBeNull();
  });

  it('reports the left-out count, the similarity spread and finish reasons over the runs', () => {
    const figures = consistency([
      output(0, 'the stream hands chunks to the reader', {
        meanLogprob: meanLogprob(tokens),
        leftOutLogprobs: 3,
        finishReason: 'stop',
      }),
      output(1, 'the stream hands bytes to the reader', {
        meanLogprob: -1.2,
        leftOutLogprobs: 1,
        finishReason: 'stop',
      }),
      output(2, 'a reader pulls', { meanLogprob: -2, finishReason: 'length' }),
      output(3, '', { error: 'Network down', leftOutLogprobs: 5 }),
    ]);
    // No -9999 in the spread: the means are of usable tokens only.
    expect(figures.meanLogprob).toEqual({ min: -2, median: -1.2, max: -1 });
    expect(figures.leftOutLogprobs).toBe(4);
    expect(figures.pairs).toBe(3);
    expect(figures.similarity?.max).toBeCloseTo(6 / 7);
    expect(figures.similarity?.min).toBeLessThan(0.3);
    expect(figures.similarityBins.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(figures.finishReasons).toEqual([
      ['stop', 2],
      ['length', 1],
    ]);
    // Exact matches beside it: three different texts.
    expect(figures.distinct).toBe(3);
  });
});
