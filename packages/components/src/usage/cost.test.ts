import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompletionUsage } from '@completions-kit/core';
import fc from 'fast-check';
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

describe('prices and costs are total', () => {
  it('finds no price for names that are Object properties', () => {
    for (const model of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(priceFor(examplePrices, model)).toBeUndefined();
  });

  it('costs any usage and any price as finite dollars', () => {
    const count = fc.oneof(fc.double(), fc.constant(null), fc.string(), fc.constant(undefined));
    const usage = fc.record({
      prompt_tokens: count,
      completion_tokens: count,
      total_tokens: count,
      prompt_tokens_details: fc.option(fc.record({ cached_tokens: count, audio_tokens: count })),
      completion_tokens_details: fc.option(fc.record({ audio_tokens: count })),
    });
    const price = fc.record({ input: count, output: count, cachedInput: count });
    fc.assert(
      fc.property(usage, price, (anyUsage, anyPrice) => {
        const cost = costOf(anyUsage as unknown as CompletionUsage, anyPrice as never);
        for (const part of Object.values(cost)) expect(Number.isFinite(part) && part >= 0).toBe(true);
        expect(formatDollars(cost.total)).toMatch(/^\$\d/);
      }),
    );
  });

  it('formats any number without NaN', () => {
    expect(formatDollars(Number.NaN)).toBe('–');
    expect(formatDollars(-0.5)).toBe('-$0.5000');
    fc.assert(
      fc.property(fc.double(), (amount) => {
        expect(formatDollars(amount)).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});
