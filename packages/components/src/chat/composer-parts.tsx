import { type ComponentPropsWithoutRef, forwardRef, type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { useComposerContext } from './composer-context.ts';

export interface ComposerInputProps extends Omit<ComponentPropsWithoutRef<'textarea'>, 'value' | 'defaultValue'> {}

/**
 * The text, growing with what is written (up to the CSS max-height). Enter sends, Shift+Enter breaks
 * the line, and neither fires while an input method is composing. Pasted files become attachments.
 */
export const ComposerInput = forwardRef<HTMLTextAreaElement, ComposerInputProps>(function ComposerInput(
  { onKeyDown, onPaste, onChange, ...props },
  ref,
) {
  const composer = useComposerContext('Input');
  const own = useRef<HTMLTextAreaElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text, so it re-measures on each change
  useLayoutEffect(() => {
    const element = own.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
  }, [composer.text]);
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    onKeyDown?.(event);
    // keyCode 229: Safari reports the Enter that ends a composition with isComposing already false.
    const composing = event.nativeEvent.isComposing || event.keyCode === 229;
    if (event.defaultPrevented || event.key !== 'Enter' || event.shiftKey || composing) return;
    event.preventDefault();
    composer.submit();
  };
  return (
    <textarea
      data-slot="composer-input"
      id={composer.inputId}
      aria-label={composer.labels.composer}
      aria-describedby={composer.problems.length ? composer.problemsId : undefined}
      placeholder={composer.labels.placeholder}
      rows={1}
      disabled={composer.disabled}
      value={composer.text}
      {...props}
      ref={(element) => {
        own.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
      onChange={(event) => {
        onChange?.(event);
        composer.setText(event.target.value);
      }}
      onKeyDown={onKey}
      onPaste={(event) => {
        onPaste?.(event);
        const files = [...event.clipboardData.files];
        if (event.defaultPrevented || files.length === 0) return;
        event.preventDefault();
        composer.addFiles(files);
      }}
    />
  );
});

/** Send; while an answer streams, Stop. */
export const ComposerSubmit = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function ComposerSubmit(
  { children, onClick, ...props },
  ref,
) {
  const composer = useComposerContext('Submit');
  const stopping = composer.streaming;
  return (
    <button
      data-slot="composer-submit"
      data-state={stopping ? 'stop' : 'send'}
      type={stopping ? 'button' : 'submit'}
      disabled={stopping ? false : !composer.canSend}
      {...props}
      ref={ref}
      onClick={(event) => {
        onClick?.(event);
        if (!stopping || event.defaultPrevented) return;
        composer.stop();
        // Stop turns into a Send that is disabled while the input is empty: focus would drop to the page.
        document.getElementById(composer.inputId)?.focus();
      }}
    >
      {children ?? (stopping ? composer.labels.stop : composer.labels.send)}
    </button>
  );
});
