import type { ThreadSummary } from '@completions-kit/components/chat';
import { readSavedConversation, saveConversation, type TurnTree } from '@completions-kit/core';
import type { ThreadStorage } from './storage.ts';

export interface ThreadsState {
  threads: ThreadSummary[];
  activeId: string | null;
  ready: boolean;
}

/** Stored text that is not what we wrote (edited by hand, another app's key) is skipped, not thrown. */
function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    console.warn('completions-kit chat: a saved thread could not be read and was skipped.');
    return null;
  }
}

const newThreadId = () => `thread-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The list of saved threads and which one is open, kept in `storage` under `prefix`. */
export function createThreads(storage: ThreadStorage, prefix: string) {
  let state: ThreadsState = { threads: [], activeId: null, ready: false };
  const listeners = new Set<() => void>();
  const emit = (next: Partial<ThreadsState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
    if (state.ready)
      void storage.set(`${prefix}:threads`, JSON.stringify({ threads: state.threads, activeId: state.activeId }));
  };
  const ready = Promise.resolve(storage.get(`${prefix}:threads`)).then((text) => {
    const saved = parse<Partial<ThreadsState>>(text) ?? {};
    const known = Array.isArray(saved.threads) ? saved.threads : [];
    // A thread saved before this read finished (a fast first message, a slow store) stays in front,
    // and the list is written now: its own saves were held back until the saved list was known.
    const early = state.threads.length > 0;
    const threads = [...state.threads, ...known.filter((thread) => !state.threads.some((own) => own.id === thread.id))];
    state = { threads, activeId: state.activeId ?? saved.activeId ?? threads[0]?.id ?? null, ready: true };
    if (early) void storage.set(`${prefix}:threads`, JSON.stringify({ threads, activeId: state.activeId }));
    for (const listener of listeners) listener();
  });
  return {
    ready,
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** A saved thread's tree; one saved by 0.1 is migrated as it is read (core's `readSavedConversation`). */
    async load(id: string): Promise<TurnTree | null> {
      return readSavedConversation(parse<unknown>(await storage.get(`${prefix}:thread:${id}`)));
    },
    /** Saves a thread (versioned), creating its entry on first save; the title comes from its first question. */
    save(id: string, tree: TurnTree, title: string) {
      void storage.set(`${prefix}:thread:${id}`, JSON.stringify(saveConversation(tree)));
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
      void storage.delete(`${prefix}:thread:${id}`);
      const threads = state.threads.filter((thread) => thread.id !== id);
      emit({ threads, activeId: state.activeId === id ? (threads[0]?.id ?? null) : state.activeId });
    },
  };
}

export type Threads = ReturnType<typeof createThreads>;
