import { create } from 'zustand';
import { persist } from 'zustand/middleware';

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
});

interface DraftState {
  draft: Draft;
  saved: { name: string; draft: Draft }[];
  set: (change: Partial<Draft>) => void;
  setParam: (name: string, value: string | boolean) => void;
  replace: (draft: Draft) => void;
  save: (name: string) => void;
  remove: (name: string) => void;
}

/** The prompt being composed and the saved ones, kept in localStorage. */
export const useDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: defaultDraft(),
      saved: [],
      set: (change) => set((state) => ({ draft: { ...state.draft, ...change } })),
      setParam: (name, value) =>
        set((state) => ({ draft: { ...state.draft, params: { ...state.draft.params, [name]: value } } })),
      replace: (draft) => set({ draft }),
      save: (name) =>
        set((state) => ({
          saved: [...state.saved.filter((entry) => entry.name !== name), { name, draft: state.draft }],
        })),
      remove: (name) => set((state) => ({ saved: state.saved.filter((entry) => entry.name !== name) })),
    }),
    { name: 'ck-playground-draft', version: 1 },
  ),
);
