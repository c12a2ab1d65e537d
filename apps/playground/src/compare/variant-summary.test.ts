import { describe, expect, it } from 'vitest';
import { variantSummary } from './variant-summary.ts';

describe('a variant in one line', () => {
  it('names the model, temperature, seed and length, then every other field set', () => {
    const line = variantSummary({
      id: 'a',
      name: 'A',
      connection: 'current',
      messages: null,
      params: { model: 'gpt-4o-mini', temperature: '0.7', seed: '7', max_completion_tokens: '60', top_p: '0.9' },
    });
    expect(line).toBe('gpt-4o-mini · temperature 0.7 · seed 7 · max 60 tokens · top_p 0.9');
  });

  it('says "default" for an unset temperature and leaves out what is empty', () => {
    const line = variantSummary({
      id: 'b',
      name: 'B',
      connection: 'current',
      messages: null,
      params: { model: 'm', seed: '', stop: '' },
    });
    expect(line).toBe('m · temperature default');
  });

  it("names a saved prompt's version when the variant sends its messages", () => {
    const line = variantSummary({
      id: 'c',
      name: 'C',
      connection: 'current',
      messages: { from: 'saved:Support bot:3', list: [] },
      params: { model: 'm' },
    });
    expect(line).toBe('m · temperature default · messages of Support bot v3');
  });
});
