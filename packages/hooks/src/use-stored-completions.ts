import type { ChatCompletion, ChatCompletionStoreMessage, MessagesQuery, StoredListQuery } from '@completions-kit/core';
import { type InfiniteData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type StoredPage,
  storedCompletionMessagesInfiniteOptions,
  storedCompletionOptions,
  storedCompletionsInfiniteOptions,
} from './options.ts';
import { useChatCompletionsClient } from './provider.tsx';

const flattened = new WeakMap<object, unknown[]>();

/**
 * Adds `items` (every loaded page's items, one array per `data`) as a getter. Spreading the result
 * would read every field and so subscribe the component to all of them; a getter keeps TanStack's
 * tracked properties: a component that reads `items` and `status` ignores `isFetching` changes.
 */
function withItems<Result extends { data: InfiniteData<StoredPage<Item>, unknown> | undefined }, Item>(
  result: Result,
): Result & {
  /** Every loaded page's items in one array (the same array until a page loads). */
  readonly items: Item[];
} {
  return Object.defineProperty(result, 'items', {
    enumerable: true,
    get() {
      const data = result.data;
      if (!data) return [];
      let items = flattened.get(data);
      if (!items) {
        items = data.pages.flatMap((page) => page.data);
        flattened.set(data, items);
      }
      return items;
    },
  }) as Result & { readonly items: Item[] };
}

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
  return withItems<typeof result, ChatCompletion>(result);
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
  return withItems<typeof result, ChatCompletionStoreMessage>(result);
}
