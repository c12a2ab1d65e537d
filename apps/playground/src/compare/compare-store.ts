import { create } from 'zustand';
import {
  add,
  duplicate,
  editField,
  noneSynced,
  remove,
  type SectionId,
  type Synced,
  setMessages,
  setSync,
  type Variant,
  variantFrom,
} from './variants.ts';

type Params = Record<string, string | boolean>;

interface CompareState {
  variants: Variant[];
  synced: Synced;
  /** The variant every other output is diffed against. */
  baselineId: string;
  /** Keys typed for variants on another connection, by variant id; never persisted. */
  keys: Record<string, string>;
  /** Two variants from the composer's draft, unless there are variants already. */
  start: (params: Params) => void;
  add: (params: Params) => void;
  duplicate: (id: string) => void;
  remove: (id: string) => void;
  edit: (id: string, field: string, value: string | boolean) => void;
  setMessages: (id: string, messages: Variant['messages']) => void;
  sync: (section: SectionId, on: boolean) => void;
  setBaseline: (id: string) => void;
  setKey: (id: string, key: string) => void;
}

/**
 * The compared variants, in memory: they outlive a switch of views but not a reload, so a key
 * typed for a variant on another connection is never written anywhere.
 */
export const useCompare = create<CompareState>()((set) => ({
  variants: [],
  synced: noneSynced,
  baselineId: '',
  keys: {},
  start: (params) =>
    set((state) => {
      if (state.variants.length > 0) return state;
      const variants = [variantFrom(params, 'A'), variantFrom(params, 'B')];
      return { variants, baselineId: variants[0]?.id ?? '' };
    }),
  add: (params) => set((state) => ({ variants: add(state.variants, state.synced, params) })),
  duplicate: (id) => set((state) => ({ variants: duplicate(state.variants, id) })),
  remove: (id) =>
    set((state) => {
      const variants = remove(state.variants, id);
      const baselineId = variants.some((variant) => variant.id === state.baselineId)
        ? state.baselineId
        : (variants[0]?.id ?? '');
      return { variants, baselineId };
    }),
  edit: (id, field, value) => set((state) => ({ variants: editField(state.variants, state.synced, id, field, value) })),
  setMessages: (id, messages) =>
    set((state) => ({ variants: setMessages(state.variants, state.synced, id, messages) })),
  sync: (section, on) => set((state) => setSync(state.variants, state.synced, section, on)),
  setBaseline: (baselineId) => set({ baselineId }),
  setKey: (id, key) => set((state) => ({ keys: { ...state.keys, [id]: key } })),
}));
