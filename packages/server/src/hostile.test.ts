import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { startTestServer, user } from './test-support/servers.ts';

let server: RunningServer;
const log: string[] = [];
beforeAll(async () => {
  server = await startTestServer({
    paceMs: 20,
    rateLimit: { requests: 0, windowMs: 60_000 },
    log: (line) => log.push(line),
  });
});
afterAll(() => server.close());

const post = (body: unknown) =>
  fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Reads a stream, noting when each chunk arrives. */
async function readStream(response: Response, arrivals: number[]): Promise<void> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  while (!(await reader.read()).done) arrivals.push(performance.now());
}

describe('a large request never stalls the server', () => {
  it('keeps /health and a running stream flowing while a 1 MB request without whitespace is served', async () => {
    const arrivals: number[] = [];
    const streaming = post({
      model: 'm',
      messages: user('Stream for a while.'),
      stream: true,
      max_completion_tokens: 400,
      logit_bias: { '199999': -100 },
    }).then((response) => readStream(response, arrivals));
    await expect.poll(() => arrivals.length).toBeGreaterThan(5);

    const started = performance.now();
    let settled = false;
    const large = post({ model: 'm', messages: user('x'.repeat(1_000_000)), max_completion_tokens: 20 }).then(
      async (response) => {
        settled = true;
        return { status: response.status, body: await response.json(), ms: performance.now() - started };
      },
    );
    const healthTimes: number[] = [];
    const during: number[] = [];
    while (!settled) {
      const begin = performance.now();
      const health = await fetch(`${server.origin}/health`);
      await health.json();
      healthTimes.push(performance.now() - begin);
      during.push(arrivals.length);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const answer = await large;
    // Answered, or refused in the API's shape with a code that says why: never a hang or a 5xx.
    if (answer.status === 200) expect(answer.body.usage.prompt_tokens).toBeGreaterThan(50_000);
    else expect(answer.body.error.code).toMatch(/^(context_length_exceeded|request_budget_exceeded)$/);
    expect(answer.ms).toBeLessThan(8_000);
    expect(healthTimes.length).toBeGreaterThan(0);
    // Every check within 100 ms; one allowed a scheduling hiccup of the loaded test machine.
    const slow = healthTimes.filter((time) => time >= 100);
    expect(slow.length, `health checks (ms): ${healthTimes.map(Math.round).join(', ')}`).toBeLessThanOrEqual(1);
    // The stream kept sending while the large request was being worked on.
    expect((during.at(-1) as number) - (during[0] as number)).toBeGreaterThan(0);
    await streaming;
    const gaps = arrivals.slice(1).map((time, index) => time - (arrivals[index] as number));
    expect(Math.max(...gaps)).toBeLessThan(500);
  });

  it('refuses a prompt over the context budget, naming messages, in the API shape', async () => {
    const small = await startTestServer({ budget: { contextTokens: 1_000 } });
    try {
      const response = await fetch(`${small.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: user('word '.repeat(5_000)) }),
      });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error).toMatchObject({
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      });
      expect(error.message).toMatch(/maximum context length is 1000 tokens.*5\d\d\d tokens/);
    } finally {
      await small.close();
    }
  });

  it('ends model work past the time budget with a clear error, and then answers the next request', async () => {
    const tight = await startTestServer({ budget: { timeMs: 50 } });
    try {
      const send = (body: unknown) =>
        fetch(`${tight.url}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const long = await send({
        model: 'm',
        messages: user('Go on forever.'),
        max_completion_tokens: 200_000,
        logit_bias: { '199999': -100 },
        logprobs: true,
        top_logprobs: 20,
      });
      expect(long.status).toBe(400);
      const { error } = await long.json();
      expect(error.code).toBe('request_budget_exceeded');
      expect(error.message).toContain('50 ms');
      const next = await send({ model: 'm', messages: user('Hi'), max_completion_tokens: 3 });
      expect(next.status).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('reads special-token names in the text as text', async () => {
    const response = await post({ model: 'm', messages: user('What is <|endoftext|> for?'), max_completion_tokens: 3 });
    expect(response.status).toBe(200);
  });

  it('logs each request once', async () => {
    log.length = 0;
    const response = await fetch(`${server.url}/models`);
    await response.json();
    await expect.poll(() => log.filter((line) => line.startsWith('GET /v1/models ')).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.filter((line) => line.startsWith('GET /v1/models '))).toHaveLength(1);
  });
});
