// A fake, named as such: the stream reader's chunk failing to load (a deploy that replaced the
// app's chunks, a dropped connection) cannot be provoked otherwise in Node, so the module is
// mocked to throw. The server is real.
import { describe, expect, it, vi } from 'vitest';
import { sendJson, serverPerTest } from '../test-support/http-server.ts';
import { createChatCompletionsClient } from './create-client.ts';
import { ChatCompletionsError } from './errors.ts';

vi.mock('../stream/open-stream.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const server = serverPerTest();
const params = { model: 'test-model', messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('the stream reader loads with the first streamed request', () => {
  it('a reader that cannot load gives a typed connection error, and no request is sent', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => sendJson(response, 200, {}));
    const client = createChatCompletionsClient({ baseURL: `${server.url}/v1`, maxRetries: 0 });
    const error = await client.chat.completions.create({ ...params, stream: true }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ChatCompletionsError);
    expect((error as ChatCompletionsError).kind).toBe('connection');
    expect((error as ChatCompletionsError).message).toMatch(/stream reader could not be loaded/);
    expect((error as ChatCompletionsError).cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(0);
  });
});
