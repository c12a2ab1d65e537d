import { reveal } from '../text/reveal.ts';
import { percent } from './alternatives.tsx';
import type { DisplayToken, LogprobSummary } from './merge.ts';

/** The figures above the heatmap, and the least confident tokens as buttons that jump to them. */
export function SummaryLines({
  summary,
  display,
  onJump,
}: {
  summary: LogprobSummary;
  display: readonly DisplayToken[];
  onJump: (position: number) => void;
}) {
  return (
    <>
      <p data-slot="token-logprobs-summary">
        {summary.count} tokens · mean logprob {summary.meanLogprob?.toFixed(3) ?? '–'} · perplexity{' '}
        {summary.perplexity?.toFixed(2) ?? '–'}
        {summary.sentinels ? ` · ${summary.sentinels} below the API's floor` : ''}
      </p>
      {summary.leastConfident.length > 0 ? (
        <p data-slot="token-logprobs-least">
          Least confident:{' '}
          {summary.leastConfident.map((position) => (
            <button key={position} type="button" onClick={() => onJump(position)} data-slot="jump-to-token">
              “{reveal(display[position]?.text.trim() || '␣')}” {percent(display[position]?.probability ?? 0)}
            </button>
          ))}
        </p>
      ) : null}
    </>
  );
}
