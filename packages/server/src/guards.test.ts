import { isChatCompletionsError } from '@completions-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { kitFor, startTestServer, user } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({
    accessToken: 'local-token-123',
    allowedOrigins: ['http://localhost:5173'],
    rateLimit: { requests: 5, windowMs: 60_000 },
    faults: true,
  });
});
afterAll(() => server.close());

const request = { model: 'm', messages: user('Hi'), max_completion_tokens: 5 };

describe('access token, CORS and rate limits', () => {
  it('answers 401 without the access token and works with it', async () => {
    await expect(kitFor(server).create(request)).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    await expect(kitFor(server, 'wrong').create(request)).rejects.toMatchObject({ status: 401 });
    const completion = await kitFor(server, 'local-token-123').create(request);
    expect(completion.object).toBe('chat.completion');
  });

  it('answers a preflight from an allowed origin and refuses another', async () => {
    const preflight = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const foreign = await fetch(`${server.url}/models`, { headers: { origin: 'http://localhost:6006' } });
    expect(foreign.status).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers 429 with retry-after once a client is over its budget', async () => {
    const limited = await startTestServer({ rateLimit: { requests: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let index = 0; index < 5; index++) {
        const response = await fetch(`${limited.url}/models`);
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          expect(await response.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect((await fetch(`${limited.origin}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('fault injection (opt-in, for tests)', () => {
  const faulty = async (fault: string, extra: Record<string, unknown> = {}) => {
    const unlimited = await startTestServer({ faults: true });
    const client = (await import('@completions-kit/core')).createChatCompletionsClient({
      baseURL: unlimited.url,
      maxRetries: 1,
      headers: { 'x-ck-fault': fault },
      idleTimeoutMs: 300,
    });
    return {
      unlimited,
      client: client.chat.completions,
      body: { model: 'm', messages: user('Go'), max_completion_tokens: 30, logit_bias: { '199999': -100 }, ...extra },
    };
  };

  it('close-after, end-after, error-after and stall-ms break a stream in each way', async () => {
    const cases: [string, string, string][] = [
      ['close-after=4', 'error', 'connection'],
      ['end-after=4', 'incomplete', 'incomplete'],
      ['error-after=4', 'error', 'stream'],
      ['stall-ms=2000', 'error', 'timeout'],
    ];
    for (const [fault, status, kind] of cases) {
      const { unlimited, client, body } = await faulty(fault);
      try {
        const stream = await client.create({ ...body, stream: true });
        const error = await stream.finalCompletion().catch((caught: unknown) => caught);
        expect(isChatCompletionsError(error), fault).toBe(true);
        expect([fault, stream.status, (error as { kind: string }).kind]).toEqual([fault, status, kind]);
        if (kind !== 'timeout') expect(stream.snapshot?.choices[0]?.message.content?.length).toBeGreaterThan(0);
      } finally {
        await unlimited.close();
      }
    }
  });

  it('status=429 for the first request only, so the client retry succeeds', async () => {
    const { unlimited, client, body } = await faulty('status=429; retry-after=0; times=1; key=guards-429');
    try {
      const completion = await client.create(body);
      expect(completion.choices[0]?.finish_reason).toBe('length');
    } finally {
      await unlimited.close();
    }
  });

  it('status with should-retry=false is not retried', async () => {
    const { unlimited, client, body } = await faulty('status=503; should-retry=false');
    try {
      await expect(client.create(body)).rejects.toMatchObject({ status: 503 });
    } finally {
      await unlimited.close();
    }
  });
});
