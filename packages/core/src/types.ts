/**
 * Wire types come from the `openai` package as types only: no runtime byte of it reaches a bundle.
 * The kit's own types (snapshots, stream status, request options) sit beside them.
 */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  ChatCompletionTokenLogprob,
} from 'openai/resources/chat/completions';

export type {
  ChatCompletion,
  ChatCompletionAudio,
  ChatCompletionAudioParam,
  ChatCompletionChunk,
  ChatCompletionContentPart,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionDeleted,
  ChatCompletionListParams,
  ChatCompletionMessage,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionRole,
  ChatCompletionStoreMessage,
  ChatCompletionTokenLogprob,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
  ChatCompletionUpdateParams,
} from 'openai/resources/chat/completions';
export type { CompletionUsage } from 'openai/resources/completions';

export type FinishReason = ChatCompletion.Choice['finish_reason'];
export type UrlCitationAnnotation = ChatCompletionMessage.Annotation;

/** Stored-completion metadata: up to 16 string pairs (keys <= 64, values <= 512 characters). */
export type Metadata = Record<string, string>;

/**
 * Where a request is in its life: the one status vocabulary of the kit (runs, stores, hooks, the
 * components' `data-status`). `submitted`: sent, no answer yet; `incomplete`: the body ended without
 * `[DONE]` and without a finish_reason; `aborted`: stopped by the caller (what arrived is kept).
 */
export type RunStatus = 'idle' | 'submitted' | 'streaming' | 'done' | 'error' | 'aborted' | 'incomplete';

/** Where a stream is once its headers arrived. */
export type StreamStatus = Exclude<RunStatus, 'idle' | 'submitted'>;

/** A delta as it arrives on the real wire: `annotations` streams although the spec omits it. */
export type ChunkDelta = ChatCompletionChunk.Choice.Delta & { annotations?: UrlCitationAnnotation[] };

/**
 * A chunk as the real wire sends it: audio chunks often lack `choices`, Azure's filter chunk lacks
 * `delta`, and providers add keys of their own (kept on the snapshot, see accumulateChunk).
 */
export interface WireChunk extends Omit<ChatCompletionChunk, 'choices' | 'object'> {
  object?: string;
  choices?: WireChunkChoice[];
  [key: string]: unknown;
}

export interface WireChunkChoice extends Omit<ChatCompletionChunk.Choice, 'delta' | 'finish_reason'> {
  delta?: ChunkDelta;
  finish_reason?: FinishReason | null;
  [key: string]: unknown;
}

export interface SnapshotFunctionToolCall {
  index: number;
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface SnapshotCustomToolCall {
  index: number;
  id: string;
  type: 'custom';
  custom: { name: string; input: string };
}

export type SnapshotToolCall = SnapshotFunctionToolCall | SnapshotCustomToolCall;

export interface SnapshotAudio {
  id?: string;
  transcript?: string;
  data?: string;
  expires_at?: number;
}

export interface SnapshotLogprobs {
  content: ChatCompletionTokenLogprob[] | null;
  refusal: ChatCompletionTokenLogprob[] | null;
}

export interface SnapshotMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: SnapshotToolCall[];
  function_call?: { name: string; arguments: string };
  audio?: SnapshotAudio;
  annotations?: UrlCitationAnnotation[];
}

export interface SnapshotChoice {
  /** Which choice this is (0 to n-1, with n > 1 in the request). */
  index: number;
  /** The message so far: content, refusal, tool calls, audio and annotations, each merged across chunks. */
  message: SnapshotMessage;
  /** Token logprobs so far (content and refusal), when the request asked for them. */
  logprobs: SnapshotLogprobs | null;
  /** Why the choice ended; null while it streams. */
  finish_reason: FinishReason | null;
  [key: string]: unknown;
}

/**
 * The completion accumulated so far. Shaped like a `ChatCompletion`, but a choice may have no
 * finish_reason yet and tool calls keep their stream `index` until `finalizeSnapshot`.
 */
export interface ChatCompletionSnapshot {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: SnapshotChoice[];
  usage?: ChatCompletion['usage'];
  system_fingerprint?: string;
  service_tier?: ChatCompletion['service_tier'];
  [key: string]: unknown;
}

/** Figures a stream records as it goes. Times are milliseconds from `performance.now()`. */
export interface StreamTimings {
  startedAt: number;
  /** Arrival of the first chunk carrying content, refusal, tool-call, audio or function text. */
  firstTokenAt: number | null;
  lastChunkAt: number | null;
  chunkCount: number;
  /** Milliseconds from the request to the first token, or null before it arrives. */
  timeToFirstTokenMs: number | null;
  /** Completion tokens (from usage when sent, else counted chunks with text) per second after the first token. */
  tokensPerSecond: number | null;
}
