import { Message } from '@completions-kit/components';
import { useState } from 'react';
import { InlineDiff } from '../diff/inline-diff.tsx';
import type { RepeatOutput } from './consistency.ts';

/** Which two runs are diffed: picking a third drops the oldest pick. */
export function togglePick(picked: number[], index: number): number[] {
  if (picked.includes(index)) return picked.filter((entry) => entry !== index);
  return [...picked, index].slice(-2);
}

/** Every repeated output in run order; pick two to see their diff. */
export function RepeatOutputs({ outputs }: { outputs: RepeatOutput[] }) {
  const [picked, setPicked] = useState<number[]>([]);
  const sorted = [...outputs].sort((a, b) => a.index - b.index);
  const [first, second] = picked.map((index) => sorted.find((output) => output.index === index));
  return (
    <div className="repeat-outputs">
      {first && second ? (
        <InlineDiff
          before={first.text}
          after={second.text}
          beforeLabel={`run ${first.index + 1}`}
          afterLabel={`run ${second.index + 1}`}
        />
      ) : (
        <p className="hint">Pick two runs to diff them.</p>
      )}
      <ol>
        {sorted.map((output) => (
          <li key={output.index}>
            <button
              type="button"
              aria-pressed={picked.includes(output.index)}
              onClick={() => setPicked((list) => togglePick(list, output.index))}
            >
              Diff run {output.index + 1}
            </button>{' '}
            <small className="repeat-meta">
              seed {output.seed}
              {output.tokens !== null ? `, ${output.tokens} tokens` : ''}
              {output.meanLogprob !== null ? `, mean logprob ${output.meanLogprob.toFixed(3)}` : ''}
              {output.leftOutLogprobs ? ` (${output.leftOutLogprobs} unusable left out)` : ''}
              {output.error === undefined ? `, finish: ${output.finishReason ?? 'none'}` : ''}
            </small>
            {output.error !== undefined ? (
              <p className="problem">{output.error}</p>
            ) : (
              <Message message={{ role: 'assistant', content: output.text }} aria-label={`Run ${output.index + 1}`} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
