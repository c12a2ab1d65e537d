import { type ChatCompletion, completionKeys, createChatCompletionsClient } from '@completions-kit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { providers, testClient, user } from './test-support/render.tsx';

// A server that answers mutations 300 ms late, so what the cache shows meanwhile can be seen.
const slow = () => providers(testClient({ headers: { 'x-ck-fault': 'delay-ms=300' } }));

import { useStoredCompletion, useStoredCompletionMessages, useStoredCompletions } from './use-stored-completions.ts';
import { useDeleteStoredCompletion, useUpdateStoredCompletion } from './use-stored-mutations.ts';

const run = `hooks-${Math.random().toString(36).slice(2)}`;
const ids: string[] = [];

beforeAll(async () => {
  const kit = createChatCompletionsClient({ baseURL: inject('serverUrl') }).chat.completions;
  for (let index = 0; index < 7; index++) {
    const completion = await kit.create({
      model: 'ck-local-ngram',
      messages: [{ role: 'system', content: 'Short.' }, ...user(`stored ${index}`)],
      store: true,
      metadata: { run, parity: index % 2 ? 'odd' : 'even' },
      max_completion_tokens: 3,
    });
    ids.push(completion.id);
  }
});

const metadataOf = (completion: ChatCompletion | undefined) =>
  (completion as { metadata?: Record<string, string> } | undefined)?.metadata;

describe('stored completions hooks against the local server', () => {
  it('lists with filters and pages to the end', async () => {
    const { wrapper } = providers();
    const { result } = renderHook(() => useStoredCompletions({ metadata: { run }, limit: 3 }), { wrapper });
    await waitFor(() => expect(result.current.items).toHaveLength(3));
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    expect(result.current.items.map((item) => item.id)).toEqual([...ids].reverse());
    const { result: odd } = renderHook(() => useStoredCompletions({ metadata: { run, parity: 'odd' }, order: 'asc' }), {
      wrapper,
    });
    await waitFor(() => expect(odd.current.items.map((item) => item.id)).toEqual([ids[1], ids[3], ids[5]]));
  });

  it('keeps tracked properties: reading items and status, a refetch with the same data renders nothing', async () => {
    const { wrapper, queryClient } = providers();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        const { items, status } = useStoredCompletions({ metadata: { run }, limit: 3 });
        return { items, status };
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(3));
    const settled = renders;
    const items = result.current.items;
    // isFetching goes true then false; data is structurally the same, so it keeps its identity.
    await act(() => queryClient.refetchQueries({ queryKey: completionKeys.lists() }));
    expect(renders).toBe(settled);
    expect(result.current.items).toBe(items);
  });

  it('reads one completion and its request messages', async () => {
    const { wrapper } = providers();
    const { result } = renderHook(
      () => ({ detail: useStoredCompletion(ids[2]), messages: useStoredCompletionMessages(ids[2]) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.detail.data?.id).toBe(ids[2]));
    await waitFor(() =>
      expect(result.current.messages.items.map((message) => message.content)).toEqual(['Short.', 'stored 2']),
    );
  });

  it('updates metadata at once across the detail and every list, and keeps it when the server agrees', async () => {
    const { wrapper, queryClient } = slow();
    const { result } = renderHook(
      () => ({
        list: useStoredCompletions({ metadata: { run } }),
        detail: useStoredCompletion(ids[4]),
        update: useUpdateStoredCompletion(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.items).toHaveLength(7));
    await waitFor(() => expect(result.current.detail.data).toBeDefined());
    const metadata = { run, parity: 'even', reviewed: 'yes' };
    act(() => result.current.update.mutate({ id: ids[4] as string, metadata }));
    // Optimistic: visible while the server has not answered yet.
    await waitFor(() =>
      expect(metadataOf(result.current.list.items.find((item) => item.id === ids[4]))).toEqual(metadata),
    );
    expect(result.current.update.status).toBe('pending');
    expect(metadataOf(queryClient.getQueryData<ChatCompletion>(completionKeys.detail(ids[4] as string)))).toEqual(
      metadata,
    );
    await waitFor(() => expect(result.current.update.status).toBe('success'));
    expect(metadataOf(result.current.detail.data)).toEqual(metadata);
  });

  it('rolls back when the server refuses, and refuses bad metadata before sending anything', async () => {
    const { wrapper } = slow();
    const { result } = renderHook(
      () => ({
        list: useStoredCompletions({ metadata: { run } }),
        update: useUpdateStoredCompletion(),
        remove: useDeleteStoredCompletion(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.items).toHaveLength(7));
    const before = metadataOf(result.current.list.items.find((item) => item.id === ids[0]));
    act(() => result.current.update.mutate({ id: ids[0] as string, metadata: { key: 'v'.repeat(600) } }));
    await waitFor(() => expect(result.current.update.status).toBe('error'));
    expect(result.current.update.error).toMatchObject({ kind: 'invalid', param: 'metadata.key' });
    expect(metadataOf(result.current.list.items.find((item) => item.id === ids[0]))).toEqual(before);

    // A completion the server no longer has: the optimistic change is undone on its 404.
    const kit = createChatCompletionsClient({ baseURL: inject('serverUrl') }).chat.completions;
    await kit.delete(ids[6] as string);
    act(() => result.current.update.mutate({ id: ids[6] as string, metadata: { run, changed: 'yes' } }));
    await waitFor(() =>
      expect(metadataOf(result.current.list.items.find((item) => item.id === ids[6]))).toEqual({ run, changed: 'yes' }),
    );
    await waitFor(() => expect(result.current.update.status).toBe('error'));
    expect(result.current.update.error).toMatchObject({ status: 404 });
    expect(metadataOf(result.current.list.items.find((item) => item.id === ids[6]))).toEqual({ run, parity: 'even' });

    act(() => result.current.remove.mutate({ id: ids[6] as string }));
    await waitFor(() => expect(result.current.list.items.some((item) => item.id === ids[6])).toBe(false));
    await waitFor(() => expect(result.current.remove.status).toBe('error'));
    expect(result.current.list.items.some((item) => item.id === ids[6])).toBe(true);
  });

  it('deletes at once from the list, and for good', async () => {
    const { wrapper } = slow();
    const { result } = renderHook(
      () => ({ list: useStoredCompletions({ metadata: { run } }), remove: useDeleteStoredCompletion() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.items.length).toBeGreaterThan(0));
    const target = result.current.list.items.find((item) => item.id === ids[3]);
    expect(target).toBeDefined();
    act(() => result.current.remove.mutate({ id: ids[3] as string }));
    await waitFor(() => expect(result.current.list.items.some((item) => item.id === ids[3])).toBe(false));
    expect(result.current.remove.status).toBe('pending');
    await waitFor(() => expect(result.current.remove.status).toBe('success'));
    await waitFor(() => expect(result.current.list.isFetching).toBe(false));
    expect(result.current.list.items.some((item) => item.id === ids[3])).toBe(false);
  });
});
