import { ChatCompletionsError, type ErrorKind } from '../client/errors.ts';
import { isRunning } from '../stream/run-status.ts';
import type { ChatCompletion, CompletionUsage } from '../types.ts';
import type { CompletionRecord, TurnNode, TurnTree } from './tree.ts';

/** How a failed answer's error is saved: what a reader needs to see, never headers. */
export interface SavedError {
  kind: ErrorKind;
  message: string;
  status?: number;
  code?: string | null;
  requestId?: string | null;
}

export type SavedTurn = Omit<TurnNode, 'error'> & { error?: SavedError };

/** A conversation as saved (localStorage, IndexedDB, a file): versioned, JSON-safe. */
export interface SavedConversation {
  version: 1;
  tree: { nodes: Record<string, SavedTurn>; roots: string[]; active: Record<string, string> };
}

/** What the 0.1 chat saved beside its tree, per answer; read once, to migrate. */
interface LegacyFacts {
  id?: string;
  model?: string;
  created?: number;
  usage?: CompletionUsage | null;
  logprobs?: ChatCompletion.Choice['logprobs'];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tree in its saved form. An answer still in flight is saved as stopped: its run ends with the page. */
export function saveConversation(tree: TurnTree): SavedConversation {
  const nodes: Record<string, SavedTurn> = {};
  for (const [id, node] of Object.entries(tree.nodes)) {
    const { error, ...rest } = node;
    const live = rest.status !== undefined && isRunning(rest.status);
    nodes[id] = { ...rest, ...(live ? { status: 'aborted' as const } : {}) };
    if (error)
      nodes[id].error = {
        kind: error.kind,
        message: error.message,
        ...(error.status === undefined ? {} : { status: error.status }),
        code: error.code,
        requestId: error.requestId,
      };
  }
  return { version: 1, tree: { nodes, roots: tree.roots, active: tree.active } };
}

function readError(value: unknown): ChatCompletionsError | undefined {
  if (!isObject(value) || typeof value.message !== 'string') return undefined;
  const kind = (typeof value.kind === 'string' ? value.kind : 'connection') as ErrorKind;
  const status = typeof value.status === 'number' ? value.status : undefined;
  const code = typeof value.code === 'string' ? value.code : null;
  const requestId = typeof value.requestId === 'string' ? value.requestId : null;
  return new ChatCompletionsError(kind, value.message, { status, code, requestId });
}

/** The 0.1 format had no status and kept usage and logprobs in `facts`: an answer there was done. */
function migrateTurn(node: TurnNode, facts: LegacyFacts | undefined): TurnNode {
  if (node.message.role !== 'assistant' || node.status) return node;
  const completion: CompletionRecord | undefined = facts && {
    id: facts.id ?? '',
    model: facts.model ?? '',
    created: facts.created ?? 0,
    usage: facts.usage ?? null,
    choices: [{ index: 0, message: node.message, finish_reason: null, logprobs: facts.logprobs ?? null }],
  };
  return { ...node, status: 'done', ...(completion ? { completion } : {}) };
}

function readTurn(id: string, value: unknown): TurnNode | null {
  if (!isObject(value) || !isObject(value.message) || typeof value.message.role !== 'string') return null;
  const parentId = typeof value.parentId === 'string' ? value.parentId : null;
  const children = Array.isArray(value.children) ? value.children.filter((child) => typeof child === 'string') : [];
  const { error, ...rest } = value as unknown as SavedTurn;
  const live = rest.status !== undefined && isRunning(rest.status);
  const read: TurnNode = { ...rest, id, parentId, children, ...(live ? { status: 'aborted' as const } : {}) };
  const readable = readError(error);
  if (readable) read.error = readable;
  return read;
}

/** Keeps what holds together: turns whose parent exists, children and roots that exist. */
function readTree(value: Record<string, unknown>, facts: Record<string, LegacyFacts>): TurnTree | null {
  if (!isObject(value.nodes)) return null;
  const nodes: Record<string, TurnNode> = {};
  for (const [id, raw] of Object.entries(value.nodes)) {
    const node = readTurn(id, raw);
    if (node) nodes[id] = migrateTurn(node, facts[id]);
  }
  for (const node of Object.values(nodes)) {
    if (node.parentId !== null && !nodes[node.parentId]) delete nodes[node.id];
  }
  for (const node of Object.values(nodes)) node.children = node.children.filter((child) => nodes[child]);
  const rawRoots = Array.isArray(value.roots) ? value.roots : [];
  const roots = rawRoots.filter((id): id is string => typeof id === 'string' && nodes[id]?.parentId === null);
  const active: Record<string, string> = {};
  if (isObject(value.active))
    for (const [parent, child] of Object.entries(value.active)) if (typeof child === 'string') active[parent] = child;
  return { nodes, roots, active };
}

/**
 * A saved conversation read back: this format, or one saved by 0.1 (the chat's `{ tree, facts }`,
 * the hooks' `persistAs` `{ state: { tree } }`, or a bare tree), migrated with every turn and
 * branch. Turns that do not hold together (no message, a missing parent) are left out; null when
 * nothing is a tree.
 */
export function readSavedConversation(value: unknown): TurnTree | null {
  if (!isObject(value)) return null;
  if (value.version === 1 && isObject(value.tree)) return readTree(value.tree, {});
  if (typeof value.version === 'number' && value.version > 1) return null;
  const facts = isObject(value.facts) ? (value.facts as Record<string, LegacyFacts>) : {};
  if (isObject(value.tree)) return readTree(value.tree, facts);
  if (isObject(value.state) && isObject(value.state.tree)) return readTree(value.state.tree, {});
  return readTree(value, {});
}
