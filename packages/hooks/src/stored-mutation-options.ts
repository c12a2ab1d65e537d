import {
  assertValidMetadata,
  type ChatCompletion,
  type ChatCompletionDeleted,
  type ChatCompletionsClient,
  type ChatCompletionsError,
  completionKeys,
  type Metadata,
} from '@completions-kit/core';
import { type InfiniteData, mutationOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { StoredPage } from './options.ts';

type ListData = InfiniteData<StoredPage<ChatCompletion>, string | undefined>;
type Saved = { detail: ChatCompletion | undefined; lists: [QueryKey, ListData | undefined][] };

/** Saves what an optimistic change touches, so an error can put it all back. */
async function remember(queryClient: QueryClient, id: string): Promise<Saved> {
  await queryClient.cancelQueries({ queryKey: completionKeys.stored() });
  return {
    detail: queryClient.getQueryData<ChatCompletion>(completionKeys.detail(id)),
    lists: queryClient.getQueriesData<ListData>({ queryKey: completionKeys.lists() }),
  };
}

function restore(queryClient: QueryClient, id: string, saved: Saved | undefined): void {
  if (!saved) return;
  queryClient.setQueryData(completionKeys.detail(id), saved.detail);
  for (const [key, data] of saved.lists) queryClient.setQueryData(key, data);
}

function patchLists(queryClient: QueryClient, change: (items: ChatCompletion[]) => ChatCompletion[]): void {
  queryClient.setQueriesData<ListData>(
    { queryKey: completionKeys.lists() },
    (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, data: change(page.data) })) },
  );
}

/**
 * Replaces a stored completion's metadata. Checked against the API's limits first (a bad value
 * fails at once, with nothing sent); shown at once in the detail and every loaded list page; put
 * back if the server refuses. What `useUpdateStoredCompletion` uses.
 */
export function updateStoredCompletionMutationOptions(client: ChatCompletionsClient, queryClient: QueryClient) {
  const replace = (id: string, next: (item: ChatCompletion) => ChatCompletion) => {
    queryClient.setQueryData<ChatCompletion>(completionKeys.detail(id), (old) => old && next(old));
    patchLists(queryClient, (items) => items.map((item) => (item.id === id ? next(item) : item)));
  };
  return mutationOptions<ChatCompletion, ChatCompletionsError, { id: string; metadata: Metadata }, Saved>({
    mutationKey: [...completionKeys.stored(), 'update'],
    mutationFn: ({ id, metadata }) => client.chat.completions.update(id, { metadata }),
    onMutate: async ({ id, metadata }) => {
      assertValidMetadata(metadata);
      const saved = await remember(queryClient, id);
      replace(id, (completion) => ({ ...completion, metadata }) as ChatCompletion);
      return saved;
    },
    onError: (_error, { id }, saved) => restore(queryClient, id, saved),
    onSuccess: (completion, { id }) => {
      queryClient.setQueryData(completionKeys.detail(id), completion);
      patchLists(queryClient, (items) => items.map((item) => (item.id === id ? completion : item)));
    },
  });
}

/** Deletes a stored completion: gone from every loaded list at once, back if the server refuses. */
export function deleteStoredCompletionMutationOptions(client: ChatCompletionsClient, queryClient: QueryClient) {
  return mutationOptions<ChatCompletionDeleted, ChatCompletionsError, { id: string }, Saved>({
    mutationKey: [...completionKeys.stored(), 'delete'],
    mutationFn: ({ id }) => client.chat.completions.delete(id),
    onMutate: async ({ id }) => {
      const saved = await remember(queryClient, id);
      patchLists(queryClient, (items) => items.filter((item) => item.id !== id));
      return saved;
    },
    onError: (_error, { id }, saved) => restore(queryClient, id, saved),
    onSuccess: (_deleted, { id }) => {
      queryClient.removeQueries({ queryKey: completionKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: completionKeys.lists() });
    },
  });
}
