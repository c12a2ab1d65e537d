import { createContext, useContext } from 'react';
import type { Attachment, AttachmentLimits } from './attachments.ts';
import type { ChatLabels } from './labels.tsx';

export interface ComposerContextValue {
  text: string;
  setText: (text: string) => void;
  attachments: readonly Attachment[];
  addFiles: (files: readonly File[]) => void;
  removeAttachment: (id: string) => void;
  problems: readonly string[];
  /** Shows problems of the composer's own (a denied microphone). */
  report: (problems: string[]) => void;
  submit: () => void;
  stop: () => void;
  streaming: boolean;
  disabled: boolean;
  canSend: boolean;
  limits: AttachmentLimits;
  labels: ChatLabels;
  inputId: string;
  problemsId: string;
}

export const ComposerContext = createContext<ComposerContextValue | null>(null);

export function useComposerContext(part: string): ComposerContextValue {
  const value = useContext(ComposerContext);
  if (!value) throw new Error(`<Composer.${part}> must be inside <Composer.Root>.`);
  return value;
}
