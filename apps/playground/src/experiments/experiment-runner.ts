import { costOf, examplePrices, priceFor } from '@completions-kit/components';
import type { ChatCompletion, ChatCompletionsClient } from '@completions-kit/core';
import { type Cell, cellKey, cellRequest, type Dataset, type Experiment, rowValues } from './experiment.ts';
import { type Grade, gradeAnswer, isTextGrader } from './graders.ts';
import { judge } from './model-grader.ts';
import { runPredicate } from './predicate-worker.ts';

export interface RunProgress {
  status: 'idle' | 'running' | 'pausing' | 'paused' | 'cancelled' | 'done';
  done: number;
  total: number;
  running: number;
  /** Estimated milliseconds left, from the cells finished so far; null until one has. */
  leftMs: number | null;
}

export interface RunnerOptions {
  experiment: Experiment;
  dataset: Dataset;
  client: () => ChatCompletionsClient;
  /** Whether the connection keeps completions (`store: true` with metadata). */
  store: boolean;
  /** Cells already finished (read back from IndexedDB): never run again. */
  finished: Iterable<string>;
  saveCell: (cell: Cell) => Promise<unknown>;
  onCell: (cell: Cell) => void;
}

async function gradeAll(options: RunnerOptions, answer: string, row: number, signal: AbortSignal): Promise<Grade[]> {
  const values = rowValues(options.dataset, row);
  return Promise.all(
    options.experiment.graders.map((spec) => {
      if (isTextGrader(spec)) return gradeAnswer(spec, answer, values);
      if (spec.kind === 'javascript') return runPredicate(spec.id, spec.source, answer, values, spec.timeoutMs);
      if (spec.kind === 'model')
        return judge(options.client(), {
          graderId: spec.id,
          prompt: spec.prompt,
          model: spec.model || String(options.experiment.draft.params.model),
          threshold: spec.threshold,
          answer,
          row: values,
          signal,
        });
      return { grader: 'unknown', pass: false, reason: 'Unknown grader.' };
    }),
  );
}

/** Runs one cell to its end; a failure is a cell with its error, never a throw. */
async function runCell(options: RunnerOptions, variantIndex: number, row: number, signal: AbortSignal): Promise<Cell> {
  const { experiment, dataset } = options;
  const variant = experiment.variants[variantIndex] as Experiment['variants'][number];
  const { body, problems } = cellRequest(experiment, variant, dataset, row, options.store);
  const base = {
    key: cellKey(experiment.id, variant.id, row),
    experiment: experiment.id,
    variant: variant.id,
    row,
    request: body,
  };
  const started = performance.now();
  const problem = Object.values(problems)[0];
  if (problem)
    return {
      ...base,
      status: 'error',
      answer: '',
      error: problem,
      grades: [],
      promptTokens: null,
      completionTokens: null,
      cost: null,
      latencyMs: 0,
      completionId: null,
    };
  try {
    const stream = await options.client().chat.completions.create({ ...body, stream: true }, { signal });
    const completion: ChatCompletion = await stream.finalCompletion();
    const latencyMs = performance.now() - started;
    const content = completion.choices[0]?.message.content;
    const answer = typeof content === 'string' ? content : '';
    const price = priceFor(examplePrices, completion.model) ?? priceFor(examplePrices, String(body.model));
    const grades = await gradeAll(options, answer, row, signal);
    const usage = completion.usage;
    return {
      ...base,
      status: 'done',
      answer,
      error: null,
      grades,
      promptTokens: usage?.prompt_tokens ?? null,
      completionTokens: usage?.completion_tokens ?? null,
      cost: usage && price ? costOf(usage, price).total : null,
      latencyMs,
      completionId: completion.id,
    };
  } catch (error) {
    return {
      ...base,
      status: 'error',
      answer: '',
      error: (error as Error).message,
      grades: [],
      promptTokens: null,
      completionTokens: null,
      cost: null,
      latencyMs: performance.now() - started,
      completionId: null,
    };
  }
}

/**
 * An experiment's run: every (variant, row) cell not finished yet, at most `concurrency` at once.
 * Pause starts no more cells (those running end and are saved); cancel also aborts those running,
 * which are not saved, so a later Resume runs them again. Each finished cell is saved before it counts.
 */
export function createExperimentRunner(options: RunnerOptions) {
  const { experiment, dataset } = options;
  const finished = new Set(options.finished);
  const queue: [number, number][] = [];
  for (let row = 0; row < dataset.rows.length; row++)
    for (let variant = 0; variant < experiment.variants.length; variant++)
      if (!finished.has(cellKey(experiment.id, (experiment.variants[variant] as { id: string }).id, row)))
        queue.push([variant, row]);
  const total = dataset.rows.length * experiment.variants.length;
  let progress: RunProgress = { status: 'idle', done: finished.size, total, running: 0, leftMs: null };
  const listeners = new Set<(progress: RunProgress) => void>();
  let controller = new AbortController();
  let startedAt = 0;
  let doneThisRun = 0;
  const set = (change: Partial<RunProgress>) => {
    progress = { ...progress, ...change };
    for (const listener of listeners) listener(progress);
  };
  const estimate = () => {
    if (doneThisRun === 0) return null;
    return ((performance.now() - startedAt) / doneThisRun) * (total - progress.done);
  };
  const settle = () => {
    if (progress.running > 0) return;
    if (progress.status === 'pausing') set({ status: 'paused', leftMs: null });
    else if (progress.status === 'running' && queue.length === 0) set({ status: 'done', leftMs: 0 });
  };
  const worker = async () => {
    while (progress.status === 'running' && queue.length > 0) {
      const [variant, row] = queue.shift() as [number, number];
      set({ running: progress.running + 1 });
      const signal = controller.signal;
      const cell = await runCell(options, variant, row, signal);
      if (signal.aborted) {
        queue.unshift([variant, row]);
        set({ running: progress.running - 1 });
        continue;
      }
      await options.saveCell(cell);
      doneThisRun++;
      options.onCell(cell);
      set({ running: progress.running - 1, done: progress.done + 1, leftMs: estimate() });
    }
    settle();
  };
  return {
    progress: () => progress,
    subscribe(listener: (progress: RunProgress) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      if (progress.status === 'running') return;
      if (queue.length === 0) return set({ status: 'done', leftMs: 0 });
      controller = new AbortController();
      startedAt = performance.now();
      doneThisRun = 0;
      set({ status: 'running' });
      const workers = Math.max(1, Math.min(experiment.concurrency, queue.length)) - progress.running;
      for (let index = 0; index < workers; index++) void worker();
    },
    pause() {
      if (progress.status === 'running') set({ status: progress.running > 0 ? 'pausing' : 'paused' });
    },
    cancel() {
      set({ status: 'cancelled', leftMs: null });
      controller.abort();
    },
  };
}

export type ExperimentRunner = ReturnType<typeof createExperimentRunner>;
