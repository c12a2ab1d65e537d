import { useEffect, useRef, useState } from 'react';
import { useCompare } from '../compare/compare-store.ts';
import { variantRequest } from '../compare/variant-column.tsx';
import { useClientOf } from '../compare/variant-runs.ts';
import type { Variant } from '../compare/variants.ts';
import type { Draft } from '../state/draft.ts';
import type { RepeatOutput } from './consistency.ts';
import { repeatBody, repeatOnce } from './repeat-request.ts';
import { runPool } from './run-pool.ts';

/** How many repeats are in flight at once. */
export const CONCURRENCY = 4;

/** A repeat's state and actions: outputs as they land, a problem that kept it from starting, stop. */
export function useRepeat(draft: Draft, variants: Variant[]) {
  const keys = useCompare((state) => state.keys);
  const clientOf = useClientOf(variants, keys);
  const [outputs, setOutputs] = useState<RepeatOutput[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState('');
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const start = async (count: number, variant: Variant) => {
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
  return { outputs, running, problem, start, stop: () => controller.current?.abort() };
}
