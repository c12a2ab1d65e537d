import {
  type ChatCompletionMessageParam,
  createCompletionRun,
  finalizeSnapshot,
  type RunState,
  type RunStatus,
} from '@completions-kit/core';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type {
  ConversationActions,
  ConversationOptions,
  ConversationState,
  ConversationStore,
} from './conversation-types.ts';
import { activePath, addTurn, emptyTree, messagesTo, switchSibling, toolCallsAnswered } from './tree.ts';

export type {
  ConversationActions,
  ConversationOptions,
  ConversationParams,
  ConversationState,
  ConversationStore,
} from './conversation-types.ts';

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
