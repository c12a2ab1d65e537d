import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendJson, startTestServer, type TestServer } from '../test-support/http-server.ts';
import { createChatCompletionsClient } from './create-client.ts';
import { responseInfo } from './request.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const completion = {
  id: 'chatcmpl-p',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-x',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'ok', refusal: null }, logprobs: null, finish_reason: 'stop' },
  ],
};
const params = { model: 'gpt-x', messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('providers address and authenticate requests their own way', () => {
  it('OpenAI and compatible servers: Bearer key, model in the body', async () => {
    server.route('POST', '/v1/chat/completions', (_request, response) => sendJson(response, 200, completion));
    await createChatCompletionsClient({ baseURL: `${server.url}/v1/`, apiKey: 'sk-test' }).chat.completions.create(
      params,
    );
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.headers['api-key']).toBeUndefined();
    expect(JSON.parse(request?.body ?? '{}').model).toBe('gpt-x');
  });

  it('Azure OpenAI: deployment in the path, api-version query, api-key header', async () => {
    server.route('POST', '/openai/deployments/my-gpt/chat/completions', (_request, response) =>
      sendJson(response, 200, completion),
    );
    server.route('GET', '/openai/chat/completions/chatcmpl-p', (_request, response) =>
      sendJson(response, 200, completion),
    );
    const azure = createChatCompletionsClient({
      baseURL: `${server.url}/openai`,
      provider: 'azure-openai',
      apiKey: 'azure-key',
      deployment: 'my-gpt',
    });
    await azure.chat.completions.create(params);
    await azure.chat.completions.retrieve('chatcmpl-p');
    const [create, retrieve] = server.requests;
    expect(create?.url.searchParams.get('api-version')).toBe('2024-10-21');
    expect(create?.headers['api-key']).toBe('azure-key');
    expect(create?.headers.authorization).toBeUndefined();
    expect(retrieve?.url.pathname).toBe('/openai/chat/completions/chatcmpl-p');
  });

  it('Azure OpenAI without a deployment routes by the model', async () => {
    server.route('POST', '/openai/deployments/gpt-x/chat/completions', (_request, response) =>
      sendJson(response, 200, completion),
    );
    const azure = createChatCompletionsClient({
      baseURL: `${server.url}/openai`,
      provider: 'azure-openai',
      apiVersion: '2025-01-01',
    });
    await azure.chat.completions.create(params);
    expect(server.requests[0]?.url.searchParams.get('api-version')).toBe('2025-01-01');
  });

  it('Azure AI Inference: api-version query and both key headers', async () => {
    server.route('POST', '/models/chat/completions', (_request, response) => sendJson(response, 200, completion));
    await createChatCompletionsClient({
      baseURL: `${server.url}/models`,
      provider: 'azure-ai-inference',
      apiKey: 'k',
    }).chat.completions.create(params);
    const [request] = server.requests;
    expect(request?.url.searchParams.get('api-version')).toBe('2024-05-01-preview');
    expect(request?.headers.authorization).toBe('Bearer k');
    expect(request?.headers['api-key']).toBe('k');
  });
});

describe('fallback across endpoints', () => {
  it('moves on from an unreachable endpoint and a 503 to the one that answers, and says which', async () => {
    server.route('POST', '/down/chat/completions', (_request, response) =>
      sendJson(response, 503, { error: { message: 'busy' } }),
    );
    server.route('POST', '/up/chat/completions', (_request, response) => sendJson(response, 200, completion));
    const client = createChatCompletionsClient({
      endpoints: [
        { baseURL: 'http://127.0.0.1:9/v1', name: 'nothing listens here' },
        { baseURL: `${server.url}/down`, name: 'busy' },
        { baseURL: `${server.url}/up`, name: 'backup' },
      ],
    });
    const result = await client.chat.completions.create(params);
    expect(result).toEqual(completion);
    expect(Object.keys(result)).not.toContain('endpoint');
    expect(responseInfo(result)).toMatchObject({ endpointIndex: 2, endpointName: 'backup', status: 200, attempts: 3 });
  });

  it('does not fall back on an error that a retry cannot fix', async () => {
    server.route('POST', '/first/chat/completions', (_request, response) =>
      sendJson(response, 401, {
        error: { message: 'bad key', type: 'invalid_request_error', code: 'invalid_api_key' },
      }),
    );
    server.route('POST', '/second/chat/completions', (_request, response) => sendJson(response, 200, completion));
    const client = createChatCompletionsClient({
      endpoints: [{ baseURL: `${server.url}/first` }, { baseURL: `${server.url}/second` }],
    });
    await expect(client.chat.completions.create(params)).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });
    expect(server.requests).toHaveLength(1);
  });
});
