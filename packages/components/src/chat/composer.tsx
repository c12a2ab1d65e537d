import { isRunning, type RunStatus } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, type DragEvent, forwardRef, useId, useMemo, useState } from 'react';
import { type Attachment, type AttachmentLimits, checkFiles, readAttachment } from './attachments.ts';
import { ComposerAttach, ComposerAttachments, ComposerProblems, ComposerRecord } from './composer-attachments.tsx';
import { ComposerContext } from './composer-context.ts';
import { ComposerInput, ComposerSubmit } from './composer-parts.tsx';
import { type ChatLabels, useChatLabels } from './labels.tsx';

export interface ComposerMessage {
  text: string;
  attachments: Attachment[];
}

export interface ComposerRootProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** Called with what the reader wrote; the composer then empties. */
  onSend: (message: ComposerMessage) => void;
  /** Called by the stop button while an answer runs. */
  onStop?: () => void;
  /** The answer's status: while `submitted` or `streaming` the send button is a stop button. Shown as `data-status`. Default: idle. */
  status?: RunStatus;
  /** Nothing can be written or sent. Default: false. */
  disabled?: boolean;
  /** The text (controlled); uncontrolled without it. */
  value?: string;
  /** The text to start with, uncontrolled. Default: ''. */
  defaultValue?: string;
  /** Called with the text on every change (and with '' after a send). */
  onValueChange?: (text: string) => void;
  /** Which files may be attached, how large and how many. */
  limits?: AttachmentLimits;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** The message composer: holds the text and the attachments its parts edit. A form, so Enter submits. */
const Root = forwardRef<HTMLFormElement, ComposerRootProps>(function ComposerRoot(
  {
    onSend,
    onStop,
    status = 'idle',
    disabled = false,
    value,
    defaultValue = '',
    onValueChange,
    limits = {},
    labels: own,
    children,
    ...props
  },
  ref,
) {
  const streaming = isRunning(status);
  const labels = useChatLabels(own);
  const [ownText, setOwnText] = useState(defaultValue);
  const text = value ?? ownText;
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const problemsId = useId();
  const context = useMemo(() => {
    const setText = (next: string) => {
      setOwnText(next);
      onValueChange?.(next);
    };
    const canSend = !disabled && !streaming && (text.trim() !== '' || attachments.length > 0);
    return {
      text,
      setText,
      attachments,
      problems,
      streaming,
      disabled,
      canSend,
      limits,
      labels,
      inputId,
      problemsId,
      addFiles(files: readonly File[]) {
        const { accepted, problems: found } = checkFiles(files, attachments.length, limits, labels);
        setProblems(found);
        void Promise.all(accepted.map(readAttachment)).then(
          (read) => setAttachments((before) => [...before, ...read]),
          () => setProblems([labels.wrongType(accepted.map((file) => file.name).join(', '))]),
        );
      },
      report: setProblems,
      removeAttachment: (id: string) => setAttachments((before) => before.filter((item) => item.id !== id)),
      submit() {
        if (!canSend) return;
        onSend({ text: text.trim(), attachments });
        setText('');
        setAttachments([]);
        setProblems([]);
      },
      stop: () => onStop?.(),
    };
  }, [
    text,
    attachments,
    problems,
    streaming,
    disabled,
    limits,
    labels,
    inputId,
    problemsId,
    onSend,
    onStop,
    onValueChange,
  ]);
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    setDragging(false);
    if (!event.dataTransfer.files.length || disabled) return;
    event.preventDefault();
    context.addFiles([...event.dataTransfer.files]);
  };
  return (
    <ComposerContext.Provider value={context}>
      <form
        data-slot="composer"
        data-status={status}
        data-disabled={disabled || undefined}
        data-dragging={dragging || undefined}
        aria-label={labels.composer}
        {...props}
        ref={ref}
        onSubmit={(event) => {
          event.preventDefault();
          context.submit();
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {children}
      </form>
    </ComposerContext.Provider>
  );
});

/** The composer as compound parts: `Composer.Root`, `Composer.Input`, `Composer.Submit`, ... */
export const Composer = {
  Root,
  Input: ComposerInput,
  Submit: ComposerSubmit,
  Attach: ComposerAttach,
  Record: ComposerRecord,
  Attachments: ComposerAttachments,
  Problems: ComposerProblems,
};
