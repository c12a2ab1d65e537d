import type { ChatCompletion } from '@completions-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { kitFor, startTestServer, user } from './test-support/servers.ts';

// Bounded and on loopback only: 50 streams of 500 tokens at once, 1 ms apart per chunk.
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ paceMs: 1, rateLimit: { requests: 0, windowMs: 60_000 } });
});
afterAll(() => server.close());

describe('under load', () => {
  it('streams 50 completions of 500 tokens at once, losing and repeating nothing, and stays responsive', async () => {
    const kit = kitFor(server);
    const body = (seed: number) => ({
      model: 'ck-local-ngram',
      messages: user(`Load ${seed}`),
      seed,
      max_completion_tokens: 500,
      logit_bias: { '199999': -100 },
    });
    const healthChecks: number[] = [];
    let streaming = true;
    const probe = (async () => {
      while (streaming) {
        const response = await fetch(`${server.origin}/health`);
        healthChecks.push(response.status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const streams = await Promise.all(
      Array.from({ length: 50 }, (_, seed) =>
        kit.create({ ...body(seed), stream: true, stream_options: { include_usage: true } }),
      ),
    );
    const finals = await Promise.all(streams.map((stream) => stream.finalCompletion()));
    streaming = false;
    await probe;
    for (const [seed, final] of finals.entries()) {
      expect(final.usage?.completion_tokens).toBe(500);
      expect(streams[seed]?.timings.chunkCount).toBe(500 + 3); // role, 500 tokens, finish, usage
      const plain = (await kit.create(body(seed) as never)) as unknown as ChatCompletion;
      expect(final.choices[0]?.message.content).toBe(plain.choices[0]?.message.content);
    }
    expect(new Set(finals.map((final) => final.id)).size).toBe(50);
    expect(healthChecks.length).toBeGreaterThan(3);
    expect(healthChecks.every((status) => status === 200)).toBe(true);
  }, 120_000);
});
