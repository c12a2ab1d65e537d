import { createChatCompletionsClient } from '@completions-kit/core';
import { createConversationStore } from '@completions-kit/hooks';

// The local server answers any model name with its built-in model; a real provider behind it (see
// the README) answers with the model named here.
export const model = 'gpt-4o-mini';

// Same-origin /v1: the dev server and `vite preview` forward it to the completions server.
const client = createChatCompletionsClient({ baseURL: `${location.origin}/v1` });

export const conversation = createConversationStore({
  client: () => client,
  params: () => ({ model, max_completion_tokens: 400 }),
});
