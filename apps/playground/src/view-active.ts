import { createContext, useContext } from 'react';

/** Whether the view around is the one shown: hidden views stay mounted and must not take keys. */
export const ViewActive = createContext(true);

export const useViewActive = () => useContext(ViewActive);
