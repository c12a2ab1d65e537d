import { useId, useState } from 'react';
import type { Variant } from '../compare/variants.ts';
import type { Draft } from '../state/draft.ts';
import { ConsistencySummary } from './consistency-summary.tsx';
import { RepeatOutputs } from './repeat-outputs.tsx';
import { CONCURRENCY, useRepeat } from './use-repeat.ts';

/** The same prompt sent N times with seeds seed, seed+1, …, and how consistent the answers are. */
export function RepeatView({ draft, variants }: { draft: Draft; variants: Variant[] }) {
  const id = useId();
  const [times, setTimes] = useState('5');
  const [variantId, setVariantId] = useState('');
  const repeat = useRepeat(draft, variants);
  const variant = variants.find((entry) => entry.id === variantId) ?? variants[0];
  const { outputs, running } = repeat;
  return (
    <section className="repeat" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Repeat</h3>
      <p className="hint">
        Sends the prompt N times with seeds seed, seed+1, … ({CONCURRENCY} at once) and shows how much the answers
        agree.
      </p>
      <div className="repeat-bar">
        <label>
          Times{' '}
          <input type="number" min={2} max={20} value={times} onChange={(event) => setTimes(event.target.value)} />
        </label>
        <label>
          Settings from{' '}
          <select value={variant?.id ?? ''} onChange={(event) => setVariantId(event.target.value)}>
            {variants.map((entry) => (
              <option key={entry.id} value={entry.id}>
                Variant {entry.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => variant && void repeat.start(Number(times), variant)} disabled={running}>
          Run repeat
        </button>
        <button type="button" onClick={repeat.stop} disabled={!running}>
          Stop repeat
        </button>
      </div>
      {repeat.problem ? <p role="alert">{repeat.problem}</p> : null}
      <p role="status">
        {running ? `${outputs.length} of ${times} answered…` : outputs.length > 0 ? `${outputs.length} answered.` : ''}
      </p>
      {outputs.length > 0 ? <ConsistencySummary outputs={outputs} /> : null}
      {outputs.length > 0 ? <RepeatOutputs outputs={outputs} /> : null}
    </section>
  );
}
