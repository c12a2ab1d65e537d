import { isRunning, type RunStatus } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react';
import { useThreadContext, visuallyHidden } from './thread-context.ts';

/**
 * Says once that an answer started and once that it ended, in a polite live region: the log itself
 * is not live, so a screen reader never hears the answer token by token.
 */
export function ThreadAnnouncer({ status }: { status: RunStatus }) {
  const streaming = isRunning(status);
  const { labels } = useThreadContext('Root');
  const [text, setText] = useState('');
  const [was, setWas] = useState(streaming);
  // Set while rendering, not in an effect: React redoes this render before committing, so the
  // announcement lands in the commit that starts or ends the answer instead of a second commit in
  // the same frame (bench:chat counts commits per frame).
  if (streaming !== was) {
    setWas(streaming);
    setText(streaming ? labels.answerStarted : status === 'aborted' ? labels.answerStopped : labels.answerDone);
  }
  return (
    <div data-slot="thread-announcer" role="status" aria-live="polite" aria-atomic="true" style={visuallyHidden}>
      {text}
    </div>
  );
}

export interface ThreadEmptyProps extends ComponentPropsWithoutRef<'div'> {}

/** Shown while the thread has no message: a greeting, starter prompts. Default text: labels.empty. */
export const ThreadEmpty = forwardRef<HTMLDivElement, ThreadEmptyProps>(function ThreadEmpty(
  { children, ...props },
  ref,
) {
  const { count, labels } = useThreadContext('Empty');
  if (count > 0) return null;
  return (
    <div data-slot="thread-empty" {...props} ref={ref}>
      {children ?? <p>{labels.empty}</p>}
    </div>
  );
});

export interface ThreadStartersProps extends Omit<ComponentPropsWithoutRef<'ul'>, 'onSelect'> {
  /** The prompts, one button each, in this order. */
  prompts: readonly string[];
  /** Called with the prompt the reader picked (send it, or put it in the composer). */
  onPick: (prompt: string) => void;
}

/** Starter prompts as buttons. */
export const ThreadStarters = forwardRef<HTMLUListElement, ThreadStartersProps>(function ThreadStarters(
  { prompts, onPick, ...props },
  ref,
) {
  const { labels } = useThreadContext('Starters');
  return (
    <ul data-slot="thread-starters" aria-label={labels.starters} {...props} ref={ref}>
      {prompts.map((prompt) => (
        <li key={prompt}>
          <button type="button" data-slot="thread-starter" onClick={() => onPick(prompt)}>
            {prompt}
          </button>
        </li>
      ))}
    </ul>
  );
});

export interface ThreadJumpProps extends ComponentPropsWithoutRef<'button'> {}

/** Takes the reader back to the newest message and follows the stream again. Hidden while following. */
export const ThreadJumpToLatest = forwardRef<HTMLButtonElement, ThreadJumpProps>(function ThreadJumpToLatest(
  { children, onClick, ...props },
  ref,
) {
  const { following, jump, count, labels } = useThreadContext('JumpToLatest');
  const hidden = following || count === 0;
  return (
    <button
      type="button"
      data-slot="thread-jump"
      data-state={hidden ? 'hidden' : 'visible'}
      hidden={hidden}
      {...props}
      ref={ref}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) jump();
      }}
    >
      {children ?? labels.jumpToLatest}
    </button>
  );
});
