import { type AudioFormat, type ChoiceLike, Choices, UsageView } from '@completions-kit/components';
import { type ChatCompletionsError, errorAdvice } from '@completions-kit/core';
import { AnsweredBy } from './answered-by.tsx';
import { ChoiceView } from './choice-view.tsx';
import { statusLine } from './status-text.ts';
import { Timeline } from './timeline.tsx';
import type { Run } from './use-run.ts';

export interface ResultViewProps {
  run: Run;
  onRetry: () => void;
  onUseChoice: (choice: ChoiceLike) => void;
  onAnswerTools: (choice: ChoiceLike, results: Record<string, string>) => void;
  /** Leave out the raw JSON and the timeline (the compare view). */
  compact?: boolean;
  /** The region's name; unique per page. Default: Result. */
  label?: string;
}

/** The message, and core's advice unless the message already ends with it. */
function advice(error: ChatCompletionsError): string {
  const text = errorAdvice(error);
  return error.message.endsWith(text) ? '' : text;
}

export function ResultView({
  run,
  onRetry,
  onUseChoice,
  onAnswerTools,
  compact = false,
  label = 'Result',
}: ResultViewProps) {
  const { snapshot, request, error } = run;
  const audioFormat = (request as { audio?: { format?: AudioFormat } } | null)?.audio?.format;
  const choices = (snapshot?.choices ?? []) as unknown as ChoiceLike[];
  const renderChoice = (choice: ChoiceLike) => (
    <ChoiceView choice={choice} status={run.status} audioFormat={audioFormat} onAnswerTools={onAnswerTools} />
  );
  const usageSource = run.completion ?? (snapshot?.usage ? snapshot : undefined);
  return (
    <section className="result" aria-label={label}>
      <p role="status" className="run-status" data-status={run.status}>
        {request ? statusLine(run) : 'Run a prompt to see its answer here.'}
      </p>
      <AnsweredBy asked={request?.model} answered={snapshot?.model} />
      {/* Stop is the user's choice, not a failure: the status line says it, with no alert or Retry. */}
      {error && run.status !== 'aborted' ? (
        <div role="alert" className="run-error">
          <p>
            <strong>{error.status ? `${error.status}: ` : ''}</strong>
            {error.message}
          </p>
          <p>{advice(error)}</p>
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : null}
      {choices.length > 1 ? (
        <Choices
          choices={choices}
          renderChoice={renderChoice}
          onUseChoice={(index) => choices[index] && onUseChoice(choices[index])}
        />
      ) : choices[0] ? (
        <>
          {renderChoice(choices[0])}
          {run.running ? null : (
            <button type="button" onClick={() => choices[0] && onUseChoice(choices[0])}>
              Add this answer to the conversation
            </button>
          )}
        </>
      ) : null}
      {usageSource ? (
        <UsageView
          completion={usageSource as Parameters<typeof UsageView>[0]['completion']}
          aria-label={label === 'Result' ? 'Usage and cost' : `${label}: usage and cost`}
        />
      ) : null}
      {compact ? null : (
        <>
          <Timeline chunks={run.chunks} timings={run.timings} />
          {request ? (
            <details>
              <summary>Raw request</summary>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read */}
              <pre className="raw" tabIndex={0}>
                {JSON.stringify(request, null, 2)}
              </pre>
            </details>
          ) : null}
          {snapshot ? (
            <details>
              <summary>Raw response</summary>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read */}
              <pre className="raw" tabIndex={0}>
                {JSON.stringify(run.completion ?? snapshot, null, 2)}
              </pre>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
