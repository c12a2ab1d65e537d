import type { MessagesQuery, StoredListQuery } from './stored/pagination.ts';

const all = ['completions-kit'] as const;

/**
 * Query keys for stored completions, from broad to narrow, so one `invalidateQueries` call can reach
 * every list (`lists()`), one completion and its messages (`detail(id)`), or everything (`all`).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: completionKeys.lists() });
 */
export const completionKeys = {
  all,
  stored: () => [...all, 'stored'] as const,
  lists: () => [...all, 'stored', 'list'] as const,
  list: (query: StoredListQuery = {}) => [...all, 'stored', 'list', query] as const,
  details: () => [...all, 'stored', 'detail'] as const,
  detail: (id: string) => [...all, 'stored', 'detail', id] as const,
  messages: (id: string, query: MessagesQuery = {}) => [...all, 'stored', 'detail', id, 'messages', query] as const,
};
