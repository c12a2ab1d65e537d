import { describe, expect, it } from 'vitest';
import { statusLine, tokensSoFar } from './status-text.ts';

const timings = (tokens: number, seconds: number) => ({
  startedAt: 0,
  firstTokenAt: 100,
  lastChunkAt: 100 + seconds * 1000,
  chunkCount: tokens + 2,
  timeToFirstTokenMs: 100,
  tokensPerSecond: tokens / seconds,
});

describe('the status line of a stopped run', () => {
  it('counts the text chunks when the server sent no usage', () => {
    const state = { status: 'aborted' as const, usage: undefined, snapshot: undefined, timings: timings(63, 1.7) };
    expect(tokensSoFar(state)).toBe(63);
    expect(statusLine(state)).toBe('Stopped after 63 tokens.');
  });

  it('prefers usage, then logprob entries', () => {
    const usage = { completion_tokens: 40, prompt_tokens: 3, total_tokens: 43 };
    expect(tokensSoFar({ usage, snapshot: undefined, timings: timings(63, 1) })).toBe(40);
    const snapshot = {
      choices: [{ logprobs: { content: [{}, {}, {}] } }],
    } as unknown as Parameters<typeof tokensSoFar>[0]['snapshot'];
    expect(tokensSoFar({ usage: undefined, snapshot, timings: timings(63, 1) })).toBe(3);
  });

  it('says so when it stopped before the first token, and leaves other states alone', () => {
    const waiting = { ...timings(0, 0), firstTokenAt: null, lastChunkAt: null, tokensPerSecond: null };
    expect(statusLine({ status: 'aborted', usage: undefined, snapshot: undefined, timings: waiting })).toBe(
      'Stopped before any answer arrived.',
    );
    expect(statusLine({ status: 'done', usage: undefined, snapshot: undefined, timings: undefined })).toBe('Done.');
  });
});
