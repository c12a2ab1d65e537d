import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelWorker } from './engine/local/model-worker.ts';
import type { RunningServer } from './start-server.ts';
import { startTestServer, user } from './test-support/servers.ts';

// Answers are made as they are read: a client that reads slowly, or leaves, costs the model no
// more than a slice ahead of it, and a long answer takes turns with short ones.
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({
    rateLimit: { requests: 0, windowMs: 60_000 },
    budget: { timeMs: 120_000, answerTokens: 1_000_000 },
  });
});
afterAll(() => server.close());

const endless = (extra: Record<string, unknown> = {}) => ({
  model: 'm',
  messages: user('Write without end.'),
  max_completion_tokens: 1_000_000,
  logit_bias: { '199999': -100 },
  ...extra,
});

const post = (body: unknown, signal?: AbortSignal) =>
  fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

/**
 * The worker's census once the answer is held by its reader: no slice is asked for (the server waits
 * for the socket to drain) and no token was made since the previous look.
 */
async function heldCensus() {
  let last = await modelWorker().census();
  let held = last;
  await expect
    .poll(
      async () => {
        held = await modelWorker().census();
        const still = held.asking === 0 && held.tokens === last.tokens;
        last = held;
        return still;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return held;
}

describe('answers made as they are read', () => {
  it('stops making a streamed answer whose client left', async () => {
    const left = new AbortController();
    const response = await post(endless({ stream: true }), left.signal);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    expect((await modelWorker().census()).answers).toBe(1);
    left.abort();
    await expect.poll(() => modelWorker().census(), { timeout: 30_000 }).toMatchObject({ answers: 0, tokens: 0 });
  });

  it('makes no more of a stream than its client reads, and goes on when it reads again', async () => {
    const left = new AbortController();
    const response = await post(endless({ stream: true }), left.signal);
    expect(response.status).toBe(200);
    try {
      // The client reads nothing: the socket's buffers fill, and then the model waits.
      const held = await heldCensus();
      expect(held.answers).toBe(1);
      expect(held.tokens).toBeLessThan(200_000);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let bytes = 0;
      while (bytes < 8_000_000) bytes += ((await reader.read()).value as Uint8Array).length;
      expect((await modelWorker().census()).tokens).toBeGreaterThan(held.tokens);
    } finally {
      left.abort();
    }
    await expect.poll(() => modelWorker().census(), { timeout: 30_000 }).toMatchObject({ answers: 0, tokens: 0 });
  }, 120_000);

  it('answers a small request while two long answers are being made, before either ends', async () => {
    const left = new AbortController();
    const order: string[] = [];
    const long = [1, 2].map((seed) =>
      post(endless({ seed, max_completion_tokens: 400_000 }), left.signal)
        .then((response) => response.json())
        .then(
          () => order.push(`long ${seed}`),
          () => order.push(`long ${seed} left`),
        ),
    );
    await expect.poll(async () => (await modelWorker().census()).answers, { timeout: 30_000 }).toBe(2);
    const small = await post({ model: 'm', messages: user('Hi'), max_completion_tokens: 5 });
    expect(small.status).toBe(200);
    order.push('small');
    left.abort();
    await Promise.all(long);
    expect(order[0]).toBe('small');
    await expect.poll(() => modelWorker().census(), { timeout: 30_000 }).toMatchObject({ answers: 0, tokens: 0 });
  }, 120_000);
});

describe('the server limit on an answer', () => {
  it('honours max_completion_tokens up to the limit, and ends an answer at the limit with "length"', async () => {
    const capped = await startTestServer({ budget: { answerTokens: 40 } });
    try {
      const ask = async (body: Record<string, unknown>) =>
        (
          await fetch(`${capped.url}/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'm', messages: user('Go on.'), logit_bias: { '199999': -100 }, ...body }),
          })
        ).json();
      const under = await ask({ max_completion_tokens: 25 });
      expect(under.usage.completion_tokens).toBe(25);
      expect(under.choices[0].finish_reason).toBe('length');
      const over = await ask({ max_completion_tokens: 5_000 });
      expect(over.usage.completion_tokens).toBe(40);
      expect(over.choices[0].finish_reason).toBe('length');
      const unset = await ask({});
      expect(unset.usage.completion_tokens).toBe(40);
      const streamed = await fetch(`${capped.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...endless({ stream: true, stream_options: { include_usage: true } }),
          max_completion_tokens: 5_000,
        }),
      });
      const text = await streamed.text();
      expect(text).toContain('"finish_reason":"length"');
      expect(text).toContain('"completion_tokens":40');
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    } finally {
      await capped.close();
    }
  });
});
