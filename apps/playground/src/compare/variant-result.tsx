import { type AnyMessage, Message, UsageView } from '@completions-kit/components';
import type { RunState } from '@completions-kit/core';
import { useSyncExternalStore } from 'react';
import { InlineDiff } from '../diff/inline-diff.tsx';
import { changedShare, wordDiff } from '../diff/word-diff.ts';
import { AnsweredBy } from '../run/answered-by.tsx';
import { statusLine } from '../run/status-text.ts';
import { figuresOf, formatMs, formatRate } from './figures.ts';
import { isLive, type VariantRun } from './variant-runs.ts';

interface VariantResultProps {
  name: string;
  entry: VariantRun;
  /** The baseline's run and name (this variant's own when it is the baseline). */
  baseline: { name: string; entry: VariantRun };
}

export const useRunState = (entry: VariantRun) =>
  useSyncExternalStore(entry.run.subscribe, entry.run.getState, entry.run.getState);

const textOf = (state: RunState) => {
  const content = state.snapshot?.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : '';
};

const statusOf = (state: RunState) => (state.status === 'idle' ? 'Not run yet.' : statusLine(state));

function Diff({ name, state, baseline }: { name: string; state: RunState; baseline: VariantResultProps['baseline'] }) {
  const other = useRunState(baseline.entry);
  if (baseline.name === name) return <p className="hint">This is the baseline the others are compared with.</p>;
  // Diffing every frame of ten streams would cost more than it shows: it waits for both to end.
  if (isLive(state) || isLive(other) || other.status === 'idle') return null;
  const before = textOf(other);
  const after = textOf(state);
  return (
    <div className="variant-diff">
      <p>
        Differs from {baseline.name}: <strong>{Math.round(changedShare(wordDiff(before, after)) * 100)}%</strong> of the
        text
      </p>
      <InlineDiff
        before={before}
        after={after}
        beforeLabel={`variant ${baseline.name}`}
        afterLabel={`variant ${name}`}
      />
    </div>
  );
}

/** A variant's answer (the kit's Message), its speed, usage and cost, and its diff against the baseline. */
export function VariantResult({ name, entry, baseline }: VariantResultProps) {
  const state = useRunState(entry);
  const figures = figuresOf(state, entry.sentAt, entry.endedAt);
  const choices = state.snapshot?.choices ?? [];
  const usageSource = state.completion ?? (state.snapshot?.usage ? state.snapshot : undefined);
  return (
    <div className="variant-result">
      <p role="status" className="run-status" data-status={state.status}>
        {statusOf(state)}
      </p>
      <AnsweredBy asked={state.request?.model} answered={state.snapshot?.model} />
      {state.error && state.status !== 'aborted' ? <p role="alert">{state.error.message}</p> : null}
      {choices.map((choice) => (
        <Message
          key={choice.index}
          message={choice.message as AnyMessage}
          status={state.status}
          finishReason={choice.finish_reason}
          aria-label={`Variant ${name} output${choices.length > 1 ? ` ${choice.index + 1}` : ''}`}
        />
      ))}
      <dl className="variant-figures" aria-label={`Variant ${name} speed`}>
        <dt>First token</dt>
        <dd>{formatMs(figures.firstTokenMs)}</dd>
        <dt>Total</dt>
        <dd>{formatMs(figures.totalMs)}</dd>
        <dt>Tokens/s</dt>
        <dd>{formatRate(figures.tokensPerSecond)}</dd>
      </dl>
      {usageSource ? (
        <UsageView
          completion={usageSource as Parameters<typeof UsageView>[0]['completion']}
          aria-label={`Variant ${name} usage and cost`}
        />
      ) : null}
      <Diff name={name} state={state} baseline={baseline} />
    </div>
  );
}
