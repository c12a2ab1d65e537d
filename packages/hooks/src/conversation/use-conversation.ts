import { useStore } from 'zustand';
import type { ConversationActions, ConversationState, ConversationStore } from './create-conversation-store.ts';
import { activePath, siblingsOf, type TurnNode } from './tree.ts';

export interface ConversationTurn {
  node: TurnNode;
  /** This turn's place among its alternatives (edits, regenerations). */
  branch: { index: number; count: number };
}

/** The active branch as turns with their branch position, plus the store's state and actions. */
export function useConversation(store: ConversationStore): ConversationState &
  ConversationActions & {
    /** The active branch, oldest first, each turn with its place among its alternatives. */
    turns: ConversationTurn[];
  } {
  const state = useStore(store);
  const turns = activePath(state.tree).map((node) => ({ node, branch: siblingsOf(state.tree, node.id) }));
  return { ...state, turns };
}
