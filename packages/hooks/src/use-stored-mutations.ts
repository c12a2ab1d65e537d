import {
  assertValidMetadata,
  type ChatCompletion,
  type ChatCompletionDeleted,
  type ChatCompletionsError,
  completionKeys,
  type Metadata,
} from '@completions-kit/core';
import { type InfiniteData, type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { StoredPage } from './options.ts';
import { useChatCompletionsClient } from './provider.tsx';

type ListData = InfiniteData<StoredPage<ChatCompletion>, string | undefined>;
type Snapshot = { detail: ChatCompletion | undefined; lists: [QueryKey, ListData | undefined][] };

/** Saves what an optimistic change touches, so an error can put it all back. */
async function remember(queryClient: QueryClient, id: string): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: completionKeys.stored() });
  return {
    detail: queryClient.getQueryData<ChatCompletion>(completionKeys.detail(id)),
    lists: queryClient.getQueriesData<ListData>({ queryKey: completionKeys.lists() }),
  };
}

function restore(queryClient: QueryClient, id: string, snapshot: Snapshot | undefined): void {
  if (!snapshot) return;
  queryClient.setQueryData(completionKeys.detail(id), snapshot.detail);
  for (const [key, data] of snapshot.lists) queryClient.setQueryData(key, data);
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
 * back if the server refuses.
 */
export function useUpdateStoredCompletion() {
  const client = useChatCompletionsClient();
  const queryClient = useQueryClient();
  return useMutation<ChatCompletion, ChatCompletionsError, { id: string; metadata: Metadata }, Snapshot>({
    mutationFn: ({ id, metadata }) => client.chat.completions.update(id, { metadata }),
    onMutate: async ({ id, metadata }) => {
      assertValidMetadata(metadata);
      const snapshot = await remember(queryClient, id);
      const withMetadata = (completion: ChatCompletion) => ({ ...completion, metadata }) as ChatCompletion;
      queryClient.setQueryData<ChatCompletion>(completionKeys.detail(id), (old) => old && withMetadata(old));
      patchLists(queryClient, (items) => items.map((item) => (item.id === id ? withMetadata(item) : item)));
      return snapshot;
    },
    onError: (_error, { id }, snapshot) => restore(queryClient, id, snapshot),
    onSuccess: (completion, { id }) => {
      queryClient.setQueryData(completionKeys.detail(id), completion);
      patchLists(queryClient, (items) => items.map((item) => (item.id === id ? completion : item)));
    },
  });
}

/** Deletes a stored completion: gone from every loaded list at once, back if the server refuses. */
export function useDeleteStoredCompletion() {
  const client = useChatCompletionsClient();
  const queryClient = useQueryClient();
  return useMutation<ChatCompletionDeleted, ChatCompletionsError, { id: string }, Snapshot>({
    mutationFn: ({ id }) => client.chat.completions.delete(id),
    onMutate: async ({ id }) => {
      const snapshot = await remember(queryClient, id);
      patchLists(queryClient, (items) => items.filter((item) => item.id !== id));
      return snapshot;
    },
    onError: (_error, { id }, snapshot) => restore(queryClient, id, snapshot),
    onSuccess: (_deleted, { id }) => {
      queryClient.removeQueries({ queryKey: completionKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: completionKeys.lists() });
    },
  });
}
