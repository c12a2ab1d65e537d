export type { ConversationTurn, UseConversationResult } from './conversation/use-conversation.ts';
export { useConversation } from './conversation/use-conversation.ts';
export type { ChatCompletionMutationSettings, StoredPage } from './options.ts';
export {
  chatCompletionMutationOptions,
  completionKeys,
  storedCompletionMessagesInfiniteOptions,
  storedCompletionOptions,
  storedCompletionsInfiniteOptions,
} from './options.ts';
export type { ChatCompletionsProviderProps } from './provider.tsx';
export { ChatCompletionsProvider, useChatCompletionsClient } from './provider.tsx';
export {
  deleteStoredCompletionMutationOptions,
  updateStoredCompletionMutationOptions,
} from './stored-mutation-options.ts';
export type {
  CompletionStreamActions,
  CompletionStreamState,
  CompletionStreamStore,
  NotifyEvery,
  StreamCallbacks,
} from './stream-store.ts';
export type { UseChatCompletionOptions, UseChatCompletionResult } from './use-chat-completion.ts';
export { useChatCompletion } from './use-chat-completion.ts';
export type { UseCompletionRunOptions, UseCompletionRunResult } from './use-completion-run.ts';
export { useCompletionRun } from './use-completion-run.ts';
export type { UseCompletionStreamOptions, UseCompletionStreamResult } from './use-completion-stream.ts';
export { useCompletionChoice, useCompletionStream } from './use-completion-stream.ts';
export { useStoredCompletion, useStoredCompletionMessages, useStoredCompletions } from './use-stored-completions.ts';
export { useDeleteStoredCompletion, useUpdateStoredCompletion } from './use-stored-mutations.ts';
