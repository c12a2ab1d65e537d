import { describe, expect, it } from 'vitest';
import { consistency, meanLogprob, mostCommon, type RepeatOutput, spread } from './consistency.ts';
import { runPool } from './run-pool.ts';

const output = (index: number, text: string, tokens: number | null, mean: number | null): RepeatOutput => ({
  index,
  seed: index + 1,
  text,
  tokens,
  meanLogprob: mean,
});

describe('consistency figures', () => {
  it('spread gives min, median and max, averaging the two middle values for an even count', () => {
    expect(spread([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(spread([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(spread([])).toBeNull();
  });

  it('mean logprob ignores non-finite values and is null without tokens', () => {
    expect(meanLogprob([{ logprob: -1 }, { logprob: -3 }])).toBe(-2);
    expect(meanLogprob([{ logprob: Number.NEGATIVE_INFINITY }, { logprob: -0.5 }])).toBe(-0.5);
    expect(meanLogprob(null)).toBeNull();
    expect(meanLogprob([])).toBeNull();
  });

  it('most common output: the highest count, the first seen on a tie', () => {
    expect(mostCommon(['b', 'a', 'a', 'b', 'c'])).toEqual({ text: 'b', count: 2 });
    expect(mostCommon([])).toBeNull();
  });

  it('counts distinct outputs and how often they differ from the most common one', () => {
    const figures = consistency([
      output(0, 'same answer', 2, -0.5),
      output(1, 'same answer', 2, -0.4),
      output(2, 'another, longer answer', 4, -1.5),
      output(3, 'same answer', 2, -0.6),
      { ...output(4, '', null, null), error: 'Network down' },
    ]);
    expect(figures).toMatchObject({ runs: 4, distinct: 2, modeCount: 3, differShare: 0.25 });
    expect(figures.characters).toEqual({ min: 11, median: 11, max: 22 });
    expect(figures.tokens).toEqual({ min: 2, median: 2, max: 4 });
    expect(figures.meanLogprob).toEqual({ min: -1.5, median: -0.55, max: -0.4 });
  });

  it('counts characters by code point, so emoji and surrogates count once', () => {
    expect(consistency([output(0, '👍🏽x', null, null)]).characters).toEqual({ min: 3, median: 3, max: 3 });
  });

  it('gives zeros and no spreads when every run failed', () => {
    const figures = consistency([{ ...output(0, '', null, null), error: 'x' }]);
    expect(figures).toMatchObject({ runs: 0, distinct: 0, differShare: 0, characters: null, tokens: null });
  });
});

describe('runPool', () => {
  it('runs every task once, never more than the limit at once', async () => {
    let live = 0;
    let most = 0;
    const results: number[] = [];
    await runPool(
      10,
      4,
      async (index) => {
        live++;
        most = Math.max(most, live);
        await new Promise((resolve) => setTimeout(resolve, 2 + (index % 3)));
        live--;
        return index * 2;
      },
      (index, result) => results.push(result - index),
    );
    expect(most).toBe(4);
    expect(results.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('starts no more tasks once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runPool(
      20,
      2,
      async (index) => {
        started.push(index);
        if (index === 3) controller.abort();
        await Promise.resolve();
        return index;
      },
      () => undefined,
      controller.signal,
    );
    expect(started.length).toBeLessThanOrEqual(5);
    expect(started).toContain(3);
  });
});
