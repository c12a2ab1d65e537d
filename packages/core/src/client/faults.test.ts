// Every fault here comes from a real HTTP server on loopback: the client sees real sockets, real
// resets and real silences. Only the server's behaviour is scripted.
import { describe, expect, it, vi } from 'vitest';
import type { ChatCompletionStream } from '../stream/chat-completion-stream.ts';
import { chunkEvent, finishEvent, sendJson, serverPerTest, sleep } from '../test-support/http-server.ts';
import { createChatCompletionsClient } from './create-client.ts';
import { ChatCompletionsError } from './errors.ts';
import type { RetryInfo } from './request.ts';

const server = serverPerTest();
/** Settles when the client has closed the connection: a server silent for as long as it takes. */
const closed = (response: import('node:http').ServerResponse) =>
  new Promise((resolve) => response.once('close', resolve));

const params = { model: 'test-model', messages: [{ role: 'user' as const, content: 'Hi' }] };
const completion = {
  id: 'chatcmpl-ok',
  object: 'chat.completion',
  created: 1,
  model: 'test-model',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello', refusal: null },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
};

function client(options: Parameters<typeof createChatCompletionsClient>[0] = {}) {
  return createChatCompletionsClient({ baseURL: `${server.url}/v1`, ...options });
}

function hits() {
  return server.requests.filter((request) => request.url.pathname === '/v1/chat/completions').length;
}

async function failure(promise: Promise<unknown>): Promise<ChatCompletionsError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChatCompletionsError);
  return error as ChatCompletionsError;
}

describe('retries', () => {
  it('honours retry-after on a 429, then succeeds', async () => {
    let calls = 0;
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      calls++;
      if (calls === 1) {
        sendJson(
          response,
          429,
          { error: { message: 'Slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
          { 'retry-after': '1' },
        );
      } else {
        sendJson(response, 200, completion);
      }
    });
    const retries: RetryInfo[] = [];
    const started = performance.now();
    const result = await client({ onRetry: (info) => retries.push(info) }).chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('Hello');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.delayMs).toBe(1000);
    expect(retries[0]?.error.status).toBe(429);
    expect(retries[0]?.error.code).toBe('rate_limit_exceeded');
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('prefers retry-after-ms over retry-after', async () => {
    let calls = 0;
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      calls++;
      if (calls === 1)
        sendJson(response, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '120', 'retry-after': '30' });
      else sendJson(response, 200, completion);
    });
    const retries: RetryInfo[] = [];
    await client({ onRetry: (info) => retries.push(info) }).chat.completions.create(params);
    expect(retries.map((info) => info.delayMs)).toEqual([120]);
  });

  it('does not retry a 503 that says x-should-retry: false', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      sendJson(
        response,
        503,
        { error: { message: 'down for maintenance', type: 'server_error' } },
        { 'x-should-retry': 'false' },
      );
    });
    const error = await failure(client().chat.completions.create(params));
    expect(error.kind).toBe('api');
    expect(error.status).toBe(503);
    expect(hits()).toBe(1);
  });

  it('gives up after maxRetries on a 500 three times, with exponential backoff', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      sendJson(
        response,
        500,
        { error: { message: 'boom', type: 'server_error', param: null, code: null } },
        { 'x-request-id': 'req_500' },
      );
    });
    const retries: RetryInfo[] = [];
    const error = await failure(client({ onRetry: (info) => retries.push(info) }).chat.completions.create(params));
    expect(hits()).toBe(3);
    expect(error.status).toBe(500);
    expect(error.requestId).toBe('req_500');
    expect(error.message).toContain('boom');
    const [first, second] = retries.map((info) => info.delayMs);
    expect(first).toBeGreaterThanOrEqual(375);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(750);
    expect(second).toBeLessThanOrEqual(1000);
  });

  it('does not retry a 400', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      sendJson(response, 400, {
        error: { message: 'bad temperature', type: 'invalid_request_error', param: 'temperature', code: null },
      });
    });
    const error = await failure(client().chat.completions.create(params));
    expect(error.param).toBe('temperature');
    expect(hits()).toBe(1);
  });

  it('retries a body that is cut off mid-read', async () => {
    let calls = 0;
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      calls++;
      if (calls === 1) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
        // Cut once the first bytes are on their way.
        response.write('{"id":"chatcmpl-ok","obj', () => response.socket?.destroy());
      } else {
        sendJson(response, 200, completion);
      }
    });
    const result = await client().chat.completions.create(params);
    expect(result.id).toBe('chatcmpl-ok');
    expect(hits()).toBe(2);
  });

  it('never retries after an abort, even mid-backoff', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      sendJson(response, 500, { error: { message: 'boom' } }, { 'retry-after': '5' });
    });
    const controller = new AbortController();
    // Aborted as the backoff begins: the retry is scheduled, and must never be sent.
    const pending = client({ onRetry: () => controller.abort() }).chat.completions.create(params, {
      signal: controller.signal,
    });
    const error = await failure(pending);
    expect(error.kind).toBe('abort');
    expect(hits()).toBe(1);
  });

  it('fails with a typed timeout when headers do not come within timeoutMs', async () => {
    server.route('POST', '/v1/chat/completions', async (_request, response) => {
      // Headers come only after the client has given up and closed the connection.
      await closed(response);
      if (!response.destroyed) sendJson(response, 200, completion);
    });
    const error = await failure(client({ timeoutMs: 150, maxRetries: 0 }).chat.completions.create(params));
    expect(error.kind).toBe('timeout');
    expect(error.phase).toBe('headers');
  });
});

describe('stream faults keep the partial completion', () => {
  function streamRoute(write: (response: import('node:http').ServerResponse) => void | Promise<void>) {
    server.route('POST', '/v1/chat/completions', async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_stream' });
      await write(response);
    });
  }

  async function open(options: Parameters<typeof client>[0] = {}): Promise<ChatCompletionStream> {
    return client(options).chat.completions.create({ ...params, stream: true });
  }

  it('a socket reset mid-body: status error, kind connection, nothing retried', async () => {
    streamRoute(async (response) => {
      response.write(chunkEvent('Hel'));
      // Reset once the chunks are on their way.
      await new Promise((resolve) => response.write(chunkEvent('lo'), resolve));
      response.socket?.destroy();
    });
    const stream = await open();
    const error = await failure(stream.finalCompletion());
    expect(error.kind).toBe('connection');
    expect(stream.status).toBe('error');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('Hello');
    expect(hits()).toBe(1);
  });

  it('a 5 s silence with a 500 ms idle timeout: a timeout of phase idle', async () => {
    streamRoute(async (response) => {
      response.write(chunkEvent('partial'));
      // Silent until the client closes: only its idle timeout can end the stream.
      await closed(response);
      if (!response.destroyed) response.end(finishEvent());
    });
    const stream = await open({ idleTimeoutMs: 500 });
    const error = await failure(stream.finalCompletion());
    expect(error.kind).toBe('timeout');
    expect(error.phase).toBe('idle');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('partial');
    await vi.waitFor(() => expect(server.disconnects).toBe(1), { timeout: 10_000 });
  });

  it('an error event after two chunks: kind stream, with the server words, partial kept', async () => {
    streamRoute((response) => {
      response.write(chunkEvent('one '));
      response.write(chunkEvent('two'));
      response.end(
        `data: ${JSON.stringify({ error: { message: 'The model crashed', type: 'server_error', code: 'model_error' } })}\n\n`,
      );
    });
    const stream = await open();
    const error = await failure(stream.finalCompletion());
    expect(error.kind).toBe('stream');
    expect(error.message).toBe('The model crashed');
    expect(error.code).toBe('model_error');
    expect(error.requestId).toBe('req_stream');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('one two');
  });

  it('a named error event (event: error) is a stream error too', async () => {
    streamRoute((response) => {
      response.write(chunkEvent('x'));
      response.end(`event: error\ndata: ${JSON.stringify({ message: 'overloaded', type: 'overloaded_error' })}\n\n`);
    });
    const error = await failure((await open()).finalCompletion());
    expect(error.kind).toBe('stream');
    expect(error.type).toBe('overloaded_error');
  });

  it('data: {not json}: kind malformed', async () => {
    streamRoute((response) => {
      response.write(chunkEvent('fine'));
      response.end('data: {not json}\n\n');
    });
    const stream = await open();
    const error = await failure(stream.finalCompletion());
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('{not json}');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('fine');
  });

  it('a 200 HTML page instead of a stream: kind malformed, and no markup in the message', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body><script>alert(1)</script>Login</body></html>');
    });
    const error = await failure(open());
    expect(error.kind).toBe('malformed');
    expect(error.message).not.toContain('<');
  });

  it('a stream request answered with a JSON error body: a typed error with the server words', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      sendJson(response, 200, {
        error: {
          message: 'Streaming is off for this key',
          type: 'invalid_request_error',
          param: 'stream',
          code: 'stream_disabled',
        },
      });
    });
    const error = await failure(open());
    expect(error).toMatchObject({ kind: 'api', param: 'stream', code: 'stream_disabled' });
    expect(error.message).toContain('Streaming is off for this key');
  });

  it('a 200 HTML page instead of JSON: kind malformed', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>captive portal</html>');
    });
    const error = await failure(client().chat.completions.create(params));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('text/html');
  });

  it('abort after three chunks: status aborted, partial kept, the connection closed', async () => {
    streamRoute(async (response) => {
      for (let index = 0; index < 100 && !response.destroyed; index++) {
        response.write(chunkEvent(`${index} `));
        await sleep(10);
      }
      response.end();
    });
    const stream = await open();
    let seen = 0;
    for await (const _chunk of stream) {
      seen++;
      if (seen === 3) stream.abort();
    }
    expect(stream.status).toBe('aborted');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('0 1 2 ');
    const error = await failure(stream.finalCompletion());
    expect(error.kind).toBe('abort');
    await vi.waitFor(() => expect(server.disconnects).toBe(1), { timeout: 10_000 });
  });

  it('leaving a for await loop early aborts the request', async () => {
    streamRoute(async (response) => {
      for (let index = 0; index < 100 && !response.destroyed; index++) {
        response.write(chunkEvent('x'));
        await sleep(10);
      }
      response.end();
    });
    const stream = await open();
    for await (const _chunk of stream) break;
    expect(stream.status).toBe('aborted');
    await vi.waitFor(() => expect(server.disconnects).toBe(1), { timeout: 10_000 });
  });

  it("the caller's signal aborts a running stream", async () => {
    streamRoute(async (response) => {
      response.write(chunkEvent('a'));
      await closed(response);
      if (!response.destroyed) response.end();
    });
    const controller = new AbortController();
    const stream = await client().chat.completions.create({ ...params, stream: true }, { signal: controller.signal });
    const ended = failure(stream.finalCompletion());
    // Aborted once the first chunk is in, while the server holds the stream open.
    await vi.waitFor(() => expect(stream.snapshot?.choices[0]?.message.content).toBe('a'), { timeout: 10_000 });
    controller.abort();
    const error = await ended;
    expect(error.kind).toBe('abort');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('a');
  });

  it('a stream that ends without [DONE] or finish_reason is incomplete, not done', async () => {
    streamRoute((response) => {
      response.write(chunkEvent('cut '));
      response.end(chunkEvent('short'));
    });
    const stream = await open();
    const error = await failure(stream.finalCompletion());
    expect(stream.status).toBe('incomplete');
    expect(error.kind).toBe('incomplete');
    expect(stream.snapshot?.choices[0]?.message.content).toBe('cut short');
  });

  it('a stream with a finish_reason but no [DONE] is done', async () => {
    streamRoute((response) => {
      response.write(chunkEvent('all'));
      response.end(finishEvent('length'));
    });
    const stream = await open();
    const final = await stream.finalCompletion();
    expect(stream.status).toBe('done');
    expect(final.choices[0]?.finish_reason).toBe('length');
  });

  it('records timings: time to first token, chunk count, tokens per second', async () => {
    streamRoute(async (response) => {
      await sleep(40);
      for (const word of ['a', 'b', 'c', 'd']) {
        response.write(chunkEvent(word));
        await sleep(20);
      }
      response.end(`${finishEvent()}data: [DONE]\n\n`);
    });
    const stream = await open();
    await stream.finalCompletion();
    const timings = stream.timings;
    expect(timings.chunkCount).toBe(5);
    expect(timings.timeToFirstTokenMs).toBeGreaterThanOrEqual(30);
    expect(timings.tokensPerSecond).toBeGreaterThan(0);
    expect(timings.tokensPerSecond).toBeLessThan(400);
  });
});
