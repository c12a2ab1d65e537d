import {
  activePath,
  type Conversation,
  type ConversationActions,
  type ConversationState,
  isRunning,
  siblingsOf,
  type TurnNode,
} from '@completions-kit/core';
import { useMemo, useSyncExternalStore } from 'react';

export interface ConversationTurn {
  node: TurnNode;
  /** This turn's place among its alternatives (edits, regenerations). */
  branch: { index: number; count: number };
}

export interface UseConversationResult extends ConversationState, ConversationActions {
  /** The active branch, first to last; the answer in flight is the last turn from submit to end. */
  turns: ConversationTurn[];
  /** `status` is `submitted` or `streaming`. */
  running: boolean;
}

/**
 * A core conversation (`createConversation`) in React: its state through `useSyncExternalStore`
 * (the state it was created with on the server), the active branch as turns, and its actions
 * (stable: they are the conversation's own). The conversation outlives the view.
 *
 * @example
 * const conversation = createConversation({ client: () => client, params: () => ({ model }) });
 * function MyChat() {
 *   const { turns, running, send, stop } = useConversation(conversation);
 * }
 */
export function useConversation(conversation: Conversation): UseConversationResult {
  const state = useSyncExternalStore(conversation.subscribe, conversation.getState, conversation.getInitialState);
  const turns = useMemo(
    () => activePath(state.tree).map((node) => ({ node, branch: siblingsOf(state.tree, node.id) })),
    [state.tree],
  );
  const { send, run, regenerate, retry, edit, switchBranch, pickChoice, answerToolCall, stop, load, clear } =
    conversation;
  const actions = { send, run, regenerate, retry, edit, switchBranch, pickChoice, answerToolCall, stop, load, clear };
  return { ...state, ...actions, turns, running: isRunning(state.status) };
}
