import type { ChatCompletionTokenLogprob } from '@completions-kit/core';
import type { DisplayToken } from './merge.ts';

export const percent = (probability: number) => `${(probability * 100).toFixed(probability < 0.01 ? 2 : 1)}%`;

export function Alternatives({ token, id, onClose }: { token: DisplayToken; id: string; onClose: () => void }) {
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
