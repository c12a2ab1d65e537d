import { useEffect, useId, useRef, useState } from 'react';
import { useCompare } from '../compare/compare-store.ts';
import { variantRequest } from '../compare/variant-column.tsx';
import { useClientOf } from '../compare/variant-runs.ts';
import type { Variant } from '../compare/variants.ts';
import type { Draft } from '../state/draft.ts';
import type { RepeatOutput } from './consistency.ts';
import { ConsistencySummary } from './consistency-summary.tsx';
import { RepeatOutputs } from './repeat-outputs.tsx';
import { repeatBody, repeatOnce } from './repeat-request.ts';
import { runPool } from './run-pool.ts';

/** How many repeats are in flight at once. */
const CONCURRENCY = 4;

/** The same prompt sent N times with seeds seed, seed+1, …, and how consistent the answers are. */
export function RepeatView({ draft, variants }: { draft: Draft; variants: Variant[] }) {
  const id = useId();
  const keys = useCompare((state) => state.keys);
  const clientOf = useClientOf(variants, keys);
  const [times, setTimes] = useState('5');
  const [variantId, setVariantId] = useState('');
  const [outputs, setOutputs] = useState<RepeatOutput[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState('');
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const variant = variants.find((entry) => entry.id === variantId) ?? variants[0];
  const count = Number(times);
  const start = async () => {
    if (!variant) return;
    const { body, problems } = variantRequest(draft, variant);
    const first = Object.values(problems)[0];
    if (!Number.isInteger(count) || count < 2 || count > 20) return setProblem('Repeat 2 to 20 times.');
    if (first) return setProblem(`Variant ${variant.name}: ${first}`);
    setProblem('');
    setOutputs([]);
    setRunning(true);
    controller.current = new AbortController();
    const signal = controller.current.signal;
    const client = clientOf(variant.id);
    const seed = Number(body.seed ?? 1);
    const task = (index: number) => repeatOnce(client, repeatBody(body, seed, index), index, signal);
    await runPool(count, CONCURRENCY, task, (_, output) => setOutputs((list) => [...list, output]), signal);
    setRunning(false);
  };
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
        <button type="button" onClick={() => void start()} disabled={running}>
          Run repeat
        </button>
        <button type="button" onClick={() => controller.current?.abort()} disabled={!running}>
          Stop repeat
        </button>
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      <p role="status">
        {running ? `${outputs.length} of ${count} answered…` : outputs.length > 0 ? `${outputs.length} answered.` : ''}
      </p>
      {outputs.length > 0 ? <ConsistencySummary outputs={outputs} /> : null}
      {outputs.length > 0 ? <RepeatOutputs outputs={outputs} /> : null}
    </section>
  );
}
