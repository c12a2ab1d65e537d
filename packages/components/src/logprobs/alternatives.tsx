import type { ChatCompletionTokenLogprob } from '@completions-kit/core';
import { reveal } from '../text/reveal.ts';
import { type DisplayToken, usableLogprob } from './merge.ts';

export const percent = (probability: number) =>
  Number.isFinite(probability) ? `${(probability * 100).toFixed(probability < 0.01 ? 2 : 1)}%` : '–';

export function Alternatives({ token, id, onClose }: { token: DisplayToken; id: string; onClose: () => void }) {
  const last = token.tokens[token.tokens.length - 1] as ChatCompletionTokenLogprob;
  // The wire may send null for either (some providers do): shown as unknown, never thrown on.
  const alternatives = Array.isArray(last.top_logprobs) ? last.top_logprobs : [];
  return (
    <div
      role="dialog"
      id={id}
      aria-label={`Alternatives for “${reveal(token.text)}”`}
      data-slot="token-alternatives"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      {token.tokens.length > 1 ? (
        <p>{token.tokens.length} tokens make up this character; alternatives of the last one:</p>
      ) : null}
      {alternatives.length === 0 ? (
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
            {alternatives.map((alternative, rank) => {
              const chosen = alternative.token === last.token;
              return (
                <tr
                  key={alternative.bytes ? alternative.bytes.join(',') : alternative.token}
                  data-selected={chosen || undefined}
                  aria-current={chosen || undefined}
                >
                  <td>{rank + 1}</td>
                  <td>
                    <code>{reveal(JSON.stringify(alternative.token))}</code>
                    {chosen ? ' (chosen)' : ''}
                  </td>
                  <td>
                    {usableLogprob(alternative.logprob)
                      ? percent(Math.exp(alternative.logprob))
                      : alternative.logprob <= -9999
                        ? '≈0%'
                        : '–'}
                  </td>
                  <td>
                    {usableLogprob(alternative.logprob) ? alternative.logprob.toFixed(3) : String(alternative.logprob)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
