import type { ThreadSummary } from '@completions-kit/components/chat';
import { checkSavedConversation, saveConversation, type TurnTree } from '@completions-kit/core';
import { parseJson, type StorageProblem, safeRead, safeWrite } from './safe-storage.ts';
import type { ThreadStorage } from './storage.ts';

export interface ThreadsState {
  threads: ThreadSummary[];
  activeId: string | null;
  ready: boolean;
  /** Ids of saved threads whose data could not be read: listed apart, to export or delete. */
  unreadable: string[];
  /** Why the open conversation is not being saved; null while saves land. */
  problem: StorageProblem | null;
}

const isSummary = (value: unknown): value is ThreadSummary =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ThreadSummary).id === 'string' &&
  typeof (value as ThreadSummary).title === 'string';

function readList(text: string | null | undefined): { threads: ThreadSummary[]; activeId: string | null } {
  const saved = parseJson(text) as { threads?: unknown; activeId?: unknown } | undefined;
  const threads = Array.isArray(saved?.threads) ? saved.threads.filter(isSummary) : [];
  const activeId = typeof saved?.activeId === 'string' ? saved.activeId : null;
  return { threads: threads.map((thread) => ({ ...thread, updatedAt: Number(thread.updatedAt) || 0 })), activeId };
}

const newThreadId = () => `thread-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The list of saved threads and which one is open, kept in `storage` under `prefix`. Storage is never
 * on the send path: a write that fails (full, refused, a throwing adapter) leaves the conversation in
 * memory and sets `problem`; the next write that lands clears it. A list that could not be read is
 * never written over.
 */
export function createThreads(storage: ThreadStorage, prefix: string) {
  let state: ThreadsState = { threads: [], activeId: null, ready: false, unreadable: [], problem: null };
  let listUnread = false;
  const listeners = new Set<() => void>();
  const notify = (next: Partial<ThreadsState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  // Only a thread's own save that lands says the conversation is kept again; a list write cannot.
  const write = (key: string, value: string, isThread = false) => {
    if (listUnread) return;
    void safeWrite(() => storage.set(key, value)).then((problem) => {
      // A list that could not be read stays the reason until reload: nothing more is written.
      if (state.problem === 'unreadable' || problem === state.problem) return;
      if (problem || isThread) notify({ problem });
    });
  };
  const writeList = () =>
    write(`${prefix}:threads`, JSON.stringify({ threads: state.threads, activeId: state.activeId }));
  const emit = (next: Partial<ThreadsState>) => {
    notify(next);
    if (state.ready) writeList();
  };
  const markUnreadable = (id: string) => {
    if (!state.unreadable.includes(id)) notify({ unreadable: [...state.unreadable, id] });
  };
  const read = async (id: string): Promise<TurnTree | null> => {
    const text = await safeRead(storage, `${prefix}:thread:${id}`);
    if (text === null) return null;
    const check = checkSavedConversation(parseJson(text));
    if (check.ok) return check.tree;
    if (text !== undefined) console.warn(`completions-kit chat: thread ${id} could not be read: ${check.problem}.`);
    markUnreadable(id);
    return null;
  };
  const ready = safeRead(storage, `${prefix}:threads`).then((text) => {
    listUnread = text === undefined;
    const saved = readList(text);
    // A thread saved before this read finished (a fast first message, a slow store) stays in front,
    // and the list is written now: its own saves were held back until the saved list was known.
    const early = state.threads.length > 0;
    const own = new Set(state.threads.map((thread) => thread.id));
    const threads = [...state.threads, ...saved.threads.filter((thread) => !own.has(thread.id))];
    const activeId = state.activeId ?? saved.activeId ?? threads[0]?.id ?? null;
    notify({ threads, activeId, ready: true, ...(listUnread ? { problem: 'unreadable' as const } : {}) });
    if (early) writeList();
    // Every saved thread is checked once, so a damaged one is listed apart before anyone opens it.
    for (const thread of threads) if (!own.has(thread.id)) void read(thread.id);
  });
  return {
    ready,
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** A saved thread's tree, checked first (core's `checkSavedConversation`); null when new or unreadable. */
    async load(id: string): Promise<TurnTree | null> {
      const tree = await read(id);
      // A damaged thread is not written over: the reader gets a new conversation and may export the old one.
      if (!tree && state.unreadable.includes(id) && state.activeId === id) emit({ activeId: null });
      return tree;
    },
    /** The saved text of a thread as it is (for an export of one that could not be read). */
    rawText: (id: string) => safeRead(storage, `${prefix}:thread:${id}`),
    /** Saves a thread (versioned), creating its entry on first save; the title comes from its first question. */
    save(id: string, tree: TurnTree, title: string) {
      write(`${prefix}:thread:${id}`, JSON.stringify(saveConversation(tree)), true);
      const existing = state.threads.find((thread) => thread.id === id);
      const entry = { id, title: existing?.title || title, updatedAt: Date.now() };
      emit({ threads: [entry, ...state.threads.filter((thread) => thread.id !== id)], activeId: id });
    },
    /** Opens a new, empty thread (listed once it has a message). */
    create(): string {
      const id = newThreadId();
      emit({ activeId: id });
      return id;
    },
    select: (id: string) => emit({ activeId: id }),
    rename(id: string, title: string) {
      emit({ threads: state.threads.map((thread) => (thread.id === id ? { ...thread, title } : thread)) });
    },
    remove(id: string) {
      void safeWrite(() => storage.delete(`${prefix}:thread:${id}`));
      const threads = state.threads.filter((thread) => thread.id !== id);
      const unreadable = state.unreadable.filter((other) => other !== id);
      emit({ threads, unreadable, activeId: state.activeId === id ? (threads[0]?.id ?? null) : state.activeId });
    },
  };
}

export type Threads = ReturnType<typeof createThreads>;
