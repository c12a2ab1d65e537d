import { createContext, type RefObject, useContext } from 'react';
import type { ChatLabels } from './labels.tsx';

export interface ThreadContextValue {
  count: number;
  streaming: boolean;
  labels: ChatLabels;
  scroller: RefObject<HTMLDivElement | null>;
  content: RefObject<HTMLDivElement | null>;
  following: boolean;
  jump: () => void;
  watch: (element: HTMLElement | null) => void;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThreadContext(part: string): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error(`<Thread.${part}> must be inside <Thread.Root>.`);
  return value;
}

/** Hidden from the eye, read by screen readers (inline, so it holds without the stylesheet). */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
