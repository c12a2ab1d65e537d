// The Vercel AI SDK's OpenAI chat provider (`.chat(...)`, the Chat Completions API) against the real
// local server over HTTP: what a developer using `ai` sees.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, Output, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { openaiFor, startTestServer } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { requests: 0, windowMs: 60_000 } });
});
afterAll(() => server.close());

/** The provider, with extra body fields the SDK has no option for merged into each request. */
function model(extra: Record<string, unknown> = {}) {
  const provider = createOpenAI({
    baseURL: server.url,
    apiKey: 'unused',
    fetch: (input, init) => {
      const body = typeof init?.body === 'string' ? JSON.stringify({ ...JSON.parse(init.body), ...extra }) : init?.body;
      return fetch(input, { ...init, body });
    },
  });
  return provider.chat('ck-local-ngram');
}

const weatherSchema = jsonSchema<{ city: string; unit: 'celsius' | 'fahrenheit' }>({
  type: 'object',
  properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
});

describe('the Vercel AI SDK (OpenAI chat provider)', () => {
  it('creates a completion with usage, and streams the same text for a seed', async () => {
    const options = { model: model(), prompt: 'Describe a readable stream.', seed: 4, maxOutputTokens: 60 };
    const created = await generateText(options);
    expect(created.text.length).toBeGreaterThan(20);
    expect(created.usage.outputTokens).toBeGreaterThan(0);
    expect(created.finishReason).toMatch(/^(stop|length)$/);
    const streamed = streamText(options);
    let text = '';
    for await (const part of streamed.textStream) text += part;
    expect(text).toBe(created.text);
    expect((await streamed.usage).outputTokens).toBe(created.usage.outputTokens);
  });

  it('calls a tool with arguments valid against its schema, streamed or not', async () => {
    const tools = { get_weather: tool({ description: 'Weather for a city', inputSchema: weatherSchema }) };
    const options = { model: model(), prompt: 'What is the weather in "Oslo"?', tools, seed: 2 };
    const created = await generateText(options);
    const call = created.toolCalls[0];
    expect(call?.toolName).toBe('get_weather');
    const input = call?.input as { city: string; unit: string } | undefined;
    expect(input).toMatchObject({ city: 'Oslo' });
    expect(['celsius', 'fahrenheit']).toContain(input?.unit);
    expect(created.finishReason).toBe('tool-calls');
    const streamed = streamText(options);
    expect((await streamed.toolCalls)[0]?.input).toEqual(call?.input);
  });

  it('ends a call forced by name with finish reason stop, as the API does', async () => {
    const tools = { get_weather: tool({ description: 'Weather for a city', inputSchema: weatherSchema }) };
    const created = await generateText({
      model: model(),
      prompt: 'Hello there.',
      tools,
      toolChoice: { type: 'tool', toolName: 'get_weather' },
    });
    expect(created.toolCalls[0]?.toolName).toBe('get_weather');
    expect(created.finishReason).toBe('stop');
  });

  it('returns structured output that parses against the schema', async () => {
    const created = await generateText({
      model: model(),
      prompt: 'Give me a city and a unit.',
      output: Output.object({ schema: weatherSchema }),
      seed: 9,
    });
    expect(typeof created.output.city).toBe('string');
    expect(['celsius', 'fahrenheit']).toContain(created.output.unit);
  });

  it('reads url_citation annotations as sources, all of them, streamed or not', async () => {
    const options = { model: model({ web_search_options: {} }), prompt: 'What is new about streams?', seed: 3 };
    const created = await generateText(options);
    const urls = created.sources.map((source) => (source.sourceType === 'url' ? source.url : ''));
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(created.text).toContain(url);
    const streamed = streamText(options);
    const streamedUrls = (await streamed.sources).map((source) => (source.sourceType === 'url' ? source.url : ''));
    expect(streamedUrls).toEqual(urls);
  });

  it('passes logprobs through provider metadata', async () => {
    const created = await generateText({
      model: model(),
      prompt: 'What is a reader?',
      maxOutputTokens: 12,
      providerOptions: { openai: { logprobs: 3 } },
    });
    const logprobs = created.providerMetadata?.openai?.logprobs as { token: string; top_logprobs: unknown[] }[];
    expect(logprobs.map((entry) => entry.token).join('')).toBe(created.text);
    for (const entry of logprobs) expect(entry.top_logprobs).toHaveLength(3);
  });

  it('reads the first choice of an n = 2 answer (the SDK has no n)', async () => {
    const created = await generateText({ model: model({ n: 2 }), prompt: 'Name a stream method.', seed: 6 });
    const direct = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: [{ role: 'user', content: 'Name a stream method.' }],
      seed: 6,
      n: 2,
    });
    expect(direct.choices).toHaveLength(2);
    expect(created.text).toBe(direct.choices[0]?.message.content);
  });

  it('stores completions with metadata, each listed once', async () => {
    const tag = `ai-sdk-${Date.now()}`;
    const ids: string[] = [];
    for (const index of [1, 2, 3]) {
      const created = await generateText({
        model: model(),
        prompt: `Stored question ${index}`,
        maxOutputTokens: 8,
        providerOptions: { openai: { store: true, metadata: { suite: tag } } },
      });
      ids.push(created.response.id);
    }
    const listed: string[] = [];
    for await (const item of openaiFor(server).chat.completions.list({ metadata: { suite: tag }, limit: 2 }))
      listed.push(item.id);
    expect([...listed].sort()).toEqual([...ids].sort());
  });
});
