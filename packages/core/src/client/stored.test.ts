import { afterEach, describe, expect, it } from 'vitest';
import { haveFixtures, readFixture, readFixtureText } from '../test-support/fixtures.ts';
import type { TestServer } from '../test-support/http-server.ts';
import { startRecordedServer } from '../test-support/recorded-server.ts';
import type { ChatCompletion } from '../types.ts';
import { createChatCompletionsClient } from './create-client.ts';
import { ChatCompletionsError } from './errors.ts';
import { parseJson } from './json.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(names: string[]) {
  server = await startRecordedServer(names);
  return createChatCompletionsClient({ baseURL: `${server.url}/v1`, maxRetries: 0 }).chat.completions;
}

describe.skipIf(!haveFixtures())('stored completions against recorded traffic', () => {
  it('lists a page, knows its cursor, and asks for the next one with after=last id', async () => {
    const completions = await clientFor(['dotnet-stored-list-limit2']);
    const page = await completions.list({ limit: 2 });
    const recorded = readFixture<{ last_id: string; has_more: boolean }>('responses/dotnet-stored-list-limit2.json');
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(recorded.has_more);
    expect(page.nextCursor).toBe(recorded.last_id);
    await expect(page.getNextPage()).rejects.toBeInstanceOf(ChatCompletionsError);
    const next = server?.requests.at(-1)?.url.searchParams;
    expect(next?.get('after')).toBe(recorded.last_id);
    expect(next?.get('limit')).toBe('2');
    // Serialized, a page is the wire object again (seeds kept as exact digit strings).
    expect(JSON.parse(JSON.stringify(page))).toEqual(
      parseJson(readFixtureText('responses/dotnet-stored-list-limit2.json')),
    );
  });

  it('filters by metadata with metadata[key]=value', async () => {
    const completions = await clientFor(['dotnet-stored-list-metadata-filter']);
    const key = 'test_scenario_5674a15d52ef475f8c36b9f5e989aadb';
    const page = await completions.list({ limit: 10, metadata: { [key]: 'target_value' } });
    expect(page.data.length).toBeGreaterThan(0);
    for (const item of page.data)
      expect((item as ChatCompletion & { metadata: Record<string, string> }).metadata[key]).toBe('target_value');
  });

  it('passes order through', async () => {
    const completions = await clientFor(['dotnet-stored-list-order-asc', 'dotnet-stored-list-order-desc']);
    const ascending = await completions.list({ limit: 5, order: 'asc' });
    const descending = await completions.list({ limit: 5, order: 'desc' });
    const created = (page: typeof ascending) => page.data.map((item) => item.created);
    expect(created(ascending)).toEqual([...created(ascending)].sort((a, b) => a - b));
    expect(created(descending)).toEqual([...created(descending)].sort((a, b) => b - a));
  });

  it('retrieves a stored completion and keeps its 64-bit seed exact', async () => {
    const completions = await clientFor(['dotnet-stored-get']);
    const stored = (await completions.retrieve('chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe')) as ChatCompletion & {
      seed: unknown;
    };
    expect(stored.id).toBe('chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe');
    expect(stored.seed).toBe('-8132613597486110237');
  });

  it('turns a 404 into a typed error naming completion_id', async () => {
    const completions = await clientFor(['dotnet-stored-get-404-after-delete']);
    const error = await completions
      .retrieve('chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'api', status: 404, code: 'not_found', param: 'completion_id' });
  });

  it('updates metadata, and refuses metadata over the limits before sending anything', async () => {
    const completions = await clientFor(['dotnet-stored-update-metadata']);
    const recorded = readFixture<{ body: { metadata: Record<string, string> } }>(
      'responses/dotnet-stored-update-metadata.request.json',
    );
    const updated = await completions.update('chatcmpl-CGSkWOOnYlFRuspGJ2mTHKWSeQ2Ws', recorded.body);
    expect((updated as ChatCompletion & { metadata: unknown }).metadata).toEqual(recorded.body.metadata);
    expect(JSON.parse(server?.requests[0]?.body ?? '{}')).toEqual(recorded.body);

    const tooMany = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v']));
    await expect(
      completions.update('chatcmpl-CGSkWOOnYlFRuspGJ2mTHKWSeQ2Ws', { metadata: tooMany }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      param: 'metadata',
    });
    await expect(completions.update('chatcmpl-x', { metadata: { key: 'v'.repeat(513) } })).rejects.toMatchObject({
      kind: 'invalid',
      param: 'metadata.key',
    });
    expect(server?.requests).toHaveLength(1);
  });

  it('deletes', async () => {
    const completions = await clientFor(['dotnet-stored-delete']);
    const deleted = await completions.delete('chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe');
    expect(deleted).toEqual({
      object: 'chat.completion.deleted',
      id: 'chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe',
      deleted: true,
    });
  });

  it('lists the request messages, content parts included', async () => {
    const completions = await clientFor(['dotnet-stored-messages-page1']);
    const recordedUrl = new URL(
      readFixture<{ url: string }>('responses/dotnet-stored-messages-page1.request.json').url,
    );
    const id = recordedUrl.pathname.split('/')[4] as string;
    const page = await completions.messages.list(id, { limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.data[0]?.id).toMatch(new RegExp(`^${id}-`));
  });

  it('rejects an empty id without a request and encodes odd ones', async () => {
    const completions = await clientFor(['dotnet-stored-delete']);
    expect(() => completions.retrieve('')).toThrow(ChatCompletionsError);
    await completions.retrieve('a/../b').catch(() => undefined);
    expect(server?.requests.at(-1)?.url.pathname).toBe('/v1/chat/completions/a%2F..%2Fb');
  });
});
