import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChatCompletionTokenLogprob } from '@completions-kit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The guard the README promises: skip without ../shared locally, fail under CI=true.
import { fixturesDir, haveFixtures } from '../../../core/src/test-support/fixtures.ts';
import { LOGPROB_SENTINEL, mergeByBytes, summarize, usableLogprob } from './merge.ts';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const token = (bytes: number[] | null, logprob = -0.5, text = ''): ChatCompletionTokenLogprob => ({
  token: text,
  logprob,
  bytes,
  top_logprobs: [],
});

describe('merging tokens by their bytes', () => {
  it('joins a 4-byte emoji split over two tokens and over three', () => {
    const emoji = utf8('🙂');
    expect(
      mergeByBytes([token(emoji.slice(0, 2)), token(emoji.slice(2))]).map((display) => [
        display.text,
        display.tokens.length,
      ]),
    ).toEqual([['🙂', 2]]);
    const three = mergeByBytes([
      token(utf8('a')),
      token(emoji.slice(0, 1)),
      token(emoji.slice(1, 3)),
      token(emoji.slice(3)),
      token(utf8('b')),
    ]);
    expect(three.map((display) => [display.text, display.tokens.length, display.index])).toEqual([
      ['a', 1, 0],
      ['🙂', 3, 1],
      ['b', 1, 4],
    ]);
    expect(three[1]?.logprob).toBeCloseTo(-1.5);
  });

  it('joins a CJK character split in two and keeps whole ones apart', () => {
    const tokyo = utf8('東京');
    const merged = mergeByBytes([token(tokyo.slice(0, 2)), token(tokyo.slice(2, 4)), token(tokyo.slice(4))]);
    expect(merged.map((display) => display.text)).toEqual(['東京']);
    expect(mergeByBytes([token(utf8('東')), token(utf8('京'))]).map((display) => display.text)).toEqual(['東', '京']);
  });

  it('lets a token without bytes stand alone, and marks the -9999 sentinel as probability 0', () => {
    const merged = mergeByBytes([token(null, -0.1, 'x'), token(utf8('y'), LOGPROB_SENTINEL)]);
    expect(merged.map((display) => [display.text, display.sentinel, display.probability])).toEqual([
      ['x', false, Math.exp(-0.1)],
      ['y', true, 0],
    ]);
  });
});

describe('summaries', () => {
  it('gives mean logprob and perplexity, leaving sentinels out, and the least confident tokens', () => {
    const display = mergeByBytes([
      token(utf8('a'), Math.log(0.5)),
      token(utf8('b'), Math.log(0.25)),
      token(utf8('c'), LOGPROB_SENTINEL),
      token(utf8('d'), Math.log(1)),
    ]);
    const summary = summarize(display, 2);
    expect(summary.count).toBe(3);
    expect(summary.sentinels).toBe(1);
    expect(summary.meanLogprob).toBeCloseTo((Math.log(0.5) + Math.log(0.25)) / 3);
    expect(summary.perplexity).toBeCloseTo(Math.exp(-(Math.log(0.5) + Math.log(0.25)) / 3));
    expect(summary.leastConfident).toEqual([2, 1]);
  });

  it.skipIf(!haveFixtures())('rebuilds the content of every recorded logprobs response and stream', () => {
    const fixtures = fixturesDir;
    const files = [
      ...readdirSync(path.join(fixtures, 'responses'))
        .filter((file) => /logprobs/.test(file) && !file.includes('.request'))
        .map((file) => path.join(fixtures, 'responses', file)),
      ...readdirSync(path.join(fixtures, 'streams'))
        .filter((file) => /logprobs.*\.expected\.json$/.test(file))
        .map((file) => path.join(fixtures, 'streams', file)),
    ];
    // And the local model's own recording, whose tokens include partial UTF-8 bytes.
    files.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/local-logprobs.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      const completion = parsed.response ?? parsed;
      for (const choice of completion.choices) {
        const list = choice.logprobs?.content ?? choice.logprobs?.refusal;
        if (!list) continue;
        const text = mergeByBytes(list)
          .map((display) => display.text)
          .join('');
        expect(text, path.basename(file)).toBe(choice.message.content ?? choice.message.refusal);
      }
    }
  });
});

describe('hostile logprobs', () => {
  const anyLogprob = fc.oneof(fc.double(), fc.constant(null), fc.constant(LOGPROB_SENTINEL), fc.constant(undefined));
  const anyBytes = fc.oneof(
    fc.constant(null),
    fc.array(fc.integer({ min: -5, max: 400 }), { maxLength: 5 }),
    fc.string(),
  );
  const token = fc.record({
    token: fc.string(),
    logprob: anyLogprob,
    bytes: anyBytes,
    top_logprobs: fc.constant(null),
  });

  it('never gives a NaN probability or logprob, whatever the wire sends', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), (tokens) => {
        const display = mergeByBytes(tokens as unknown as ChatCompletionTokenLogprob[]);
        for (const shown of display) {
          expect(Number.isFinite(shown.probability) && shown.probability >= 0).toBe(true);
          expect(Number.isNaN(shown.logprob)).toBe(false);
        }
        const summary = summarize(display);
        expect(Number.isNaN(summary.meanLogprob)).toBe(false);
      }),
    );
  });

  it('treats a null or non-finite logprob as unusable, like the sentinel', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, LOGPROB_SENTINEL, 'x'])
      expect(usableLogprob(value)).toBe(false);
    expect(usableLogprob(-0.5)).toBe(true);
    const [shown] = mergeByBytes([{ token: 'a', logprob: null, bytes: null, top_logprobs: null } as never]);
    expect(shown).toMatchObject({ sentinel: true, probability: 0 });
  });
});
