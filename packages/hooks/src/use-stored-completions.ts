import type { ChatCompletion, ChatCompletionStoreMessage, MessagesQuery, StoredListQuery } from '@completions-kit/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  storedCompletionMessagesInfiniteOptions,
  storedCompletionOptions,
  storedCompletionsInfiniteOptions,
} from './options.ts';
import { useChatCompletionsClient } from './provider.tsx';

/**
 * Stored completions, page by page (newest first by default on the real API), with the items of
 * every loaded page flattened into `items`.
 *
 * @example
 * const { items, fetchNextPage, hasNextPage } = useStoredCompletions({ metadata: { project: 'demo' } });
 */
export function useStoredCompletions(query: StoredListQuery = {}) {
  const client = useChatCompletionsClient();
  const result = useInfiniteQuery(storedCompletionsInfiniteOptions(client, query));
  const items = useMemo<ChatCompletion[]>(() => result.data?.pages.flatMap((page) => page.data) ?? [], [result.data]);
  return { ...result, items };
}

/** One stored completion; a 404 right after storing is retried briefly. Disabled without an id. */
export function useStoredCompletion(id: string | undefined) {
  const client = useChatCompletionsClient();
  return useQuery({ ...storedCompletionOptions(client, id ?? ''), enabled: !!id });
}

/** The request messages of a stored completion, page by page, flattened into `items`. */
export function useStoredCompletionMessages(id: string | undefined, query: MessagesQuery = {}) {
  const client = useChatCompletionsClient();
  const result = useInfiniteQuery({
    ...storedCompletionMessagesInfiniteOptions(client, id ?? '', query),
    enabled: !!id,
  });
  const items = useMemo<ChatCompletionStoreMessage[]>(
    () => result.data?.pages.flatMap((page) => page.data) ?? [],
    [result.data],
  );
  return { ...result, items };
}
