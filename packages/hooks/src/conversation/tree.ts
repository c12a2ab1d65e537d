import type { ChatCompletionMessageParam } from '@completions-kit/core';

/** One turn in the tree. Siblings are alternatives (edits, regenerations); the active one is shown. */
export interface TurnNode {
  id: string;
  parentId: string | null;
  message: ChatCompletionMessageParam;
  children: string[];
}

export interface TurnTree {
  nodes: Record<string, TurnNode>;
  /** Alternatives for the first turn. */
  roots: string[];
  /** For each parent (`''` for the roots), which child is active. Missing: the newest. */
  active: Record<string, string>;
}

export const emptyTree: TurnTree = { nodes: {}, roots: [], active: {} };

function childrenOf(tree: TurnTree, parentId: string | null): string[] {
  return parentId === null ? tree.roots : (tree.nodes[parentId]?.children ?? []);
}

function activeChild(tree: TurnTree, parentId: string | null): string | undefined {
  const children = childrenOf(tree, parentId);
  const chosen = tree.active[parentId ?? ''];
  return chosen !== undefined && children.includes(chosen) ? chosen : children.at(-1);
}

/** The turns on the active branch, first to last. */
export function activePath(tree: TurnTree): TurnNode[] {
  const path: TurnNode[] = [];
  let id = activeChild(tree, null);
  while (id !== undefined) {
    const node = tree.nodes[id];
    if (!node) break;
    path.push(node);
    id = activeChild(tree, id);
  }
  return path;
}

/** Adds a turn under `parentId` and makes it the active one there. */
export function addTurn(tree: TurnTree, parentId: string | null, node: TurnNode): TurnTree {
  const nodes = { ...tree.nodes, [node.id]: node };
  let roots = tree.roots;
  if (parentId === null) roots = [...roots, node.id];
  else {
    const parent = nodes[parentId] as TurnNode;
    nodes[parentId] = { ...parent, children: [...parent.children, node.id] };
  }
  return { nodes, roots, active: { ...tree.active, [parentId ?? '']: node.id } };
}

/** Where a turn stands among its alternatives: `{ index, count }`, 0-based. */
export function siblingsOf(tree: TurnTree, id: string): { index: number; count: number } {
  const siblings = childrenOf(tree, tree.nodes[id]?.parentId ?? null);
  return { index: siblings.indexOf(id), count: siblings.length };
}

/** Shows the next or previous alternative of a turn (wrapping around). */
export function switchSibling(tree: TurnTree, id: string, step: 1 | -1): TurnTree {
  const parentId = tree.nodes[id]?.parentId ?? null;
  const siblings = childrenOf(tree, parentId);
  if (siblings.length < 2) return tree;
  const next = siblings[(siblings.indexOf(id) + step + siblings.length) % siblings.length] as string;
  return { ...tree, active: { ...tree.active, [parentId ?? '']: next } };
}

/** The messages from the first turn down to `id`. */
export function messagesTo(tree: TurnTree, id: string | null): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  for (let node = id === null ? undefined : tree.nodes[id]; node; ) {
    messages.unshift(node.message);
    node = node.parentId === null ? undefined : tree.nodes[node.parentId];
  }
  return messages;
}

/** Whether every tool call of the last assistant turn on the active branch has its answer. */
export function toolCallsAnswered(tree: TurnTree): boolean {
  const path = activePath(tree);
  const lastAssistant = [...path].reverse().find((node) => node.message.role === 'assistant');
  const calls = lastAssistant?.message.role === 'assistant' ? (lastAssistant.message.tool_calls ?? []) : [];
  const answered = new Set(path.map((node) => (node.message.role === 'tool' ? node.message.tool_call_id : '')));
  return calls.length > 0 && calls.every((call) => answered.has(call.id));
}
