export type {
  ChatCompletionsClient,
  ChatCompletionsClientOptions,
  ChatCompletionsResource,
  RequestOptions,
} from './client/create-client.ts';
export { createChatCompletionsClient } from './client/create-client.ts';
export type { ErrorDetails, ErrorKind } from './client/errors.ts';
export { apiErrorFromBody, ChatCompletionsError, errorAdvice, isChatCompletionsError } from './client/errors.ts';
export { parseJson } from './client/json.ts';
export type { EndpointOptions, Provider } from './client/providers.ts';
export { targetFor } from './client/providers.ts';
export type { ResponseInfo, RetryInfo } from './client/request.ts';
export { responseInfo } from './client/request.ts';
export { isRetryableStatus, retryAfterMs, retryDelayMs } from './client/retry.ts';
export type {
  Conversation,
  ConversationActions,
  ConversationOptions,
  ConversationParams,
  ConversationState,
} from './conversation/create-conversation.ts';
export { createConversation } from './conversation/create-conversation.ts';
export type { SavedConversation, SavedError, SavedTurn } from './conversation/saved-tree.ts';
export { readSavedConversation, saveConversation } from './conversation/saved-tree.ts';
export type { AnswerChoice, CompletionRecord, TurnNode, TurnTree } from './conversation/tree.ts';
export { activePath, siblingsOf } from './conversation/tree.ts';
export type { SavedConversationCheck } from './conversation/validate-saved.ts';
export { checkSavedConversation } from './conversation/validate-saved.ts';
export { paramLimits } from './params.ts';
export { completionKeys } from './query-keys.ts';
export type { MetadataIssue } from './stored/metadata.ts';
export { assertValidMetadata, metadataLimits, validateMetadata } from './stored/metadata.ts';
export type { CursorPageBody, MessagesQuery, StoredListQuery } from './stored/pagination.ts';
export { CursorPage, listSearchParams, nextCursor } from './stored/pagination.ts';
export { accumulateChunk } from './stream/accumulate-chunk.ts';
export type { ChatCompletionStreamOptions } from './stream/chat-completion-stream.ts';
export { ChatCompletionStream } from './stream/chat-completion-stream.ts';
export type { CompletionRun, CompletionRunOptions, NotifyEvery, RunState } from './stream/completion-run.ts';
export { createCompletionRun } from './stream/completion-run.ts';
export { finalizeSnapshot, inferFinishReason } from './stream/finalize.ts';
export { isRunning } from './stream/run-status.ts';
export type { EventSourceMessage, ReadEventsOptions } from './stream/sse.ts';
export { readEvents } from './stream/sse.ts';
export type * from './types.ts';
