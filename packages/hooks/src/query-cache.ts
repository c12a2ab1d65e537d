import { type ChatCompletion, completionKeys } from '@completions-kit/core';
import type { QueryClient } from '@tanstack/react-query';

/** A completion made with `store: true` goes into the detail cache, and stored lists refresh. */
export function cacheStoredCompletion(
  queryClient: QueryClient,
  completion: ChatCompletion,
  params: { store?: boolean | null },
): void {
  if (!params.store) return;
  queryClient.setQueryData(completionKeys.detail(completion.id), completion);
  void queryClient.invalidateQueries({ queryKey: completionKeys.lists() });
}
