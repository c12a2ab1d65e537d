import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from 'react';
import { type ChatLabels, useChatLabels } from './labels.tsx';
import { visuallyHidden } from './thread-context.ts';

type ButtonProps = Omit<ComponentPropsWithoutRef<'button'>, 'onClick'> & {
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
};

export interface MessageActionsProps extends ComponentPropsWithoutRef<'div'> {
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** The actions under a message, as one labelled group. */
const Root = forwardRef<HTMLDivElement, MessageActionsProps>(function MessageActionsRoot(
  { labels: own, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; these are actions
  return <div data-slot="message-actions" role="group" aria-label={labels.messageActions} {...props} ref={ref} />;
});

/** Copies `text` to the clipboard and says "Copied" for two seconds. */
const Copy = forwardRef<
  HTMLButtonElement,
  ButtonProps & {
    /** What goes to the clipboard: the message's text. */
    text: string;
  }
>(function MessageCopy({ text, labels: own, children, ...props }, ref) {
  const labels = useChatLabels(own);
  const [copied, setCopied] = useState(false);
  const timer = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <button
      type="button"
      data-slot="message-copy"
      data-state={copied ? 'copied' : 'idle'}
      {...props}
      ref={ref}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setCopied(false), 2000);
        })
      }
    >
      {children ?? (copied ? labels.copied : labels.copy)}
    </button>
  );
});

type ActionProps = ButtonProps & {
  /** Called when the reader presses the button. */
  onAction: () => void;
};

function ActionButton({
  slot,
  label,
  onAction,
  labels: own,
  children,
  ...props
}: ActionProps & { slot: string; label: 'edit' | 'regenerate' | 'retry' }) {
  const labels = useChatLabels(own);
  return (
    <button type="button" data-slot={slot} {...props} onClick={onAction}>
      {children ?? labels[label]}
    </button>
  );
}

/** Edit a sent message: show an `EditForm` in its place. */
const Edit = (props: ActionProps) => <ActionButton slot="message-edit" label="edit" {...props} />;
/** A new answer to the same question, kept beside the old one. */
const Regenerate = (props: ActionProps) => <ActionButton slot="message-regenerate" label="regenerate" {...props} />;
/** Runs the failed answer again. */
const Retry = (props: ActionProps) => <ActionButton slot="message-retry" label="retry" {...props} />;

export interface BranchPickerProps extends ComponentPropsWithoutRef<'div'> {
  /** This version's place among its siblings, 0-based. */
  index: number;
  /** How many versions the message has; the picker shows nothing under 2. */
  count: number;
  /** Shows the previous (-1) or next (1) version. */
  onSwitch: (step: 1 | -1) => void;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** `< 2/3 >`: moves between the versions of a message (edits, regenerations). Nothing when there is one. */
const BranchPicker = forwardRef<HTMLDivElement, BranchPickerProps>(function BranchPicker(
  { index, count, onSwitch, labels: own, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  const picker = useRef<HTMLDivElement | null>(null);
  // The version shown changes the message's height: the button pressed is kept in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the version changes
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && picker.current?.contains(active)) active.scrollIntoView({ block: 'nearest' });
  }, [index]);
  if (count < 2) return null;
  return (
    <div
      data-slot="branch-picker"
      {...props}
      ref={(element) => {
        picker.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
    >
      <button type="button" data-slot="branch-previous" aria-label={labels.previousBranch} onClick={() => onSwitch(-1)}>
        ‹
      </button>
      <span data-slot="branch-position" aria-hidden="true">
        {index + 1}/{count}
      </span>
      <span style={visuallyHidden}>{labels.branch(index + 1, count)}</span>
      <button type="button" data-slot="branch-next" aria-label={labels.nextBranch} onClick={() => onSwitch(1)}>
        ›
      </button>
    </div>
  );
});

/** A reader's verdict on an answer: good, bad, or none given (or taken back). */
export type FeedbackValue = 'up' | 'down' | null;

export interface FeedbackProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onChange'> {
  /** The verdict given so far. */
  value: FeedbackValue;
  /** The new verdict: pressing the pressed button again takes it back (null). */
  onFeedback: (value: FeedbackValue) => void;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** Thumbs up and down on an answer, as two toggle buttons (aria-pressed) named by the labels. */
const Feedback = forwardRef<HTMLDivElement, FeedbackProps>(function MessageFeedback(
  { value, onFeedback, labels: own, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  const button = (verdict: 'up' | 'down', glyph: string, name: string) => (
    <button
      type="button"
      data-slot={`feedback-${verdict}`}
      aria-pressed={value === verdict}
      aria-label={name}
      title={name}
      onClick={() => onFeedback(value === verdict ? null : verdict)}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
  return (
    <div data-slot="message-feedback" data-value={value ?? undefined} {...props} ref={ref}>
      {button('up', '\u{1F44D}\u{FE0E}', labels.feedbackUp)}
      {button('down', '\u{1F44E}\u{FE0E}', labels.feedbackDown)}
    </div>
  );
});

/**
 * Message actions as compound parts: `MessageActions.Root`, `.Copy`, `.Edit`, `.Regenerate`, `.Retry`,
 * `.BranchPicker`, `.Feedback`.
 */
export const MessageActions = {
  Root,
  Copy,
  Edit,
  Regenerate,
  Retry,
  BranchPicker,
  Feedback,
};
