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

/** Reads a stream, noting each chunk's arrival in the shared order of events. */
async function readStream(response: Response, events: string[]): Promise<void> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  while (!(await reader.read()).done) events.push('chunk');
}

const between = (events: string[], kind: string, from: string, to: string) =>
  events.slice(events.indexOf(from), events.indexOf(to)).filter((event) => event === kind).length;

describe('a large request never stalls the server', () => {
  // Proved by the order of events, not by milliseconds (a loaded machine slows everything alike):
  // /health answers and stream chunks arrive while the large request is still being served. How
  // fast /health answers meanwhile is a figure of `pnpm bench:server`, with its 100 ms target.
  it('keeps /health and a running stream flowing while a 1 MB request without whitespace is served', async () => {
    const events: string[] = [];
    const streaming = post({
      model: 'm',
      messages: user('Stream for a while.'),
      stream: true,
      max_completion_tokens: 400,
      logit_bias: { '199999': -100 },
    }).then((response) => readStream(response, events));
    await expect.poll(() => events.length).toBeGreaterThan(5);

    let settled = false;
    events.push('large sent');
    const large = post({ model: 'm', messages: user('x'.repeat(1_000_000)), max_completion_tokens: 20 }).then(
      async (response) => {
        settled = true;
        events.push('large answered');
        return { status: response.status, body: await response.json() };
      },
    );
    while (!settled) {
      const health = await fetch(`${server.origin}/health`);
      await health.json();
      if (!settled) events.push('health');
    }
    const answer = await large;
    // Answered, or refused in the API's shape with a code that says why: never a hang or a 5xx.
    if (answer.status === 200) expect(answer.body.usage.prompt_tokens).toBeGreaterThan(50_000);
    else expect(answer.body.error.code).toMatch(/^(context_length_exceeded|request_budget_exceeded)$/);
    // /health answered, and the stream kept sending, before the large request was answered.
    expect(between(events, 'health', 'large sent', 'large answered')).toBeGreaterThan(0);
    expect(between(events, 'chunk', 'large sent', 'large answered')).toBeGreaterThan(0);
    await streaming;
    // The stream ran to its end after the large request, too.
    expect(events.lastIndexOf('chunk')).toBeGreaterThan(events.indexOf('large answered'));
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
    // A later request's line proves the moment for a second line of the first has passed.
    await (await fetch(`${server.origin}/health`)).json();
    await expect.poll(() => log.some((line) => line.startsWith('GET /health '))).toBe(true);
    expect(log.filter((line) => line.startsWith('GET /v1/models '))).toHaveLength(1);
  });
});
