import type { ChatCompletionsError } from '../client/errors.ts';
import type {
  ChatCompletion,
  ChatCompletionMessageParam,
  CompletionUsage,
  FinishReason,
  RunStatus,
  StreamTimings,
} from '../types.ts';

/** One choice of an answer: its message, why it ended, and its logprobs when they were asked for. */
export interface AnswerChoice {
  index: number;
  message: ChatCompletionMessageParam;
  finish_reason: FinishReason | null;
  logprobs: ChatCompletion.Choice['logprobs'];
}

/** What an answer's completion said beyond its message; kept whole, streamed or not, finished or stopped. */
export interface CompletionRecord {
  id: string;
  model: string;
  created: number;
  system_fingerprint?: string | null;
  service_tier?: ChatCompletion['service_tier'];
  usage?: CompletionUsage | null;
  choices: AnswerChoice[];
}

/** One turn in the tree. Siblings are alternatives (edits, regenerations); the active one is shown. */
export interface TurnNode {
  id: string;
  parentId: string | null;
  message: ChatCompletionMessageParam;
  children: string[];
  /** Answers only: where the run that wrote it is (`submitted` until the first chunk, ... `done`). */
  status?: RunStatus;
  /** Answers only: the completion as it stands (partial when the answer stopped or failed). */
  completion?: CompletionRecord;
  /** Answers with n > 1 choices: the one `message` holds, once one is picked. */
  choice?: number;
  timings?: StreamTimings;
  error?: ChatCompletionsError;
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
  const seen = new Set<string>();
  let id = activeChild(tree, null);
  while (id !== undefined && !seen.has(id)) {
    const node = tree.nodes[id];
    if (!node) break;
    seen.add(id);
    path.push(node);
    id = activeChild(tree, id);
  }
  return path;
}

/** Adds a turn under `parentId` and makes it the active one there. */
export function addTurn(tree: TurnTree, node: TurnNode): TurnTree {
  const { parentId } = node;
  const nodes = { ...tree.nodes, [node.id]: node };
  let roots = tree.roots;
  if (parentId === null) roots = [...roots, node.id];
  else {
    const parent = nodes[parentId] as TurnNode;
    nodes[parentId] = { ...parent, children: [...parent.children, node.id] };
  }
  return { nodes, roots, active: { ...tree.active, [parentId ?? '']: node.id } };
}

/** The same tree with one turn changed (a new object for it; the others stay as they were). */
export function updateTurn(tree: TurnTree, id: string, patch: Partial<TurnNode>): TurnTree {
  const node = tree.nodes[id];
  if (!node) return tree;
  return { ...tree, nodes: { ...tree.nodes, [id]: { ...node, ...patch } } };
}

/** Takes a childless turn out of the tree (a failed answer that wrote nothing, before its retry). */
export function removeTurn(tree: TurnTree, id: string): TurnTree {
  const node = tree.nodes[id];
  if (!node || node.children.length) return tree;
  const { [id]: _removed, ...nodes } = tree.nodes;
  const without = (ids: string[]) => ids.filter((child) => child !== id);
  const parent = node.parentId === null ? undefined : nodes[node.parentId];
  if (parent) nodes[parent.id] = { ...parent, children: without(parent.children) };
  const roots = node.parentId === null ? without(tree.roots) : tree.roots;
  const { [node.parentId ?? '']: _active, ...active } = tree.active;
  return { nodes, roots, active };
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

/** Whether an answer holds anything a model could read back (a failed one may hold nothing). */
export function hasContent(message: ChatCompletionMessageParam): boolean {
  if (message.role !== 'assistant') return true;
  const content = message.content;
  const text = typeof content === 'string' ? content : (content ?? []).length > 0;
  return !!text || !!message.tool_calls?.length || !!message.refusal || !!message.audio;
}

/** The messages from the first turn down to `id`, leaving out answers that hold nothing. */
export function messagesTo(tree: TurnTree, id: string | null): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  const seen = new Set<string>();
  for (let node = id === null ? undefined : tree.nodes[id]; node && !seen.has(node.id); ) {
    seen.add(node.id);
    if (hasContent(node.message)) messages.unshift(node.message);
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
