import { describe, expect, it, vi } from 'vitest';
import { useConnection } from './connection.ts';
import { useDraft } from './draft.ts';

// Node 20 has no localStorage: a Map-backed Storage stands in for the browser's, set before the
// stores load. `full` makes its writes fail as a full browser store does (QuotaExceededError).
const store = vi.hoisted(() => {
  const items = new Map<string, string>();
  const state = { full: false, items };
  const storage: Storage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (state.full) throw Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });
      items.set(key, String(value));
    },
  };
  Object.assign(globalThis, { localStorage: storage, window: { localStorage: storage } });
  return state;
});

describe('the playground’s stores on a failing or damaged localStorage', () => {
  it('saves a prompt in memory when localStorage is full, without throwing into the save', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    store.full = true;
    expect(() => useDraft.getState().save('kept in memory')).not.toThrow();
    expect(useDraft.getState().prompts.map((prompt) => prompt.name)).toContain('kept in memory');
    expect(() => useDraft.getState().set({ toolChoice: 'auto' })).not.toThrow();
    expect(useDraft.getState().draft.toolChoice).toBe('auto');
    store.full = false;
  });

  it('reads damaged saved prompts and drafts: what is sound is kept, the rest left out', async () => {
    const saved = {
      version: 2,
      state: {
        draft: {
          messages: [null, { role: 'nobody', text: 5, id: 'm1' }, { role: 'system', text: 'Be brief.' }],
          tools: 'x',
        },
        prompts: [
          null,
          { name: 7, versions: [] },
          { name: 'no versions', versions: 'x' },
          { name: 'sound', versions: [{ version: 1, savedAt: 1, draft: { messages: 'x' } }] },
        ],
      },
    };
    store.items.set('ck-playground-draft', JSON.stringify(saved));
    await useDraft.persist.rehydrate();
    const { draft, prompts } = useDraft.getState();
    expect(draft.messages.map((entry) => [entry.role, entry.text])).toEqual([
      ['user', ''],
      ['system', 'Be brief.'],
    ]);
    expect(draft.tools).toEqual([]);
    expect(prompts.map((prompt) => prompt.name)).toEqual(['sound']);
    // Its draft's messages were not a list: it opens with the default message instead.
    const opened = prompts[0]?.versions[0]?.draft.messages ?? [];
    expect(opened.map((entry) => typeof entry.text)).toEqual(['string']);
  });

  it('keeps its defaults when a store holds text that is not JSON, or a connection it does not know', async () => {
    store.items.set('ck-playground-draft', '{"state": {"draft": ');
    await expect(useDraft.persist.rehydrate()).resolves.toBeUndefined();
    store.items.set(
      'ck-playground-connection',
      JSON.stringify({ version: 0, state: { connection: { preset: 'gone' } } }),
    );
    await useConnection.persist.rehydrate();
    expect(useConnection.getState().connection.preset).toBe('local');
  });
});
