import type { ChatCompletionTokenLogprob } from '@completions-kit/core';
import {
  type ComponentPropsWithoutRef,
  type CSSProperties,
  forwardRef,
  type KeyboardEvent,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type DisplayToken, mergeByBytes, summarize } from './merge.ts';

export interface TokenLogprobsProps extends ComponentPropsWithoutRef<'section'> {
  /** `choice.logprobs.content` (or `.refusal`); it may still be growing. */
  tokens: readonly ChatCompletionTokenLogprob[];
  /** What the tokens are, for labels. Default: "Answer". */
  label?: string;
}

const percent = (probability: number) => `${(probability * 100).toFixed(probability < 0.01 ? 2 : 1)}%`;

function Alternatives({ token, id, onClose }: { token: DisplayToken; id: string; onClose: () => void }) {
  const last = token.tokens[token.tokens.length - 1] as ChatCompletionTokenLogprob;
  return (
    <div
      role="dialog"
      id={id}
      aria-label={`Alternatives for “${token.text}”`}
      data-slot="token-alternatives"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      {token.tokens.length > 1 ? (
        <p>{token.tokens.length} tokens make up this character; alternatives of the last one:</p>
      ) : null}
      {last.top_logprobs.length === 0 ? (
        <p>No alternatives were asked for (top_logprobs 0).</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Token</th>
              <th scope="col">Probability</th>
              <th scope="col">Logprob</th>
            </tr>
          </thead>
          <tbody>
            {last.top_logprobs.map((alternative, rank) => {
              const chosen = alternative.token === last.token;
              return (
                <tr
                  key={alternative.bytes ? alternative.bytes.join(',') : alternative.token}
                  data-chosen={chosen || undefined}
                  aria-current={chosen || undefined}
                >
                  <td>{rank + 1}</td>
                  <td>
                    <code>{JSON.stringify(alternative.token)}</code>
                    {chosen ? ' (chosen)' : ''}
                  </td>
                  <td>{alternative.logprob <= -9999 ? '≈0%' : percent(Math.exp(alternative.logprob))}</td>
                  <td>{alternative.logprob.toFixed(3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The chosen tokens as a heatmap of their probability (also as `--ck-token-probability`), with
 * each token's alternatives in a popover, summary figures, and arrow-key navigation. Tokens that
 * split a character are merged by their bytes for display.
 */
export const TokenLogprobs = forwardRef<HTMLElement, TokenLogprobsProps>(function TokenLogprobs(
  { tokens, label = 'Answer', ...props },
  ref,
) {
  // Logprob arrays grow in place while streaming: the length is part of what changed.
  const display = useMemo(() => mergeByBytes(tokens), [tokens, tokens.length]);
  const summary = useMemo(() => summarize(display, 3), [display]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const popoverId = useId();
  const focus = (position: number) => {
    const next = Math.max(0, Math.min(display.length - 1, position));
    setActive(next);
    buttons.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, position: number) => {
    const moves: Record<string, number> = {
      ArrowRight: position + 1,
      ArrowLeft: position - 1,
      Home: 0,
      End: display.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focus(moves[event.key] as number);
    } else if (event.key === 'Escape') setOpen(null);
  };
  const shown = open === null ? undefined : display[open];
  return (
    <section data-slot="token-logprobs" aria-label={`${label}: token probabilities`} {...props} ref={ref}>
      <p data-slot="token-logprobs-summary">
        {summary.count} tokens · mean logprob {summary.meanLogprob?.toFixed(3) ?? '–'} · perplexity{' '}
        {summary.perplexity?.toFixed(2) ?? '–'}
        {summary.sentinels ? ` · ${summary.sentinels} below the API's floor` : ''}
      </p>
      <p data-slot="token-logprobs-least">
        Least confident:{' '}
        {summary.leastConfident.map((position) => (
          <button key={position} type="button" onClick={() => focus(position)} data-slot="jump-to-token">
            “{display[position]?.text.trim() || '␣'}” {percent(display[position]?.probability ?? 0)}
          </button>
        ))}
      </p>
      <p data-slot="token-heatmap">
        {display.map((token, position) => (
          <button
            key={token.index}
            ref={(element) => {
              buttons.current[position] = element;
            }}
            type="button"
            data-slot="token"
            data-state={open === position ? 'open' : 'closed'}
            data-sentinel={token.sentinel || undefined}
            tabIndex={position === active ? 0 : -1}
            aria-label={`“${token.text}”, ${percent(token.probability)}`}
            aria-expanded={open === position}
            aria-controls={open === position ? popoverId : undefined}
            style={{ '--ck-token-probability': token.probability } as CSSProperties}
            onFocus={() => setActive(position)}
            onClick={() => setOpen(open === position ? null : position)}
            onKeyDown={(event) => onKeyDown(event, position)}
          >
            {token.text}
          </button>
        ))}
      </p>
      {shown && open !== null ? (
        <Alternatives
          token={shown}
          id={popoverId}
          onClose={() => {
            setOpen(null);
            buttons.current[open]?.focus();
          }}
        />
      ) : null}
    </section>
  );
});
