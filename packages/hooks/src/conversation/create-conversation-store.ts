import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionSnapshot,
  ChatCompletionsClient,
  ChatCompletionsError,
} from '@completions-kit/core';
import { finalizeSnapshot } from '@completions-kit/core';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { activePath, addTurn, emptyTree, switchSibling, type TurnTree } from './tree.ts';

export type ConversationParams = Omit<ChatCompletionCreateParamsNonStreaming, 'messages' | 'stream'>;

export interface ConversationState {
  tree: TurnTree;
  status: 'idle' | 'running' | 'error';
  error: ChatCompletionsError | undefined;
  /** With n > 1, the choices waiting for `pickChoice`. */
  choices: ChatCompletion['choices'] | undefined;
  /** The assistant turn being streamed, before it joins the tree. */
  streaming: ChatCompletionSnapshot | undefined;
}

export interface ConversationActions {
  /** Adds a user turn (text or content parts) and runs the model. */
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
  /** Keep the tree in localStorage under this name. Only the tree is saved: never a key or a client. */
  persistAs?: string;
}

let counter = 0;
const newId = () => `turn-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * A conversation as a tree of turns in the wire format, on zustand: send, stream or not, pick one of
 * n choices, answer tool calls and continue, regenerate, edit an earlier turn keeping the old branch.
 */
export function createConversationStore(options: ConversationOptions): ConversationStore {
  let controller: AbortController | null = null;
  const initial: ConversationState = {
    tree: emptyTree,
    status: 'idle',
    error: undefined,
    choices: undefined,
    streaming: undefined,
  };
  const creator = (
    set: (patch: Partial<ConversationState>) => void,
    get: () => ConversationState & ConversationActions,
  ): ConversationState & ConversationActions => {
    const leafId = () => activePath(get().tree).at(-1)?.id ?? null;
    const append = (message: ChatCompletionMessageParam, parentId = leafId()) =>
      set({ tree: addTurn(get().tree, parentId, { id: newId(), parentId, message, children: [] }) });
    /** The messages from the first turn down to `id`. */
    const messagesTo = (id: string | null): ChatCompletionMessageParam[] => {
      const messages: ChatCompletionMessageParam[] = [];
      for (
        let node = id === null ? undefined : get().tree.nodes[id];
        node;
        node = node.parentId === null ? undefined : get().tree.nodes[node.parentId]
      ) {
        messages.unshift(node.message);
      }
      return messages;
    };
    let answerParent: string | null = null;

    /** Asks the model to answer the conversation up to `parentId`; the answer becomes its child. */
    const run = async (parentId: string | null = leafId()): Promise<void> => {
      get().stop();
      const current = new AbortController();
      controller = current;
      answerParent = parentId;
      const messages = messagesTo(parentId);
      set({ status: 'running', error: undefined, choices: undefined, streaming: undefined });
      try {
        const completions = options.client().chat.completions;
        let completion: ChatCompletion;
        if (options.stream === false) {
          completion = await completions.create(
            { ...options.params(), messages, stream: false },
            { signal: current.signal },
          );
        } else {
          const stream = await completions.create(
            { ...options.params(), messages, stream: true },
            { signal: current.signal },
          );
          let frame = 0;
          for await (const _chunk of stream) {
            // One store update per frame's worth of chunks at most.
            if (performance.now() - frame > 16) {
              frame = performance.now();
              set({ streaming: stream.snapshot });
            }
          }
          if (stream.status !== 'done') {
            const partial = stream.snapshot;
            if (partial?.choices[0])
              append(finalizeSnapshot(partial).choices[0]?.message as ChatCompletionMessageParam, parentId);
            set({ status: stream.status === 'aborted' ? 'idle' : 'error', error: stream.error, streaming: undefined });
            return;
          }
          completion = await stream.finalCompletion();
        }
        if (controller !== current) return;
        if (completion.choices.length > 1) set({ choices: completion.choices, status: 'idle', streaming: undefined });
        else {
          const message = completion.choices[0]?.message;
          if (message) append(message as ChatCompletionMessageParam, parentId);
          set({ status: 'idle', streaming: undefined });
        }
      } catch (caught) {
        const error = caught as ChatCompletionsError;
        set({
          status: error.kind === 'abort' ? 'idle' : 'error',
          error: error.kind === 'abort' ? undefined : error,
          streaming: undefined,
        });
      }
    };

    return {
      ...initial,
      run: () => run(),
      async send(content) {
        append({ role: 'user', content } as ChatCompletionMessageParam);
        await run();
      },
      pickChoice(index) {
        const choice = get().choices?.find((item) => item.index === index);
        if (!choice) return;
        append(choice.message as ChatCompletionMessageParam, answerParent);
        set({ choices: undefined });
      },
      async answerToolCall(toolCallId, content) {
        append({ role: 'tool', tool_call_id: toolCallId, content });
        const path = activePath(get().tree);
        const lastAssistant = [...path].reverse().find((node) => node.message.role === 'assistant');
        const calls = lastAssistant?.message.role === 'assistant' ? (lastAssistant.message.tool_calls ?? []) : [];
        const answered = new Set(
          path
            .filter((node) => node.message.role === 'tool')
            .map((node) => (node.message as { tool_call_id: string }).tool_call_id),
        );
        if (calls.length > 0 && calls.every((call) => answered.has(call.id))) await run();
      },
      async regenerate() {
        const last = activePath(get().tree).at(-1);
        // The new answer goes beside the old one, under the same question.
        await run(last?.message.role === 'assistant' ? last.parentId : (last?.id ?? null));
      },
      async edit(id, content) {
        const node = get().tree.nodes[id];
        if (!node) return;
        append({ ...node.message, content } as ChatCompletionMessageParam, node.parentId);
        if (node.message.role === 'user') await run();
      },
      switchBranch(id, step) {
        set({ tree: switchSibling(get().tree, id, step) });
      },
      stop() {
        controller?.abort();
        controller = null;
      },
      clear() {
        get().stop();
        set({ ...initial });
      },
    };
  };
  if (!options.persistAs)
    return createStore<ConversationState & ConversationActions>()((set, get) => creator(set, get));
  return createStore<ConversationState & ConversationActions>()(
    persist((set, get) => creator(set, get), {
      name: options.persistAs,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ tree: state.tree }),
    }),
  );
}
