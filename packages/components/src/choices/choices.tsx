import type { ChatCompletionTokenLogprob, FinishReason } from '@completions-kit/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useId,
  useRef,
  useState,
} from 'react';
import { mergeByBytes, summarize } from '../logprobs/merge.ts';
import { type AnyMessage, Message } from '../message/message.tsx';

/** A choice of a response, or of a stream snapshot (finish_reason still null). */
export interface ChoiceLike {
  index: number;
  message: AnyMessage;
  finish_reason: FinishReason | null;
  logprobs?: {
    content?: readonly ChatCompletionTokenLogprob[] | null;
    refusal?: readonly ChatCompletionTokenLogprob[] | null;
  } | null;
}

export interface ChoicesProps extends Omit<ComponentPropsWithoutRef<'section'>, 'onSelect'> {
  /** `response.choices` (or a snapshot's), in any order: they are shown by `index`. */
  choices: readonly ChoiceLike[];
  /** Tabs show one choice at a time; side by side shows them in columns. Default: tabs. */
  layout?: 'tabs' | 'side-by-side';
  /** The shown tab (controlled). Uncontrolled without it. */
  selected?: number;
  /** The tab shown first when uncontrolled. Default: 0. */
  defaultSelected?: number;
  /** Called with the tab position when the reader changes tabs. */
  onSelectedChange?: (index: number) => void;
  /** Called with `choice.index` when a reader picks a choice (to continue the conversation with it). */
  onUseChoice?: (index: number) => void;
  /** Renders a choice's message. Default: `<Message>` with its finish reason. */
  renderChoice?: (choice: ChoiceLike) => ReactNode;
}

function ChoiceFacts({ choice }: { choice: ChoiceLike }) {
  const tokens = choice.logprobs?.content ?? choice.logprobs?.refusal;
  const summary = tokens?.length ? summarize(mergeByBytes(tokens), 0) : null;
  return (
    <p data-slot="choice-facts">
      Finish reason: <code>{choice.finish_reason ?? 'still writing'}</code>
      {summary?.meanLogprob != null
        ? ` · mean logprob ${summary.meanLogprob.toFixed(3)} · perplexity ${summary.perplexity?.toFixed(2)}`
        : null}
    </p>
  );
}

/**
 * The `n` choices of a response, as tabs (arrow keys move between them) or side by side, each with
 * its finish reason, logprob summary and a "Use this choice" button.
 */
export const Choices = forwardRef<HTMLElement, ChoicesProps>(function Choices(
  { choices, layout = 'tabs', selected, defaultSelected = 0, onSelectedChange, onUseChoice, renderChoice, ...props },
  ref,
) {
  const [own, setOwn] = useState(defaultSelected);
  const current = Math.min(selected ?? own, Math.max(0, choices.length - 1));
  const baseId = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (position: number) => {
    setOwn(position);
    onSelectedChange?.(position);
  };
  const onKeyDown = (event: KeyboardEvent, position: number) => {
    const moves: Record<string, number> = {
      ArrowRight: (position + 1) % choices.length,
      ArrowLeft: (position - 1 + choices.length) % choices.length,
      Home: 0,
      End: choices.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
    tabs.current[next]?.focus();
  };
  const panel = (choice: ChoiceLike) => (
    <>
      {renderChoice ? renderChoice(choice) : <Message message={choice.message} finishReason={choice.finish_reason} />}
      <ChoiceFacts choice={choice} />
      {onUseChoice ? (
        <button type="button" data-slot="use-choice" onClick={() => onUseChoice(choice.index)}>
          Use choice {choice.index + 1}
        </button>
      ) : null}
    </>
  );
  return (
    <section data-slot="choices" data-layout={layout} aria-label={`${choices.length} choices`} {...props} ref={ref}>
      {layout === 'side-by-side' ? (
        <div data-slot="choice-columns">
          {choices.map((choice) => (
            <section key={choice.index} data-slot="choice" aria-label={`Choice ${choice.index + 1}`}>
              <h3 data-slot="choice-title">Choice {choice.index + 1}</h3>
              {panel(choice)}
            </section>
          ))}
        </div>
      ) : (
        <>
          <div role="tablist" aria-label="Choices" data-slot="choice-tabs">
            {choices.map((choice, position) => (
              <button
                key={choice.index}
                ref={(element) => {
                  tabs.current[position] = element;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${position}`}
                aria-selected={position === current}
                aria-controls={`${baseId}-panel`}
                tabIndex={position === current ? 0 : -1}
                data-selected={position === current || undefined}
                data-finish-reason={choice.finish_reason ?? undefined}
                onClick={() => select(position)}
                onKeyDown={(event) => onKeyDown(event, position)}
              >
                Choice {choice.index + 1}
              </button>
            ))}
          </div>
          {choices[current] ? (
            <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${current}`}>
              {panel(choices[current])}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
});
