import { createJSONStorage, type StateStorage } from 'zustand/middleware';

/**
 * localStorage for the playground's stores, read defensively and written without throwing into the
 * action that changed them: a full or refused store (quota, private mode) keeps the change in memory
 * for this page, and text that is not JSON (edited by hand, cut short) reads as nothing saved.
 */
const guarded: StateStorage = {
  getItem(name) {
    try {
      const text = localStorage.getItem(name);
      if (text !== null) JSON.parse(text);
      return text;
    } catch {
      return null;
    }
  },
  setItem(name, value) {
    try {
      localStorage.setItem(name, value);
    } catch (error) {
      console.warn(`completions-kit playground: ${name} could not be saved (${(error as Error).name}).`);
    }
  },
  removeItem(name) {
    try {
      localStorage.removeItem(name);
    } catch {
      // Nothing to undo: the value stays saved and is replaced on the next write that lands.
    }
  },
};

export const safeLocalStorage = () => createJSONStorage(() => guarded);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/**
 * A saved object read over its defaults: each field the defaults have is taken from the saved one
 * only when it is of the same kind (text, number, list, object); anything else keeps its default.
 */
export function sameKindOver<T extends object>(saved: unknown, defaults: T): T {
  if (!isRecord(saved)) return defaults;
  const read = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(defaults))
    if (key in saved && kindOf(saved[key]) === kindOf(value)) read[key] = saved[key];
  return read as T;
}

export const isSavedRecord = isRecord;

export const recordsIn = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];
