import {
  type ChatCompletion,
  type ChatCompletionContentPart,
  type ChatCompletionCreateParamsNonStreaming,
  type ChatCompletionMessageParam,
  type ChatCompletionSnapshot,
  type ChatCompletionsClient,
  type ChatCompletionsError,
  createCompletionRun,
  finalizeSnapshot,
  type NotifyEvery,
  type RunState,
  type RunStatus,
} from '@completions-kit/core';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { activePath, addTurn, emptyTree, messagesTo, switchSibling, type TurnTree, toolCallsAnswered } from './tree.ts';

export type ConversationParams = Omit<ChatCompletionCreateParamsNonStreaming, 'messages' | 'stream'>;

export interface ConversationState {
  readonly tree: TurnTree;
  /** Where the latest answer is: `submitted`, `streaming`, then `done`, `error`, `aborted` or `incomplete`. */
  readonly runStatus: RunStatus;
  /** @deprecated Use `runStatus`: `running` is `submitted` or `streaming`; `error` is `error` or `incomplete`. */
  readonly status: 'idle' | 'running' | 'error';
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

type Full = ConversationState & ConversationActions;

let counter = 0;
const newId = () => `turn-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const initial: ConversationState = {
  tree: emptyTree,
  runStatus: 'idle',
  status: 'idle',
  error: undefined,
  choices: undefined,
  streaming: undefined,
};

const legacyStatus = (status: RunStatus): ConversationState['status'] =>
  status === 'submitted' || status === 'streaming'
    ? 'running'
    : status === 'error' || status === 'incomplete'
      ? 'error'
      : 'idle';

/** What an answer that ended leaves in the tree: the finished message, or the partial one if any text came. */
function answerOf(state: RunState): ChatCompletionMessageParam | undefined {
  const source = state.completion ?? (state.snapshot && finalizeSnapshot(state.snapshot));
  const message = source?.choices[0]?.message;
  if (!message || (!message.content && !message.tool_calls?.length && !message.refusal && !message.audio)) return;
  return message as ChatCompletionMessageParam;
}

/**
 * A conversation as a tree of turns in the wire format, on zustand: send, stream or not, pick one of
 * n choices, answer tool calls and continue, regenerate, edit an earlier turn keeping the old branch.
 * Each answer is a core run: a new one stops the live one, whose partial answer stays under its own
 * question, so nothing lands on a branch it does not belong to.
 */
export function createConversationStore(options: ConversationOptions): ConversationStore {
  const creator = (set: (patch: Partial<ConversationState>) => void, get: () => Full): Full => {
    let answerParent: string | null = null;
    let choicesParent: string | null = null;
    const leafId = () => activePath(get().tree).at(-1)?.id ?? null;
    const append = (message: ChatCompletionMessageParam, parentId = leafId()) =>
      set({ tree: addTurn(get().tree, parentId, { id: newId(), parentId, message, children: [] }) });

    const runner = createCompletionRun({
      client: options.client,
      notify: options.notify ?? 'frame',
      onFinish(state) {
        const settled = { runStatus: state.status, status: legacyStatus(state.status), streaming: undefined };
        const error = state.status === 'aborted' ? undefined : state.error;
        const choices = state.completion?.choices ?? [];
        if (choices.length > 1) {
          choicesParent = answerParent;
          return set({ ...settled, error, choices });
        }
        const answer = answerOf(state);
        if (answer) append(answer, answerParent);
        set({ ...settled, error });
      },
    });
    runner.subscribe((state) => {
      if (state.status !== 'submitted' && state.status !== 'streaming') return;
      set({ runStatus: state.status, status: 'running', streaming: state.snapshot });
    });

    /** Answers the conversation up to `parentId` (default: the active leaf); the answer becomes its child. */
    const run = async (parentId?: string | null): Promise<void> => {
      runner.stop();
      answerParent = parentId === undefined ? leafId() : parentId;
      set({ error: undefined, choices: undefined, streaming: undefined });
      const messages = messagesTo(get().tree, answerParent);
      await runner.start({ ...options.params(), messages, stream: options.stream !== false });
    };

    return {
      ...initial,
      run: () => run(),
      async send(content) {
        runner.stop();
        append({ role: 'user', content } as ChatCompletionMessageParam);
        await run();
      },
      pickChoice(index) {
        const choice = get().choices?.find((item) => item.index === index);
        if (!choice) return;
        append(choice.message as ChatCompletionMessageParam, choicesParent);
        set({ choices: undefined });
      },
      async answerToolCall(toolCallId, content) {
        runner.stop();
        append({ role: 'tool', tool_call_id: toolCallId, content });
        if (toolCallsAnswered(get().tree)) await run();
      },
      async regenerate() {
        runner.stop();
        const last = activePath(get().tree).at(-1);
        // The new answer goes beside the old one, under the same question.
        await run(last?.message.role === 'assistant' ? last.parentId : (last?.id ?? null));
      },
      async edit(id, content) {
        const node = get().tree.nodes[id];
        if (!node) return;
        runner.stop();
        append({ ...node.message, content } as ChatCompletionMessageParam, node.parentId);
        if (node.message.role === 'user') await run();
      },
      switchBranch(id, step) {
        set({ tree: switchSibling(get().tree, id, step) });
      },
      stop: () => runner.stop(),
      clear() {
        runner.stop();
        set({ ...initial });
      },
    };
  };
  if (!options.persistAs) return createStore<Full>()((set, get) => creator(set, get));
  return createStore<Full>()(
    persist((set, get) => creator(set, get), {
      name: options.persistAs,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ tree: state.tree }),
    }),
  );
}
