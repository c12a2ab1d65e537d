import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionSnapshot,
  ChatCompletionsClient,
  ChatCompletionsError,
  NotifyEvery,
  RunStatus,
} from '@completions-kit/core';
import type { StoreApi } from 'zustand/vanilla';
import type { TurnTree } from './tree.ts';

export type ConversationParams = Omit<ChatCompletionCreateParamsNonStreaming, 'messages' | 'stream'>;

export interface ConversationState {
  /** Every turn and every branch (edits, regenerations); `activePath(tree)` is the branch on screen. */
  readonly tree: TurnTree;
  /** Where the latest answer is: `submitted`, `streaming`, then `done`, `error`, `aborted` or `incomplete`. */
  readonly runStatus: RunStatus;
  /** @deprecated Use `runStatus`: `running` is `submitted` or `streaming`; `error` is `error` or `incomplete`. */
  readonly status: 'idle' | 'running' | 'error';
  /** The typed error of the latest answer, when it failed. */
  readonly error: ChatCompletionsError | undefined;
  /** With n > 1, the choices waiting for `pickChoice`. */
  readonly choices: ChatCompletion['choices'] | undefined;
  /** The assistant turn being streamed, before it joins the tree. */
  readonly streaming: ChatCompletionSnapshot | undefined;
}

export interface ConversationActions {
  /** Adds a user turn (text or content parts) and runs the model. A live answer stops first and keeps what arrived. */
  send(content: string | ChatCompletionContentPart[]): Promise<void>;
  /** Runs the model on the active branch. */
  run(): Promise<void>;
  /** Makes choice `index` of an n > 1 answer the assistant turn. */
  pickChoice(index: number): void;
  /** Answers a tool call; once every call of the last assistant turn has an answer, runs again. */
  answerToolCall(toolCallId: string, content: string): Promise<void>;
  /** A new answer to the same question, kept beside the old one. */
  regenerate(): Promise<void>;
  /** Replaces a turn with new content as a new branch (the old branch stays reachable), then runs. */
  edit(id: string, content: string | ChatCompletionContentPart[]): Promise<void>;
  /** Shows the next (1) or previous (-1) alternative of a turn. */
  switchBranch(id: string, step: 1 | -1): void;
  /** Stops the live answer; what arrived joins the tree at once. */
  stop(): void;
  /** Stops any live answer and empties the conversation. */
  clear(): void;
}

export type ConversationStore = StoreApi<ConversationState & ConversationActions>;

export interface ConversationOptions {
  client: () => ChatCompletionsClient;
  /** Model and settings for every run. */
  params: () => ConversationParams;
  /** Stream answers (default) or ask for them whole. */
  stream?: boolean;
  /** How often `streaming` updates while an answer arrives. Default: once per animation frame. */
  notify?: NotifyEvery;
  /** Keep the tree in localStorage under this name. Only the tree is saved: never a key or a client. */
  persistAs?: string;
}
