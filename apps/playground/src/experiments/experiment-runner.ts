import { costOf, examplePrices, priceFor } from '@completions-kit/components';
import type { ChatCompletion, ChatCompletionsClient } from '@completions-kit/core';
import { type Cell, cellKey, cellRequest, type Dataset, type Experiment, rowValues } from './experiment.ts';
import { type Grade, gradeAnswer, isTextGrader, type JudgeConnection } from './graders.ts';
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
  /** The judge's client for a model grader on another connection than the experiment's. */
  judgeClient?: (connection: JudgeConnection, graderId: string) => ChatCompletionsClient;
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
        return judge(
          spec.connection && spec.connection !== 'current' && options.judgeClient
            ? options.judgeClient(spec.connection, spec.id)
            : options.client(),
          {
            graderId: spec.id,
            prompt: spec.prompt,
            model: spec.model || String(options.experiment.draft.params.model),
            threshold: spec.threshold,
            answer,
            row: values,
            signal,
          },
        );
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
export class ExperimentRunner {
  private readonly queue: [number, number][] = [];
  private readonly listeners = new Set<(progress: RunProgress) => void>();
  private state: RunProgress;
  private controller = new AbortController();
  private startedAt = 0;
  private doneThisRun = 0;

  constructor(private readonly options: RunnerOptions) {
    const { experiment, dataset } = options;
    const finished = new Set(options.finished);
    for (let row = 0; row < dataset.rows.length; row++)
      for (const [index, variant] of experiment.variants.entries())
        if (!finished.has(cellKey(experiment.id, variant.id, row))) this.queue.push([index, row]);
    const total = dataset.rows.length * experiment.variants.length;
    this.state = { status: 'idle', done: total - this.queue.length, total, running: 0, leftMs: null };
  }

  progress = () => this.state;

  subscribe(listener: (progress: RunProgress) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  start() {
    if (this.state.status === 'running') return;
    if (this.queue.length === 0) return this.set({ status: 'done', leftMs: 0 });
    this.controller = new AbortController();
    this.startedAt = performance.now();
    this.doneThisRun = 0;
    this.set({ status: 'running' });
    const workers = Math.max(1, Math.min(this.options.experiment.concurrency, this.queue.length)) - this.state.running;
    for (let index = 0; index < workers; index++) void this.work();
  }

  pause() {
    if (this.state.status === 'running') this.set({ status: this.state.running > 0 ? 'pausing' : 'paused' });
  }

  cancel() {
    this.set({ status: 'cancelled', leftMs: null });
    this.controller.abort();
  }

  private set(change: Partial<RunProgress>) {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Time left at the pace of the cells finished since the last start. */
  private estimate() {
    if (this.doneThisRun === 0) return null;
    return ((performance.now() - this.startedAt) / this.doneThisRun) * (this.state.total - this.state.done);
  }

  private async work() {
    while (this.state.status === 'running' && this.queue.length > 0) {
      const [variant, row] = this.queue.shift() as [number, number];
      this.set({ running: this.state.running + 1 });
      const signal = this.controller.signal;
      const cell = await runCell(this.options, variant, row, signal);
      if (signal.aborted) {
        this.queue.unshift([variant, row]);
        this.set({ running: this.state.running - 1 });
        continue;
      }
      await this.options.saveCell(cell);
      this.doneThisRun++;
      this.options.onCell(cell);
      this.set({ running: this.state.running - 1, done: this.state.done + 1, leftMs: this.estimate() });
    }
    if (this.state.running > 0) return;
    if (this.state.status === 'pausing') this.set({ status: 'paused', leftMs: null });
    else if (this.state.status === 'running' && this.queue.length === 0) this.set({ status: 'done', leftMs: 0 });
  }
}

export const createExperimentRunner = (options: RunnerOptions) => new ExperimentRunner(options);
