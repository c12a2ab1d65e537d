import { Worker } from 'node:worker_threads';
import { HttpError } from '../../http/errors.ts';
import { type AnswerInput, type AnswerOutput, budgetError } from './answer.ts';
import { LOCAL_MODEL_ID, type LocalModel, type LocalModelOptions } from './local-engine.ts';

/**
 * Slack past a request's budget before its worker is stopped outright. The budget is checked at
 * every token; this only catches work that runs long between two checks.
 */
const GRACE_MS = 2_000;

interface Job {
  input: AnswerInput;
  resolve: (output: AnswerOutput) => void;
  reject: (error: Error) => void;
}

type Message =
  | { type: 'ready'; stats: LocalModel['stats'] }
  | { type: 'answer'; id: number; output: AnswerOutput }
  | {
      type: 'error';
      id: number;
      error: { status: number; message: string; param: string | null; code: string | null };
    };

/**
 * The local model in a worker thread: the server's event loop only sends requests and receives
 * replies, so health checks and running streams keep flowing while a large request is answered.
 * Requests are answered one at a time, in order; a request far past its budget stops the worker,
 * which the next request starts again.
 */
export class ModelWorker {
  readonly id = LOCAL_MODEL_ID;
  stats: LocalModel['stats'] = { paragraphs: 0, tokens: 0, vocabulary: 0, trainingMs: 0 };
  #worker: Worker | null = null;
  #ready: Promise<void> | null = null;
  #queue: Job[] = [];
  #busy: { id: number; job: Job; timer: NodeJS.Timeout } | null = null;
  #next = 0;
  #users = 0;

  constructor(private readonly options: LocalModelOptions) {}

  /** Starts the worker and waits until the model is trained (about a second). */
  start(): Promise<void> {
    if (this.#ready) return this.#ready;
    // From the sources (tests, npm start) the worker runs TypeScript through tsx; built, it runs the
    // compiled thread next to this file.
    const entry = import.meta.url.endsWith('.ts') ? './model-thread.mjs' : './model-thread.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: this.options });
    // The worker never keeps a process alive on its own: the HTTP server does.
    worker.unref();
    this.#worker = worker;
    this.#ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: Message) => {
        if (message.type === 'ready') {
          this.stats = message.stats;
          resolve();
          this.#dispatch();
        } else this.#settle(message);
      });
      worker.once('error', reject);
      worker.once('exit', () => {
        reject(new Error('The model worker stopped before it was ready.'));
        this.#stopped(worker);
      });
    });
    return this.#ready;
  }

  /** One more server uses the worker: started (and trained) if it is not running. */
  retain(): Promise<void> {
    this.#users++;
    return this.start();
  }

  /**
   * A server is done with the worker; the last one stops it. An idle worker left for the process's
   * exit to stop can hold that exit up (seen with tsx's loader in the worker).
   */
  async release(): Promise<void> {
    this.#users = Math.max(0, this.#users - 1);
    const worker = this.#worker;
    if (this.#users > 0 || !worker) return;
    this.#stopped(worker);
    await worker.terminate();
  }

  answer(input: AnswerInput): Promise<AnswerOutput> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.start().then(
        () => this.#dispatch(),
        (error: Error) => this.#failQueue(error),
      );
    });
  }

  #dispatch(): void {
    const worker = this.#worker;
    if (this.#busy || !worker) return;
    const job = this.#queue.shift();
    if (!job) return;
    const id = this.#next++;
    const timer = setTimeout(() => {
      job.reject(budgetError(job.input.budget.timeMs));
      this.#busy = null;
      void worker.terminate();
    }, job.input.budget.timeMs + GRACE_MS);
    this.#busy = { id, job, timer };
    try {
      worker.postMessage({ id, input: job.input });
    } catch (error) {
      // An input that cannot be cloned fails its own request, never the process.
      clearTimeout(timer);
      this.#busy = null;
      job.reject(error as Error);
      this.#dispatch();
    }
  }

  #settle(message: Exclude<Message, { type: 'ready' }>): void {
    const busy = this.#busy;
    if (!busy || busy.id !== message.id) return;
    clearTimeout(busy.timer);
    this.#busy = null;
    if (message.type === 'answer') busy.job.resolve(message.output);
    else {
      const { status, message: text, param, code } = message.error;
      busy.job.reject(status >= 500 ? new Error(text) : new HttpError(status, text, param, code));
    }
    this.#dispatch();
  }

  /** The worker ended (stopped for overrunning, or crashed): the next request starts a new one. */
  #stopped(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    this.#ready = null;
    if (this.#busy) {
      clearTimeout(this.#busy.timer);
      this.#busy.job.reject(new Error('The model worker stopped while answering.'));
      this.#busy = null;
    }
    if (this.#queue.length > 0) this.start().catch((error: Error) => this.#failQueue(error));
  }

  #failQueue(error: Error): void {
    for (const job of this.#queue.splice(0)) job.reject(error);
  }
}

const workers = new Map<string, ModelWorker>();

/** One worker per process and corpus, shared by every server started in it (tests start many). */
export function modelWorker(options: LocalModelOptions = {}): ModelWorker {
  const key = JSON.stringify(options);
  let worker = workers.get(key);
  if (!worker) {
    worker = new ModelWorker(options);
    workers.set(key, worker);
  }
  return worker;
}
