import type { ChatCompletion } from '@completions-kit/core';
import type { CreateRequest } from '../validation/create-params.ts';
import type { CompletionStore } from './completion-store.ts';

/** Stores a finished completion with the request that made it, so /messages and "open again" work. */
export async function storeCompletion(
  store: CompletionStore,
  create: CreateRequest,
  completion: ChatCompletion,
): Promise<void> {
  const { messages: _messages, ...params } = create.body;
  await store.insert({
    id: completion.id,
    created: completion.created,
    model: completion.model,
    metadata: create.metadata,
    request: { messages: create.messages, params },
    response: completion,
  });
}
