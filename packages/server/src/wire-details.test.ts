import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { openaiFor, startTestServer, user } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { requests: 0, windowMs: 60_000 } });
});
afterAll(() => server.close());

async function chunksOf(body: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', seed: 3, ...body, stream: true }),
  });
  const events = (await response.text()).split('\n\n').filter((event) => event && event !== 'data: [DONE]');
  return events.map((event) => JSON.parse(event.replace(/^data: /, '')));
}

describe('wire details as the real API sends them', () => {
  it("sends a choice's annotations together, in one chunk after its text, so the SDK's stream helper keeps them all", async () => {
    const body = { messages: user('What is new about streams?'), web_search_options: {} };
    const chunks = await chunksOf(body);
    type Delta = { content?: string; annotations?: unknown[] };
    const deltas = chunks.flatMap((chunk) => (chunk.choices as { delta: Delta }[]).map((choice) => choice.delta));
    const withAnnotations = deltas.filter((delta) => delta.annotations);
    expect(withAnnotations).toHaveLength(1);
    expect(withAnnotations[0]?.annotations?.length).toBeGreaterThan(1);
    const at = deltas.indexOf(withAnnotations[0] as Delta);
    expect(deltas.slice(at + 1).some((delta) => delta.content)).toBe(false);

    const stream = openaiFor(server).chat.completions.stream({ model: 'm', seed: 3, ...body } as never);
    const streamed = await stream.finalChatCompletion();
    const plain = await openaiFor(server).chat.completions.create({ model: 'm', seed: 3, ...body } as never);
    expect(streamed.choices[0]?.message.annotations).toEqual(plain.choices[0]?.message.annotations);
  });

  it('ends a call forced by name with stop, and one the model chose (auto, required) with tool_calls', async () => {
    const tools = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
    ];
    const finish = async (tool_choice: unknown, content: string) => {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'm',
        messages: user(content),
        tools,
        tool_choice,
      } as never);
      const chunks = await chunksOf({ messages: user(content), tools, tool_choice });
      const streamed = chunks.flatMap((chunk) =>
        (chunk.choices as { finish_reason: string | null }[]).map((choice) => choice.finish_reason).filter(Boolean),
      );
      expect(streamed).toEqual([completion.choices[0]?.finish_reason]);
      expect(
        (completion.choices[0]?.message.tool_calls?.[0] as { function?: { name: string } } | undefined)?.function?.name,
      ).toBe('get_weather');
      return completion.choices[0]?.finish_reason;
    };
    expect(await finish({ type: 'function', function: { name: 'get_weather' } }, 'Hello.')).toBe('stop');
    expect(await finish('auto', 'What is the weather?')).toBe('tool_calls');
    expect(await finish('required', 'Hello.')).toBe('tool_calls');
  });
});

describe('stored ids a provider gave', () => {
  const ids = ['gen-1764400000-AbCdEfGhIjKlMnOp', '3f2b8c1e-9a4d-4e6b-8f0a-1c2d3e4f5a6b', 'chatcmpl-plain01'];

  it('retrieves, lists, pages after, updates and deletes ids of any prefix', async () => {
    for (const [index, id] of ids.entries()) {
      await server.store.insert({
        id,
        created: 1_700_000_000 + index,
        model: 'upstream-model',
        metadata: { suite: 'ids' },
        request: { messages: user(`Question ${index}`), params: { model: 'upstream-model' } },
        response: {
          id,
          object: 'chat.completion',
          created: 1_700_000_000 + index,
          model: 'upstream-model',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              logprobs: null,
              message: { role: 'assistant', content: 'Answer', refusal: null },
            },
          ],
        },
      });
    }
    const client = openaiFor(server);
    for (const id of ids) expect((await client.chat.completions.retrieve(id)).id).toBe(id);
    const listed: string[] = [];
    for await (const item of client.chat.completions.list({ metadata: { suite: 'ids' }, limit: 1 }))
      listed.push(item.id);
    expect(listed).toEqual([...ids].reverse());
    const messages = await client.chat.completions.messages.list(ids[0] as string);
    expect(messages.data[0]?.id).toBe(`${ids[0]}-0`);
    const updated = await client.chat.completions.update(ids[1] as string, { metadata: { suite: 'ids', seen: 'yes' } });
    expect(updated.metadata).toEqual({ suite: 'ids', seen: 'yes' });
    expect((await client.chat.completions.delete(ids[0] as string)).deleted).toBe(true);
  });

  it('names after in a bad cursor error', async () => {
    const response = await fetch(`${server.url}/chat/completions?after=${encodeURIComponent('not an id!')}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ param: 'after', code: 'invalid_value' });
  });

  it('filters on a metadata key named __proto__', async () => {
    const client = openaiFor(server);
    const tagged = await client.chat.completions.create({
      model: 'm',
      messages: user('Tagged'),
      max_completion_tokens: 3,
      store: true,
      metadata: JSON.parse('{"__proto__": "marked"}'),
    });
    await client.chat.completions.create({
      model: 'm',
      messages: user('Untagged'),
      max_completion_tokens: 3,
      store: true,
    });
    const response = await fetch(`${server.url}/chat/completions?metadata[__proto__]=marked`);
    const page = await response.json();
    expect(page.data.map((item: { id: string }) => item.id)).toEqual([tagged.id]);
  });
});
