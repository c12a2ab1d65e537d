// LangChain's ChatOpenAI (Chat Completions, not the Responses API) against the real local server
// over HTTP. Its streaming `generate()` fetches tokenizer data from the network: `.stream()` does not.
import type { AIMessageChunk } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { openaiFor, startTestServer } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { requests: 0, windowMs: 60_000 } });
});
afterAll(() => server.close());

// ChatOpenAI sends no `seed` field of its own: the seed goes through modelKwargs.
function chat(fields: ConstructorParameters<typeof ChatOpenAI>[0] = {}) {
  return new ChatOpenAI({
    model: 'ck-local-ngram',
    apiKey: 'unused',
    configuration: { baseURL: server.url },
    maxRetries: 0,
    useResponsesApi: false,
    ...fields,
  });
}

async function streamed(model: ChatOpenAI | ReturnType<ChatOpenAI['bindTools']>, prompt: string) {
  let whole: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(prompt)) whole = whole ? whole.concat(chunk) : chunk;
  return whole as AIMessageChunk;
}

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  },
};

describe("LangChain's ChatOpenAI", () => {
  it('invokes and streams the same text for a seed, with usage', async () => {
    const model = chat({ modelKwargs: { seed: 4 }, maxTokens: 60 });
    const invoked = await model.invoke('Describe a readable stream.');
    expect(String(invoked.content).length).toBeGreaterThan(20);
    expect(invoked.usage_metadata?.output_tokens).toBeGreaterThan(0);
    const whole = await streamed(
      chat({ modelKwargs: { seed: 4 }, maxTokens: 60, streamUsage: true }),
      'Describe a readable stream.',
    );
    expect(whole.content).toBe(invoked.content);
    expect(whole.usage_metadata?.output_tokens).toBe(invoked.usage_metadata?.output_tokens);
  });

  it('calls a bound tool with schema-valid arguments, streamed or not', async () => {
    const model = chat({ modelKwargs: { seed: 2 } }).bindTools([weather]);
    const invoked = await model.invoke('What is the weather in "Oslo"?');
    const call = invoked.tool_calls?.[0];
    expect(call?.name).toBe('get_weather');
    expect(call?.args).toMatchObject({ city: 'Oslo' });
    expect(['celsius', 'fahrenheit']).toContain(call?.args.unit);
    expect(invoked.response_metadata.finish_reason).toBe('tool_calls');
    const whole = await streamed(model, 'What is the weather in "Oslo"?');
    expect(whole.tool_calls?.[0]?.args).toEqual(call?.args);
  });

  it('gives structured output that parses against the schema', async () => {
    const model = chat({ modelKwargs: { seed: 9 } }).withStructuredOutput(weather.function.parameters, {
      name: 'weather',
      method: 'jsonSchema',
    });
    const output = (await model.invoke('Give me a city and a unit.')) as { city: unknown; unit: unknown };
    expect(typeof output.city).toBe('string');
    expect(['celsius', 'fahrenheit']).toContain(output.unit);
  });

  // ChatOpenAI's Chat Completions converter drops `annotations` (only its Responses converter reads
  // url_citation): what reaches a LangChain user is the text, whose inline links each citation spans.
  it('carries a web-search answer with every cited link in its text', async () => {
    const model = chat({ modelKwargs: { seed: 3, web_search_options: {} } });
    const invoked = await model.invoke('What is new about streams?');
    const direct = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: [{ role: 'user', content: 'What is new about streams?' }],
      seed: 3,
      web_search_options: {},
    });
    const expected = direct.choices[0]?.message.annotations ?? [];
    expect(expected.length).toBeGreaterThan(1);
    expect(invoked.content).toBe(direct.choices[0]?.message.content);
    for (const annotation of expected) {
      const { start_index, end_index, url } = annotation.url_citation;
      expect([...String(invoked.content)].slice(start_index, end_index).join('')).toContain(url);
    }
  });

  it('returns n = 2 generations', async () => {
    const result = await chat({ n: 2, maxTokens: 20, modelKwargs: { seed: 6 } }).generate([
      ['human', 'Name a stream method.'],
    ]);
    expect(result.generations[0]).toHaveLength(2);
  });

  it('passes logprobs through response metadata', async () => {
    const invoked = await chat({ logprobs: true, topLogprobs: 3, maxTokens: 12 }).invoke('What is a reader?');
    const logprobs = invoked.response_metadata.logprobs as { content: { token: string; top_logprobs: unknown[] }[] };
    expect(logprobs.content.map((entry) => entry.token).join('')).toBe(invoked.content);
    for (const entry of logprobs.content) expect(entry.top_logprobs).toHaveLength(3);
  });

  it('stores completions with metadata, each listed once', async () => {
    const tag = `langchain-${Date.now()}`;
    const model = chat({ maxTokens: 8, modelKwargs: { store: true, metadata: { suite: tag } } });
    const ids: string[] = [];
    for (const index of [1, 2, 3]) ids.push((await model.invoke(`Stored question ${index}`)).id as string);
    const listed: string[] = [];
    for await (const item of openaiFor(server).chat.completions.list({ metadata: { suite: tag }, limit: 2 }))
      listed.push(item.id);
    expect([...listed].sort()).toEqual([...ids].sort());
  });
});
