import type { ChatCompletion, ChatCompletionsClient } from '@completions-kit/core';
import {
  type ConversationParams,
  type ConversationStore,
  createConversationStore,
  type TurnTree,
} from '@completions-kit/hooks';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { recordCompletions } from './record-completions.ts';
import type { ThreadStorage } from './storage.ts';
import { type AnswerFacts, createThreads, type Threads } from './threads.ts';

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

function factsOf(completion: ChatCompletion, index: number): AnswerFacts {
  const choice = completion.choices.find((item) => item.index === index) ?? completion.choices[0];
  return {
    id: completion.id,
    model: completion.model,
    created: completion.created,
    usage: completion.usage,
    logprobs: choice?.logprobs,
  };
}

/**
 * One conversation store for the chat's life, bound to the open thread: switching loads its tree,
 * every new turn saves it. Usage and logprobs are recorded per answer beside the tree.
 */
export function useChatSession(options: ChatSessionOptions) {
  const latest = useRef(options);
  latest.current = options;
  const [session] = useState(() => {
    let last: ChatCompletion | null = null;
    let pick = 0;
    const facts = { current: {} as Record<string, AnswerFacts> };
    const client = () =>
      recordCompletions(latest.current.client, (completion) => {
        last = completion;
      });
    const store: ConversationStore = createConversationStore({
      client,
      params: () => latest.current.params,
      stream: options.stream,
    });
    // The node an answer became is the one the tree gained just after its completion arrived.
    store.subscribe((state, before) => {
      const done = last;
      if (state.tree === before.tree || !done) return;
      for (const id of Object.keys(state.tree.nodes)) {
        if (before.tree.nodes[id] || state.tree.nodes[id]?.message.role !== 'assistant') continue;
        if (state.choices) return;
        facts.current = { ...facts.current, [id]: factsOf(done, pick) };
        last = null;
        pick = 0;
      }
    });
    const threads = options.storage ? createThreads(options.storage, options.storageKey) : null;
    return {
      store,
      facts,
      threads,
      choose: (index: number) => {
        pick = index;
      },
    };
  });
  useThreadSync(session.store, session.threads, session.facts);
  return session;
}

const noThreads = { getState: () => null, subscribe: () => () => undefined };

function useThreadSync(
  store: ConversationStore,
  threads: Threads | null,
  facts: { current: Record<string, AnswerFacts> },
) {
  const state = useSyncExternalStore((threads ?? noThreads).subscribe, (threads ?? noThreads).getState);
  const activeId = state?.ready ? state.activeId : undefined;
  // The thread whose tree the store holds, and that tree as loaded (loading it is not an edit).
  const open = useRef<{ id: string | null; tree: TurnTree | null }>({ id: null, tree: null });
  useEffect(() => {
    if (!threads) return;
    return store.subscribe((next, before) => {
      if (next.tree === before.tree || next.tree === open.current.tree || next.tree.roots.length === 0) return;
      open.current.id ??= threads.create();
      threads.save(open.current.id, { tree: next.tree, facts: facts.current }, titleOf(next.tree));
    });
  }, [threads, store, facts]);
  useEffect(() => {
    // Our own first save names the open thread: nothing to load then.
    if (!threads || activeId === undefined || activeId === open.current.id) return;
    let current = true;
    const startTree = store.getState().tree;
    const wasNew = open.current.id === null;
    store.getState().stop();
    void (activeId === null ? Promise.resolve(null) : threads.load(activeId)).then((saved) => {
      // A reader who began writing in a new thread before the saved one arrived keeps what they wrote.
      if (!current || (wasNew && store.getState().tree !== startTree)) return;
      facts.current = saved?.facts ?? {};
      const tree = saved?.tree ?? store.getInitialState().tree;
      open.current = { id: activeId, tree };
      store.setState({ tree, status: 'idle', error: undefined, choices: undefined, streaming: undefined });
    });
    return () => {
      current = false;
    };
  }, [threads, activeId, store, facts]);
}
