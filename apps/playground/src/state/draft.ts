import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { addVersion, migrateDraftStore, type SavedPrompt } from '../prompts/versions.ts';
import type { DraftVariable } from '../variables/template.ts';
import { isSavedRecord, recordsIn, safeLocalStorage, sameKindOver } from './safe-storage.ts';

export type { DraftVariable } from '../variables/template.ts';

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export type DraftPart =
  | { id: string; type: 'image_url'; url: string; detail: 'auto' | 'low' | 'high' }
  | { id: string; type: 'input_audio'; data: string; format: 'wav' | 'mp3'; name: string }
  | { id: string; type: 'file'; filename: string; fileData: string };

export interface DraftToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface DraftMessage {
  id: string;
  role: Role;
  text: string;
  name: string;
  parts: DraftPart[];
  /** Assistant messages that called tools; tool messages answer them by id. */
  toolCalls: DraftToolCall[];
  toolCallId: string;
}

export interface DraftTool {
  id: string;
  kind: 'function' | 'custom';
  name: string;
  description: string;
  /** Function parameters as JSON text, checked before sending. */
  schema: string;
  strict: boolean;
  grammar: 'text' | 'regex' | 'lark';
  definition: string;
}

export interface Draft {
  messages: DraftMessage[];
  /** Raw field values, kept as typed so a bad one is shown, not lost. */
  params: Record<string, string | boolean>;
  tools: DraftTool[];
  toolChoice: string;
  responseFormat: { type: 'text' | 'json_object' | 'json_schema'; name: string; schema: string; strict: boolean };
  /** Values for the `{{name}}` variables in message text, in the order shown (variables/template.ts). */
  variables: DraftVariable[];
}

export const newId = () => Math.random().toString(36).slice(2, 10);

export const message = (role: Role, text = '', extra: Partial<DraftMessage> = {}): DraftMessage => ({
  id: newId(),
  role,
  text,
  name: '',
  parts: [],
  toolCalls: [],
  toolCallId: '',
  ...extra,
});

export const defaultDraft = (model = 'ck-local-ngram'): Draft => ({
  messages: [message('user', 'How does a readable stream hand data to its reader?')],
  params: { model, stream: true, include_usage: true, max_completion_tokens: '120' },
  tools: [],
  toolChoice: '',
  responseFormat: { type: 'text', name: 'answer', schema: '', strict: true },
  variables: [],
});

interface DraftState {
  draft: Draft;
  /** Saved prompts, each with its versions (v1, v2, ...). */
  prompts: SavedPrompt[];
  set: (change: Partial<Draft>) => void;
  setParam: (name: string, value: string | boolean) => void;
  /**
   * Puts another draft in place (a saved prompt, a stored completion, a history run, a share link).
   * A draft with changes not yet saved or loaded is kept for `undoReplace`.
   */
  replace: (draft: Draft) => void;
  /** The draft the last replace put aside because it had unsaved changes; null when none. */
  replaced: Draft | null;
  /** The draft as last loaded or saved (JSON), to tell whether the one on screen has changes. */
  clean: string;
  /** Brings back the draft the last replace put aside. */
  undoReplace: () => void;
  dismissUndo: () => void;
  /** Saves the draft under a name: a new prompt, or the next version of an existing one. */
  save: (name: string) => void;
  remove: (name: string) => void;
}

/** A draft's content for comparing: the ids made up for list keys do not count. */
const fingerprint = (draft: Draft) => JSON.stringify(draft, (key, value) => (key === 'id' ? undefined : value));

/** Whether the draft on screen differs from the one last loaded or saved. */
const hasChanges = (state: Pick<DraftState, 'draft' | 'clean'>) => fingerprint(state.draft) !== state.clean;

const firstDraft = defaultDraft();

const roles = new Set<Role>(['system', 'developer', 'user', 'assistant', 'tool']);

function readDraft(saved: unknown): Draft {
  const draft = sameKindOver(saved, defaultDraft());
  const messages = recordsIn(draft.messages).map((entry) => {
    const role = roles.has(entry.role as Role) ? (entry.role as Role) : 'user';
    return { ...sameKindOver(entry, message(role)), role };
  });
  const tools = recordsIn(draft.tools) as unknown as DraftTool[];
  const variables = recordsIn(draft.variables) as unknown as DraftVariable[];
  const responseFormat = sameKindOver(draft.responseFormat, defaultDraft().responseFormat);
  return { ...draft, messages, tools, variables, responseFormat };
}

/** What localStorage held, read defensively: a damaged field or prompt is left out, never thrown. */
function readDraftStore(saved: unknown): Pick<DraftState, 'draft' | 'prompts'> {
  const store = sameKindOver(saved, { draft: {}, prompts: [] as unknown[] });
  const prompts = recordsIn(store.prompts)
    .filter((entry) => typeof entry.name === 'string')
    .map((entry) => ({
      name: entry.name as string,
      versions: recordsIn(entry.versions)
        .filter((version) => typeof version.version === 'number')
        .map((version) => ({ ...version, draft: readDraft(version.draft) }) as SavedPrompt['versions'][number]),
    }))
    .filter((entry) => entry.versions.length > 0);
  return { draft: readDraft(store.draft), prompts };
}

/** The prompt being composed and the saved ones, kept in localStorage (store version 2). */
export const useDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: firstDraft,
      prompts: [],
      set: (change) => set((state) => ({ draft: { ...state.draft, ...change } })),
      setParam: (name, value) =>
        set((state) => ({ draft: { ...state.draft, params: { ...state.draft.params, [name]: value } } })),
      replace: (draft) =>
        set((state) => ({
          draft,
          clean: fingerprint(draft),
          replaced: hasChanges(state) ? state.draft : null,
        })),
      replaced: null,
      clean: fingerprint(firstDraft),
      undoReplace: () => set((state) => (state.replaced ? { draft: state.replaced, replaced: null } : state)),
      dismissUndo: () => set({ replaced: null }),
      save: (name) =>
        set((state) => ({
          prompts: addVersion(state.prompts, name, state.draft, Date.now()),
          clean: fingerprint(state.draft),
        })),
      remove: (name) => set((state) => ({ prompts: state.prompts.filter((entry) => entry.name !== name) })),
    }),
    {
      name: 'ck-playground-draft',
      version: 2,
      storage: safeLocalStorage(),
      migrate: (persisted, version) => migrateDraftStore(persisted, version),
      // Undo lasts for the session: a reload starts without one.
      partialize: ({ replaced: _replaced, ...kept }) => kept,
      merge: (saved, current) =>
        isSavedRecord(saved)
          ? { ...current, ...readDraftStore(saved), ...(typeof saved.clean === 'string' ? { clean: saved.clean } : {}) }
          : current,
    },
  ),
);
