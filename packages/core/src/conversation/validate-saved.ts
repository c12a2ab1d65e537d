import { readSavedConversation } from './saved-tree.ts';
import type { TurnTree } from './tree.ts';

/**
 * Saved data comes back from storage a reader or another app may have edited, or a crash may have cut:
 * it is checked whole before the chat uses it. A walk with an explicit stack and a visited set, so a
 * deep or cyclic tree costs one pass over its turns and never the call stack.
 */
export type SavedConversationCheck = { ok: true; tree: TurnTree } | { ok: false; problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** The raw tree inside each saved form `readSavedConversation` accepts (this one and 0.1's). */
function rawTreeOf(value: Record<string, unknown>): unknown {
  if (typeof value.version === 'number') return value.tree;
  if (isObject(value.tree)) return value.tree;
  if (isObject(value.state) && isObject(value.state.tree)) return value.state.tree;
  return value;
}

function contentProblem(message: Record<string, unknown>): string | null {
  const content = message.content;
  if (typeof content === 'string') return null;
  if (content === null || content === undefined)
    return message.role === 'assistant' ? null : 'a message has no content';
  if (!Array.isArray(content)) return `a message's content is a ${typeof content}`;
  return content.every((part) => isObject(part) && typeof part.type === 'string') ? null : 'a content part is damaged';
}

function turnProblem(id: string, turn: unknown): string | null {
  if (!isObject(turn)) return `turn ${id} is not a turn`;
  if (!isObject(turn.message)) return `turn ${id} has no message`;
  if (typeof turn.message.role !== 'string' || !roles.has(turn.message.role)) return `turn ${id} has no known role`;
  if (turn.parentId !== null && typeof turn.parentId !== 'string') return `turn ${id} has no parent field`;
  if (!Array.isArray(turn.children) || !turn.children.every((child) => typeof child === 'string'))
    return `turn ${id} has damaged children`;
  if (turn.status !== undefined && typeof turn.status !== 'string') return `turn ${id} has a damaged status`;
  return contentProblem(turn.message);
}

/** Every turn reached once from the roots, each child naming its parent back: no cycle, no orphan. */
function shapeProblem(nodes: Record<string, Record<string, unknown>>, roots: string[]): string | null {
  const seen = new Set<string>();
  const stack: Array<{ id: string; parent: string | null }> = roots.map((id) => ({ id, parent: null }));
  while (stack.length > 0) {
    const { id, parent } = stack.pop() as { id: string; parent: string | null };
    const node = nodes[id];
    if (!node) return `turn ${id} is referenced but missing`;
    if (seen.has(id)) return `turn ${id} is reached twice (a cycle or a shared child)`;
    if ((node.parentId ?? null) !== parent) return `turn ${id} names another parent`;
    seen.add(id);
    for (const child of node.children as string[]) stack.push({ id: child, parent: id });
  }
  return seen.size === Object.keys(nodes).length ? null : 'some turns are not reachable from the first turn';
}

function activeProblem(value: unknown, nodes: Record<string, Record<string, unknown>>, roots: string[]) {
  if (value === undefined) return null;
  if (!isObject(value)) return 'the active branch is damaged';
  for (const [parent, child] of Object.entries(value)) {
    const siblings = parent === '' ? roots : (nodes[parent]?.children as string[] | undefined);
    if (typeof child !== 'string' || !siblings?.includes(child)) return 'the active branch names a missing turn';
  }
  return null;
}

function treeProblem(tree: unknown): string | null {
  if (!isObject(tree) || !isObject(tree.nodes)) return 'there is no tree of turns';
  const nodes = tree.nodes as Record<string, Record<string, unknown>>;
  for (const [id, turn] of Object.entries(nodes)) {
    const problem = turnProblem(id, turn);
    if (problem) return problem;
  }
  const roots = tree.roots;
  if (!Array.isArray(roots) || !roots.every((id) => typeof id === 'string')) return 'the first turns are missing';
  if (roots.length === 0 && Object.keys(nodes).length > 0) return 'there is no first turn';
  return shapeProblem(nodes, roots) ?? activeProblem(tree.active, nodes, roots);
}

/**
 * A saved conversation checked before use: its schema (every turn a message with a known role and
 * string or array content), its shape (roots, parents and children agreeing, no cycle, no dangling
 * reference, an active branch that exists), then read (0.1 saves migrated). Never throws.
 */
export function checkSavedConversation(value: unknown): SavedConversationCheck {
  if (!isObject(value)) return { ok: false, problem: 'the saved value is not a conversation' };
  if (typeof value.version === 'number' && value.version !== 1)
    return { ok: false, problem: `saved by a newer version (${value.version})` };
  const problem = treeProblem(rawTreeOf(value));
  if (problem) return { ok: false, problem };
  try {
    const tree = readSavedConversation(value);
    return tree ? { ok: true, tree } : { ok: false, problem: 'there is no tree of turns' };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
