import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompletionUsage } from '@completions-kit/core';
import { describe, expect, it } from 'vitest';
// The guard the README promises: skip without ../shared locally, fail under CI=true.
import { fixturesDir, haveFixtures } from '../../../core/src/test-support/fixtures.ts';
import { costOf, examplePrices, formatDollars, priceFor } from './cost.ts';

describe('prices', () => {
  it('finds dated snapshots by their longest prefix', () => {
    expect(priceFor(examplePrices, 'gpt-4o-mini-2024-07-18')).toBe(examplePrices['gpt-4o-mini']);
    expect(priceFor(examplePrices, 'gpt-4o-2024-08-06')).toBe(examplePrices['gpt-4o']);
    expect(priceFor(examplePrices, 'gpt-4o-mini-audio-preview-2024-12-17')).toBe(
      examplePrices['gpt-4o-mini-audio-preview'],
    );
    expect(priceFor(examplePrices, 'gpt-4oo')).toBeUndefined();
    expect(priceFor({ mine: { input: 1, output: 2 } }, 'mine')).toEqual({ input: 1, output: 2 });
  });

  it('bills cached and audio prompt tokens at their own rates and the rest of the output as output', () => {
    const usage: CompletionUsage = {
      prompt_tokens: 1_000_000,
      completion_tokens: 500_000,
      total_tokens: 1_500_000,
      prompt_tokens_details: { cached_tokens: 200_000, audio_tokens: 100_000 },
      completion_tokens_details: { audio_tokens: 100_000, reasoning_tokens: 50_000, rejected_prediction_tokens: 10 },
    };
    const cost = costOf(usage, { input: 2, cachedInput: 1, audioInput: 40, output: 10, audioOutput: 80 });
    expect(cost.input).toBeCloseTo(1.4);
    expect(cost.cachedInput).toBeCloseTo(0.2);
    expect(cost.audioInput).toBeCloseTo(4);
    expect(cost.output).toBeCloseTo(4);
    expect(cost.audioOutput).toBeCloseTo(8);
    expect(cost.total).toBeCloseTo(17.6);
  });

  it.skipIf(!haveFixtures())('prices every recorded response with usage, and never below zero', () => {
    const folder = path.join(fixturesDir, 'responses');
    let priced = 0;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
      const body = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
      const response = body.response ?? body;
      if (!response?.usage || typeof response.model !== 'string') continue;
      const price = priceFor(examplePrices, response.model);
      if (!price) continue;
      const cost = costOf(response.usage, price);
      expect(cost.total).toBeGreaterThanOrEqual(0);
      expect(Object.values(cost).every((amount) => amount >= 0)).toBe(true);
      priced++;
    }
    expect(priced).toBeGreaterThan(3);
  });

  it('formats dollars so small amounts stay visible', () => {
    expect(formatDollars(0)).toBe('$0');
    expect(formatDollars(0.000123)).toBe('$0.00012');
    expect(formatDollars(0.0000001)).toBe('$0.00000010');
    expect(formatDollars(0.5)).toBe('$0.5000');
    expect(formatDollars(12.345)).toBe('$12.35');
  });
});
