import { ChatCompletionStream } from '@completions-kit/core';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { kitFor, openaiFor, startTestServer, user } from './test-support/servers.ts';
import { specErrors } from './test-support/spec.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function rawChunks(
  body: Record<string, unknown>,
): Promise<{ chunks: Record<string, unknown>[]; bytes: Uint8Array<ArrayBuffer> }> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const events = new TextDecoder().decode(bytes).split('\n\n').filter(Boolean);
  expect(events.at(-1)).toBe('data: [DONE]');
  return { chunks: events.slice(0, -1).map((event) => JSON.parse(event.replace(/^data: /, ''))), bytes };
}

describe('the server speaks the API, checked with the official openai client and the spec', () => {
  it('creates a completion that conforms to CreateChatCompletionResponse', async () => {
    const completion = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('Describe a readable stream.'),
      logprobs: true,
      top_logprobs: 3,
      n: 2,
      max_completion_tokens: 40,
      seed: 7,
    });
    expect(specErrors('CreateChatCompletionResponse', completion)).toEqual([]);
    expect(completion.choices).toHaveLength(2);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('streams chunks that each conform to CreateChatCompletionStreamResponse, usage last', async () => {
    const { chunks } = await rawChunks({
      model: 'ck-local-ngram',
      messages: user('Hello'),
      logprobs: true,
      top_logprobs: 2,
      max_completion_tokens: 20,
      stream_options: { include_usage: true },
    });
    for (const chunk of chunks) expect(specErrors('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
    expect(chunks.every((chunk) => typeof chunk.obfuscation === 'string')).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: expect.any(Number) } });
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it('leaves obfuscation out when include_obfuscation is false', async () => {
    const { chunks } = await rawChunks({
      model: 'm',
      messages: user('Hi'),
      max_completion_tokens: 5,
      stream_options: { include_obfuscation: false },
    });
    expect(chunks.some((chunk) => 'obfuscation' in chunk)).toBe(false);
  });

  it("gives the same final completion through the kit's accumulator and the openai helper", async () => {
    const body = {
      model: 'ck-local-ngram',
      messages: user('Explain buffers.'),
      n: 2,
      logprobs: true,
      top_logprobs: 2,
      max_completion_tokens: 30,
      stream_options: { include_usage: true },
    };
    const { bytes } = await rawChunks(body);
    const ours = await new ChatCompletionStream(new Response(bytes)).finalCompletion();
    // The helper reads the very bytes the kit read, replayed by its own fetch.
    const replay = new OpenAI({
      apiKey: 'x',
      baseURL: server.url,
      fetch: async () => new Response(bytes, { headers: { 'content-type': 'text/event-stream' } }),
    });
    const theirs = await replay.chat.completions.stream(body).finalChatCompletion();
    const strip = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (key, item) => (key === 'parsed' ? undefined : item)));
    expect(strip(ours)).toEqual(strip(theirs));
  });

  it('stores with store: true and serves list, retrieve, update, messages and delete in the spec shapes', async () => {
    const openai = openaiFor(server);
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: 'Name a ' },
          { type: 'text' as const, text: 'colour.' },
        ],
      },
    ];
    const created = await openai.chat.completions.create({
      model: 'ck-local-ngram',
      messages,
      store: true,
      metadata: { suite: 'conformance' },
      max_completion_tokens: 10,
    });
    const list = await openai.chat.completions.list({ metadata: { suite: 'conformance' } });
    expect(
      specErrors('ChatCompletionList', {
        object: 'list',
        data: list.data,
        first_id: list.data[0]?.id,
        last_id: list.data.at(-1)?.id,
        has_more: list.has_more,
      }),
    ).toEqual([]);
    expect(list.data.map((item) => item.id)).toContain(created.id);
    const retrieved = await openai.chat.completions.retrieve(created.id);
    expect(specErrors('CreateChatCompletionResponse', retrieved)).toEqual([]);
    expect(retrieved.choices[0]?.message.content).toBe(created.choices[0]?.message.content);
    const updated = await openai.chat.completions.update(created.id, {
      metadata: { suite: 'conformance', checked: 'yes' },
    });
    expect(updated.metadata).toEqual({ suite: 'conformance', checked: 'yes' });
    const page = await openai.chat.completions.messages.list(created.id);
    expect(page.data.map((message) => [message.id, message.role, message.content])).toEqual([
      [`${created.id}-0`, 'system', 'Be brief.'],
      [`${created.id}-1`, 'user', 'Name a colour.'],
    ]);
    expect(page.data[1]?.content_parts).toEqual([
      { type: 'text', text: 'Name a ', image_url: null, input_audio: null, file: null },
      { type: 'text', text: 'colour.', image_url: null, input_audio: null, file: null },
    ]);
    const deleted = await openai.chat.completions.delete(created.id);
    expect(specErrors('ChatCompletionDeleted', deleted)).toEqual([]);
    await expect(openai.chat.completions.retrieve(created.id)).rejects.toMatchObject({
      status: 404,
      param: 'completion_id',
      code: 'not_found',
    });
  });

  it('does not store without store: true', async () => {
    const completion = await kitFor(server).create({
      model: 'm',
      messages: user('Not kept'),
      max_completion_tokens: 3,
    });
    await expect(kitFor(server).retrieve(completion.id)).rejects.toMatchObject({ status: 404 });
  });

  it('lists newest first by default (the real API), oldest first with order=asc, and pages by after', async () => {
    const kit = kitFor(server);
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push(
        (
          await kit.create({
            model: 'm',
            messages: user(`n${index}`),
            store: true,
            metadata: { batch: 'order' },
            max_completion_tokens: 2,
          })
        ).id,
      );
    }
    const newest = await kit.list({ metadata: { batch: 'order' }, limit: 2 });
    expect(newest.data.map((item) => item.id)).toEqual([ids[4], ids[3]]);
    expect(newest.has_more).toBe(true);
    const all: string[] = [];
    for await (const item of await kit.list({ metadata: { batch: 'order' }, order: 'asc', limit: 2 }))
      all.push(item.id);
    expect(all).toEqual(ids);
    const empty = await kit.list({ metadata: { batch: 'none' } });
    expect(JSON.parse(JSON.stringify(empty))).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
  });

  it('lists its model and answers health', async () => {
    const models = await openaiFor(server).models.list();
    expect(models.data.map((model) => model.id)).toEqual(['ck-local-ngram']);
    const health = await (await fetch(`${server.origin}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', engine: 'local', storage: 'pglite' });
  });
});
