import { describe, expect, it, vi } from 'vitest';
import { everyFieldDraft, withoutIds } from '../request/every-field.fixture.ts';
import { useDraft } from '../state/draft.ts';
import { changedFields, readableDraft } from './draft-fields.ts';
import { findVersion, migrateDraftStore } from './versions.ts';

// Node 20 has no localStorage: a Map-backed Storage stands in for the browser's, set before the
// store module loads (the persist middleware looks for storage when the store is created).
vi.hoisted(() => {
  const items = new Map<string, string>();
  const storage: Storage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
  // zustand's default storage reads window.localStorage.
  Object.assign(globalThis, { localStorage: storage, window: { localStorage: storage } });
});

describe('saved prompts with versions', () => {
  it('saving under an existing name adds a version; every version reopens field by field after a reload', async () => {
    const first = everyFieldDraft();
    useDraft.getState().replace(first);
    useDraft.getState().save('forecast');
    const second = { ...first, variables: [{ name: 'city', value: 'Oslo' }], toolChoice: 'auto' };
    useDraft.getState().replace(second);
    useDraft.getState().save('forecast');
    useDraft.getState().save('other');
    const prompts = useDraft.getState().prompts;
    expect(prompts.map((prompt) => [prompt.name, prompt.versions.map((entry) => entry.version)])).toEqual([
      ['forecast', [1, 2]],
      ['other', [1]],
    ]);
    expect(prompts[0]?.versions[1]?.savedAt).toBeGreaterThanOrEqual(prompts[0]?.versions[0]?.savedAt ?? 0);

    // As after a reload: the state is forgotten, then read back from what was written to storage.
    const written = localStorage.getItem('ck-playground-draft') ?? '';
    useDraft.setState({ prompts: [], draft: everyFieldDraft() });
    localStorage.setItem('ck-playground-draft', written);
    await useDraft.persist.rehydrate();
    const reloaded = useDraft.getState().prompts;
    expect(withoutIds(findVersion(reloaded, 'forecast', 1)?.draft ?? second)).toEqual(withoutIds(first));
    expect(withoutIds(findVersion(reloaded, 'forecast', 2)?.draft ?? first)).toEqual(withoutIds(second));
    expect(withoutIds(useDraft.getState().draft)).toEqual(withoutIds(second));
  });

  it('migrates the v1 store (one draft per name) to versions, adding variables and keeping broken drafts as they are', () => {
    const old = everyFieldDraft() as Partial<ReturnType<typeof everyFieldDraft>>;
    delete old.variables;
    const broken = { messages: [{ id: 'x', role: 'user', text: 'old' }], params: {} };
    const migrated = migrateDraftStore({ draft: broken, saved: [{ name: 'kept', draft: old }, { bad: true }] }, 1);
    expect(migrated.saved).toBeUndefined();
    expect(migrated.draft).toEqual({ ...broken, variables: [] });
    expect(migrated.prompts).toEqual([
      { name: 'kept', versions: [{ version: 1, savedAt: null, draft: { ...old, variables: [] } }] },
    ]);
    expect(migrateDraftStore({ prompts: [] }, 2)).toEqual({ prompts: [] });
  });

  it('migrates through the store when a v1 state is in storage', async () => {
    localStorage.setItem(
      'ck-playground-draft',
      JSON.stringify({
        state: { draft: everyFieldDraft(), saved: [{ name: 'legacy', draft: everyFieldDraft() }] },
        version: 1,
      }),
    );
    await useDraft.persist.rehydrate();
    expect(useDraft.getState().prompts.map((prompt) => prompt.name)).toEqual(['legacy']);
    expect(JSON.parse(localStorage.getItem('ck-playground-draft') ?? '{}').version).toBe(2);
  });
});

describe('comparing two versions', () => {
  it('lists exactly the fields that changed, by the names the composer shows', () => {
    const before = everyFieldDraft();
    const after = everyFieldDraft();
    after.params = { ...after.params, temperature: '1.2', seed: '' };
    after.variables = [{ name: 'city', value: 'Oslo' }, ...after.variables.slice(1)];
    const tool = after.tools[1];
    if (tool) tool.definition = 'start: /[a-z]+/';
    expect(changedFields(before, after)).toEqual([
      { field: 'Temperature', before: '0.4', after: '1.2' },
      { field: 'Tool 2 grammar definition', before: 'start: /[A-Z ]+/', after: 'start: /[a-z]+/' },
      { field: 'Variable {{city}}', before: 'Paris', after: 'Oslo' },
      { field: 'Seed', before: '42', after: undefined },
    ]);
    expect(changedFields(before, everyFieldDraft())).toEqual([]);
    expect(readableDraft(before)).toContain('Message 3 part 3: audio audio.wav (wav, 16 characters)');
  });
});
