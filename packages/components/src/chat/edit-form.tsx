import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from 'react';
import { type ChatLabels, useChatLabels } from './labels.tsx';

export interface EditFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The text to start from. */
  initialText: string;
  /** Called with the new text (sent as a new branch; the old one stays reachable). */
  onSave: (text: string) => void;
  /** Called by Cancel or Escape: the message stays as it was. */
  onCancel: () => void;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** Edits a sent message in place: Save or Enter sends it as a new branch (Shift+Enter breaks the line), Escape or Cancel leaves it. */
export const EditForm = forwardRef<HTMLFormElement, EditFormProps>(function EditForm(
  { initialText, onSave, onCancel, labels: own, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  const [text, setText] = useState(initialText);
  const input = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      data-slot="edit-form"
      {...props}
      ref={ref}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSave(text.trim());
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <textarea
        ref={input}
        data-slot="edit-input"
        aria-label={labels.editLabel}
        value={text}
        rows={Math.min(8, text.split('\n').length + 1)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // As in the composer: Enter saves, Shift+Enter breaks the line, an input method's Enter does neither.
          const composing = event.nativeEvent.isComposing || event.keyCode === 229;
          if (event.key !== 'Enter' || event.shiftKey || composing) return;
          event.preventDefault();
          if (text.trim()) onSave(text.trim());
        }}
      />
      <div data-slot="edit-buttons">
        <button type="submit" data-slot="edit-save" disabled={!text.trim()}>
          {labels.save}
        </button>
        <button type="button" data-slot="edit-cancel" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
});
