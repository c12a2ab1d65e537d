import type { ChatCompletionCreateParams, RunState } from '@completions-kit/core';
import { describe, expect, it } from 'vitest';
import { repeatBody } from '../repeat/repeat-request.ts';
import { figuresOf, formatMs, formatRate } from './figures.ts';

const base: RunState = {
  status: 'done',
  snapshot: undefined,
  completion: undefined,
  usage: { prompt_tokens: 5, completion_tokens: 30, total_tokens: 35 },
  error: undefined,
  timings: undefined,
  request: undefined,
};

describe('a variant run figures', () => {
  it('take time to first token and tokens per second from a stream', () => {
    const timings = {
      startedAt: 0,
      firstTokenAt: 40,
      lastChunkAt: 540,
      chunkCount: 31,
      timeToFirstTokenMs: 40,
      tokensPerSecond: 60,
    };
    expect(figuresOf({ ...base, timings }, 100, 700)).toEqual({ firstTokenMs: 40, totalMs: 600, tokensPerSecond: 60 });
  });

  it('work out tokens per second from the total time for an answer sent whole', () => {
    expect(figuresOf(base, 0, 1500)).toEqual({ firstTokenMs: null, totalMs: 1500, tokensPerSecond: 20 });
  });

  it('have no total while running and no rate without usage', () => {
    expect(figuresOf({ ...base, status: 'streaming', usage: undefined }, 0, null)).toEqual({
      firstTokenMs: null,
      totalMs: null,
      tokensPerSecond: null,
    });
  });

  it('read as people write them', () => {
    expect([formatMs(null), formatMs(12.4), formatMs(2345)]).toEqual(['–', '12 ms', '2.35 s']);
    expect([formatRate(null), formatRate(12.345)]).toEqual(['–', '12.3']);
  });
});

describe('a repeat request', () => {
  it('is sent whole, one choice, with logprobs, and the seed moved on by its index', () => {
    const body = {
      model: 'ck-local-ngram',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
      n: 3,
      top_logprobs: 2,
      seed: 7,
      temperature: 0.8,
    } as ChatCompletionCreateParams;
    expect(repeatBody(body, 7, 3)).toEqual({
      model: 'ck-local-ngram',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
      logprobs: true,
      seed: 10,
      temperature: 0.8,
    });
  });
});
