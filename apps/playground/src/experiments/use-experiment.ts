import { useChatCompletionsClient } from '@completions-kit/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnection } from '../state/connection.ts';
import type { Cell, Dataset, Experiment } from './experiment.ts';
import { createExperimentRunner, type ExperimentRunner, type RunProgress } from './experiment-runner.ts';
import { getDataset, listCells, listExperiments, putCell, putExperiment } from './experiment-store.ts';
import { judgeClient } from './judge-keys.ts';

// Connections that keep completions (`store: true`, metadata, listed in Logs).
const storing = new Set(['local', 'proxy', 'openai']);
const idle: RunProgress = { status: 'idle', done: 0, total: 0, running: 0, leftMs: null };

/** The open experiment: its dataset, its cells as they land (batched per frame) and its runner. */
export function useExperiment() {
  const client = useChatCompletionsClient();
  const clientRef = useRef(client);
  clientRef.current = client;
  const preset = useConnection((state) => state.connection.preset);
  const [experiments, setExperiments] = useState<Experiment[]>([]);
  const [experiment, setExperiment] = useState<Experiment | null>(null);
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [cells, setCells] = useState<ReadonlyMap<string, Cell>>(new Map());
  const [progress, setProgress] = useState<RunProgress>(idle);
  const runner = useRef<ExperimentRunner | null>(null);
  const pending = useRef<Cell[]>([]);

  const flush = useCallback(() => {
    const landed = pending.current;
    pending.current = [];
    if (landed.length > 0)
      setCells((previous) => {
        const next = new Map(previous);
        for (const cell of landed) next.set(cell.key, cell);
        return next;
      });
  }, []);

  const open = useCallback(
    async (chosen: Experiment) => {
      runner.current?.pause();
      const [table, saved] = await Promise.all([getDataset(chosen.datasetId), listCells(chosen.id)]);
      if (!table) return;
      const next = createExperimentRunner({
        experiment: chosen,
        dataset: table,
        client: () => clientRef.current,
        judgeClient,
        store: storing.has(preset),
        finished: saved.map((cell) => cell.key),
        saveCell: putCell,
        onCell: (cell) => {
          if (pending.current.push(cell) === 1) requestAnimationFrame(flush);
        },
      });
      let scheduled = false;
      next.subscribe((state) => {
        // One render per frame however many cells end in it; the latest state wins.
        if (!scheduled) {
          scheduled = true;
          requestAnimationFrame(() => {
            scheduled = false;
            setProgress(next.progress());
          });
        }
        if (state.status === 'done' || state.status === 'paused' || state.status === 'cancelled')
          void putExperiment({ ...chosen, status: state.status });
      });
      runner.current = next;
      setExperiment(chosen);
      setDataset(table);
      setCells(new Map(saved.map((cell) => [cell.key, cell])));
      setProgress(next.progress());
      return next;
    },
    [flush, preset],
  );

  const refresh = useCallback(async () => {
    const list = (await listExperiments()).sort((a, b) => b.createdAt - a.createdAt);
    setExperiments(list);
    return list;
  }, []);

  useEffect(() => {
    void refresh().then((list) => list[0] && open(list[0]));
    return () => runner.current?.pause();
  }, [refresh, open]);

  const start = useCallback(
    async (created: Experiment) => {
      const running = { ...created, status: 'running' as const };
      await putExperiment(running);
      await refresh();
      (await open(running))?.start();
    },
    [open, refresh],
  );

  const resume = useCallback(() => {
    if (experiment) void putExperiment({ ...experiment, status: 'running' });
    runner.current?.start();
  }, [experiment]);

  return {
    experiments,
    experiment,
    dataset,
    cells,
    progress,
    open,
    start,
    resume,
    pause: () => runner.current?.pause(),
    cancel: () => runner.current?.cancel(),
  };
}
