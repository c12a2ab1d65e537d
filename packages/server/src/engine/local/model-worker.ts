import { Worker } from 'node:worker_threads';
import { HttpError } from '../../http/errors.ts';
import { type AnswerInput, budgetError } from './answer.ts';
import type { AnswerHead, AnswerSlice } from './answer-job.ts';
import { AnswerStream, type SliceSource } from './answer-stream.ts';
import { LOCAL_MODEL_ID, type LocalModel, type LocalModelOptions } from './local-engine.ts';
import type { ToThread } from './model-thread.ts';

/**
 * Slack past a request's budget before its worker is stopped outright. The budget is checked at
 * every token; this only catches work that runs long between two checks.
 */
const GRACE_MS = 2_000;

/** A message sent to the worker and not yet answered: the worker serves them in order. */
interface Waiting {
  id: number;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onHead?: (head: AnswerHead, slice: AnswerSlice | null) => void;
  timeMs: number;
}

/** The answers the worker holds in progress, and the tokens they have made so far. */
export interface Census {
  answers: number;
  tokens: number;
  /** Slices asked for and not yet made: 0 while every answer waits on its reader. */
  asking: number;
}

type Message =
  | { type: 'ready'; stats: LocalModel['stats'] }
  | { type: 'head'; id: number; head: AnswerHead; slice: AnswerSlice | null }
  | { type: 'slice'; id: number; slice: AnswerSlice }
  | { type: 'census'; id: number; census: Census }
  | {
      type: 'error';
      id: number;
      error: { status: number; message: string; param: string | null; code: string | null };
    };

/**
 * The local model in a worker thread: the server's event loop only sends requests and receives
 * replies, so health checks and running streams keep flowing while a large request is answered.
 * A plain answer is made a slice (a few milliseconds) at a time, as its reader asks for it, and
 * the worker serves those asks in the order they come: a long answer takes turns with short ones
 * instead of holding them. A worker silent far past a request's budget is stopped, and the next
 * request starts it again.
 */
/** See the Worker's resourceLimits below. */
const YOUNG_GENERATION_MB = 6;

export class ModelWorker {
  readonly id = LOCAL_MODEL_ID;
  stats: LocalModel['stats'] = { paragraphs: 0, tokens: 0, vocabulary: 0, trainingMs: 0 };
  #worker: Worker | null = null;
  #ready: Promise<void> | null = null;
  /** Sent and not yet answered, oldest first. */
  #waiting: Waiting[] = [];
  #watchdog: NodeJS.Timeout | null = null;
  #next = 0;
  #users = 0;

  constructor(private readonly options: LocalModelOptions) {}

  /** Starts the worker and waits until the model is ready. */
  start(): Promise<void> {
    if (this.#ready) return this.#ready;
    // From the sources (tests, npm start) the worker runs TypeScript through tsx; built, it runs the
    // compiled thread next to this file.
    const entry = import.meta.url.endsWith('.ts') ? './model-thread.mjs' : './model-thread.js';
    const worker = new Worker(new URL(entry, import.meta.url), {
      workerData: this.options,
      // V8 grows a thread's young generation to 48 MB under allocation and keeps it: for a model
      // whose garbage is short token arrays, 6 MB costs a few more quick scavenges and saves ~40 MB resident.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // The worker never keeps a process alive on its own: the HTTP server does.
    worker.unref();
    this.#worker = worker;
    this.#ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: Message) => {
        if (message.type === 'ready') {
          this.stats = message.stats;
          resolve();
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

  /** One more server uses the worker: started if it is not running. */
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

  /** Begins an answer: resolves once its head (and a lazy answer's first slice) is ready. */
  async answer(input: AnswerInput): Promise<AnswerStream> {
    await this.start();
    const worker = this.#worker as Worker;
    const id = this.#next++;
    const choices = answerChoices(input.body);
    return new Promise<AnswerStream>((resolve, reject) => {
      const source: SliceSource = {
        more: () =>
          new Promise<AnswerSlice>((resolveSlice, rejectSlice) => {
            if (this.#worker !== worker) return rejectSlice(new Error('The model worker stopped while answering.'));
            this.#send(
              worker,
              { type: 'more', id },
              { id, resolve: resolveSlice, reject: rejectSlice, timeMs: input.budget.timeMs },
            );
          }),
        cancel: () => {
          if (this.#worker === worker) worker.postMessage({ type: 'cancel', id } satisfies ToThread);
        },
      };
      this.#send(
        worker,
        { type: 'start', id, input },
        {
          id,
          resolve,
          reject,
          timeMs: input.budget.timeMs,
          onHead: (head, slice) => resolve(new AnswerStream(head, slice, source, choices) as never),
        },
      );
    });
  }

  /** What the worker holds now: how a test sees that a left stream stopped, or that a slow reader is not outrun. */
  async census(): Promise<Census> {
    await this.start();
    const worker = this.#worker as Worker;
    const id = this.#next++;
    return new Promise<Census>((resolve, reject) =>
      this.#send(
        worker,
        { type: 'census', id },
        {
          id,
          // What is still waiting once the census is answered: asks sent after it, never before it.
          resolve: (census) => resolve({ ...(census as Census), asking: this.#waiting.length }),
          reject,
          timeMs: 10_000,
        },
      ),
    );
  }

  #send(worker: Worker, message: ToThread, waiting: Waiting): void {
    try {
      worker.postMessage(message);
    } catch (error) {
      // An input that cannot be cloned fails its own request, never the process.
      waiting.reject(error as Error);
      return;
    }
    this.#waiting.push(waiting);
    if (this.#waiting.length === 1) this.#arm();
  }

  /** The worker answers every message within a slice or a budget: silence past that means it is stuck. */
  #arm(): void {
    if (this.#watchdog) clearTimeout(this.#watchdog);
    this.#watchdog = null;
    const oldest = this.#waiting[0];
    const worker = this.#worker;
    if (!oldest || !worker) return;
    this.#watchdog = setTimeout(() => {
      oldest.reject(budgetError(oldest.timeMs));
      this.#waiting.shift();
      this.#stopped(worker);
      void worker.terminate();
    }, oldest.timeMs + GRACE_MS);
  }

  #settle(message: Exclude<Message, { type: 'ready' }>): void {
    const index = this.#waiting.findIndex((waiting) => waiting.id === message.id);
    const waiting = this.#waiting[index];
    if (!waiting) return;
    this.#waiting.splice(index, 1);
    this.#arm();
    if (message.type === 'head') waiting.onHead?.(message.head, message.slice);
    else if (message.type === 'slice') waiting.resolve(message.slice as never);
    else if (message.type === 'census') waiting.resolve(message.census as never);
    else {
      const { status, message: text, param, code } = message.error;
      waiting.reject(status >= 500 ? new Error(text) : new HttpError(status, text, param, code));
    }
  }

  /** The worker ended (stopped for overrunning, or crashed): what it held is lost; the next request starts a new one. */
  #stopped(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    this.#ready = null;
    if (this.#watchdog) clearTimeout(this.#watchdog);
    this.#watchdog = null;
    for (const waiting of this.#waiting.splice(0))
      waiting.reject(new Error('The model worker stopped while answering.'));
  }
}

/** How many choices a request asks for (validated again in the worker; a bad value fails there). */
function answerChoices(body: unknown): number {
  const n = (body as { n?: unknown } | null)?.n;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 1;
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
