import {
  type ChatCompletion,
  type ChatCompletionCreateParamsNonStreaming,
  type ChatCompletionStoreMessage,
  type ChatCompletionsClient,
  type ChatCompletionsError,
  type CursorPageBody,
  completionKeys,
  isChatCompletionsError,
  type MessagesQuery,
  nextCursor,
  type StoredListQuery,
} from '@completions-kit/core';
import { infiniteQueryOptions, mutationOptions, queryOptions } from '@tanstack/react-query';

export { completionKeys };

/** A cached page: the wire body only, so caches stay plain data (patchable, serializable). */
export type StoredPage<Item> = CursorPageBody<Item>;

function plain<Item>(page: CursorPageBody<Item>): StoredPage<Item> {
  return { object: 'list', data: page.data, first_id: page.first_id, last_id: page.last_id, has_more: page.has_more };
}

export interface ChatCompletionMutationSettings {
  /** Called once per mutation for the signal that can abort it. Default: none (the request runs to its end). */
  signal?: () => AbortSignal | undefined;
}

/** Non-streamed create as a mutation; its variables are the request, as in `useChatCompletion`. */
export function chatCompletionMutationOptions(
  client: ChatCompletionsClient,
  settings: ChatCompletionMutationSettings = {},
) {
  return mutationOptions<ChatCompletion, ChatCompletionsError, ChatCompletionCreateParamsNonStreaming>({
    mutationKey: [...completionKeys.all, 'create'],
    mutationFn: (params) => {
      const signal = settings.signal?.();
      return client.chat.completions.create({ ...params, stream: false }, signal ? { signal } : {});
    },
  });
}

/** Stored completions as an infinite query over cursor pages (`after` = the last id). */
export function storedCompletionsInfiniteOptions(client: ChatCompletionsClient, query: StoredListQuery = {}) {
  const { after: _after, ...filters } = query;
  return infiniteQueryOptions({
    queryKey: completionKeys.list(filters),
    queryFn: async ({ pageParam, signal }) =>
      plain(await client.chat.completions.list({ ...filters, ...(pageParam ? { after: pageParam } : {}) }, { signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: StoredPage<ChatCompletion>) => nextCursor(page) ?? undefined,
  });
}

/**
 * One stored completion. Right after a store the real API may answer 404 for a moment, so a 404 is
 * retried briefly (three times, 250 ms apart and growing) before it counts.
 */
export function storedCompletionOptions(client: ChatCompletionsClient, id: string) {
  return queryOptions({
    queryKey: completionKeys.detail(id),
    queryFn: ({ signal }) => client.chat.completions.retrieve(id, { signal }),
    retry: (failures, error) => isChatCompletionsError(error) && error.status === 404 && failures < 3,
    retryDelay: (attempt) => 250 * 2 ** attempt,
  });
}

/** The request messages of a stored completion, as an infinite query. */
export function storedCompletionMessagesInfiniteOptions(
  client: ChatCompletionsClient,
  id: string,
  query: MessagesQuery = {},
) {
  const { after: _after, ...filters } = query;
  return infiniteQueryOptions({
    queryKey: completionKeys.messages(id, filters),
    queryFn: async ({ pageParam, signal }) =>
      plain(
        await client.chat.completions.messages.list(
          id,
          { ...filters, ...(pageParam ? { after: pageParam } : {}) },
          { signal },
        ),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: StoredPage<ChatCompletionStoreMessage>) => nextCursor(page) ?? undefined,
  });
}
