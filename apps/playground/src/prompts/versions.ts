import type { Draft } from '../state/draft.ts';

export interface PromptVersion {
  /** 1, 2, 3... in the order saved. */
  version: number;
  /** When it was saved (ms since 1970); null for prompts saved before versions were kept. */
  savedAt: number | null;
  draft: Draft;
}

export interface SavedPrompt {
  name: string;
  versions: PromptVersion[];
}

/** Saving under a name that exists adds the next version; a new name starts at v1. */
export function addVersion(prompts: readonly SavedPrompt[], name: string, draft: Draft, now: number): SavedPrompt[] {
  const existing = prompts.find((prompt) => prompt.name === name);
  if (!existing) return [...prompts, { name, versions: [{ version: 1, savedAt: now, draft }] }];
  const version = Math.max(0, ...existing.versions.map((entry) => entry.version)) + 1;
  return prompts.map((prompt) =>
    prompt === existing ? { name, versions: [...prompt.versions, { version, savedAt: now, draft }] } : prompt,
  );
}

/** One version of a saved prompt, or undefined. */
export function findVersion(prompts: readonly SavedPrompt[], name: string, version: number) {
  return prompts.find((prompt) => prompt.name === name)?.versions.find((entry) => entry.version === version);
}

type Persisted = Record<string, unknown>;
const record = (value: unknown): Persisted =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Persisted) : {};

/** A draft saved before variables existed gets an empty list; nothing else is touched. */
const withVariables = (draft: unknown): unknown =>
  typeof draft === 'object' && draft !== null && !Array.isArray((draft as Persisted).variables)
    ? { ...(draft as Persisted), variables: [] }
    : draft;

/**
 * The persisted store from an older version. v1 kept `saved: {name, draft}[]` (one draft per name):
 * each becomes a prompt with that draft as v1 (time unknown). Drafts gain `variables: []`. A broken
 * draft is left as it is, so the view's error boundary says so instead of the data going quietly.
 */
export function migrateDraftStore(persisted: unknown, fromVersion: number): Persisted {
  const state = record(persisted);
  if (fromVersion >= 2) return state;
  const saved = Array.isArray(state.saved) ? state.saved.map(record) : [];
  const prompts: SavedPrompt[] = saved
    .filter((entry) => typeof entry.name === 'string' && entry.draft)
    .map((entry) => ({
      name: entry.name as string,
      versions: [{ version: 1, savedAt: null, draft: withVariables(entry.draft) as Draft }],
    }));
  const { saved: _saved, ...rest } = state;
  return { ...rest, ...(state.draft ? { draft: withVariables(state.draft) } : {}), prompts };
}
