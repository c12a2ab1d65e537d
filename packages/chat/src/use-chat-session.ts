import {
  type ChatCompletionsClient,
  type Conversation,
  type ConversationParams,
  createConversation,
  isRunning,
  type TurnTree,
} from '@completions-kit/core';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ThreadStorage } from './storage.ts';
import { createThreads, type Threads } from './threads.ts';
import { useDraft } from './use-draft.ts';

export interface ChatSessionOptions {
  client: ChatCompletionsClient;
  params: ConversationParams;
  stream: boolean;
  /** Where threads are kept; null keeps nothing. */
  storage: ThreadStorage | null;
  storageKey: string;
}

const titleOf = (tree: TurnTree) => {
  const first = tree.nodes[tree.roots[0] ?? '']?.message.content;
  const text = typeof first === 'string' ? first : (first?.find((part) => part.type === 'text')?.text ?? '');
  return text.slice(0, 60);
};

/**
 * One conversation (core's `createConversation`) for the chat's life, bound to the open thread:
 * switching loads its tree, every change saves it once no answer is in flight. Each answer carries
 * its own completion (usage, logprobs), so nothing is recorded beside the tree.
 */
export function useChatSession(options: ChatSessionOptions) {
  const latest = useRef(options);
  latest.current = options;
  const [session] = useState(() => {
    const conversation: Conversation = createConversation({
      client: () => latest.current.client,
      params: () => latest.current.params,
      stream: options.stream,
    });
    const threads = options.storage ? createThreads(options.storage, options.storageKey) : null;
    return { conversation, threads };
  });
  const activeId = useThreadSync(session.conversation, session.threads);
  const draft = useDraft(session.threads ? options.storage : null, options.storageKey, activeId);
  return { ...session, draft };
}

const noThreads = { getState: () => null, subscribe: () => () => undefined };

function useThreadSync(conversation: Conversation, threads: Threads | null) {
  const state = useSyncExternalStore(
    (threads ?? noThreads).subscribe,
    (threads ?? noThreads).getState,
    noThreads.getState,
  );
  const activeId = state?.ready ? state.activeId : undefined;
  // The thread whose tree the conversation holds, and that tree as loaded (loading it is not an edit).
  const open = useRef<{ id: string | null; tree: TurnTree | null }>({ id: null, tree: null });
  useEffect(() => {
    if (!threads) return;
    return conversation.subscribe((next, before) => {
      if (next.tree === before.tree || next.tree === open.current.tree || next.tree.roots.length === 0) return;
      // An answer in flight changes the tree every frame: it is saved once, when it ends.
      if (isRunning(next.status)) return;
      open.current.id ??= threads.create();
      threads.save(open.current.id, next.tree, titleOf(next.tree));
    });
  }, [threads, conversation]);
  useEffect(() => {
    // Our own first save names the open thread: nothing to load then.
    if (!threads || activeId === undefined || activeId === open.current.id) return;
    let current = true;
    conversation.stop();
    const startTree = conversation.getState().tree;
    const wasNew = open.current.id === null;
    void (activeId === null ? Promise.resolve(null) : threads.load(activeId)).then((saved) => {
      // A reader who began writing in a new thread before the saved one arrived keeps what they wrote.
      if (!current || (wasNew && conversation.getState().tree !== startTree)) return;
      const tree = saved ?? conversation.getInitialState().tree;
      open.current = { id: activeId, tree };
      conversation.load(tree);
    });
    return () => {
      current = false;
    };
  }, [threads, activeId, conversation]);
  return activeId;
}
