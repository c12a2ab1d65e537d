import { create } from 'zustand';

/** Which saved prompt's versions are compared in the main area (null: none). */
export const useOpenDiff = create<{ name: string | null; open: (name: string | null) => void }>()((set) => ({
  name: null,
  open: (name) => set({ name }),
}));
