import type { ChatCompletionsClient } from '../client/create-client.ts';
import { ChatCompletionsError } from '../client/errors.ts';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
  ChatCompletionSnapshot,
  CompletionUsage,
  RunStatus,
  StreamTimings,
} from '../types.ts';
import { ChatCompletionStream } from './chat-completion-stream.ts';
import { finalizeSnapshot } from './finalize.ts';

/** One request's state. Every object handed out is new; none changes afterwards. */
export interface RunState {
  /** Where the request is: `idle`, `submitted`, `streaming`, then `done`, `error`, `aborted` or `incomplete`. */
  readonly status: RunStatus;
  /** Every choice accumulated so far (the completion itself when not streamed); kept on stop and error. */
  readonly snapshot: ChatCompletionSnapshot | undefined;
  /** The finished completion, once status is `done`. */
  readonly completion: ChatCompletion | undefined;
  /** Token counts, when the API sent them (a stream sends them with `stream_options.include_usage`). */
  readonly usage: CompletionUsage | undefined;
  /** The typed error (`kind`, `status`, `code`, `requestId`) when status is `error`. */
  readonly error: ChatCompletionsError | undefined;
  /** A stream's figures: time to first token, chunks, tokens per second. */
  readonly timings: StreamTimings | undefined;
  /** The request this state answers (undefined when idle). */
  readonly request: ChatCompletionCreateParams | undefined;
}

/** How often subscribers hear of new chunks: once per animation frame, every N ms, or every chunk. */
export type NotifyEvery = 'frame' | 'chunk' | number;

export interface CompletionRunOptions {
  /** The client to send with, asked at each `start` (so a binding can pass its latest one). */
  client: () => ChatCompletionsClient;
  /** Default: `frame`. Every chunk is accumulated at once whatever this says; status changes notify at once. */
  notify?: NotifyEvery;
  /**
   * What `start` does while a request is live. `supersede` (default): stop it (it ends `aborted`,
   * its partial kept and reported) and start the new one. `refuse`: leave it running; the new
   * `start` resolves to undefined and changes nothing.
   */
  whileRunning?: 'supersede' | 'refuse';
  /** Every chunk, as it arrives (before any throttling). */
  onChunk?: (chunk: ChatCompletionChunk) => void;
  /** Once per request, synchronously when it ends: done, error, aborted (also when superseded), incomplete. */
  onFinish?: (state: RunState) => void;
}

export interface CompletionRun {
  getState(): RunState;
  /** Calls `listener` on every status change and, throttled by `notify`, as chunks arrive. */
  subscribe(listener: (state: RunState) => void): () => void;
  /** Sends `params` (streamed when `params.stream`). Resolves to the completion, or undefined if it did not finish. */
  start(params: ChatCompletionCreateParams): Promise<ChatCompletion | undefined>;
  /** Aborts the live request at once: status `aborted`, the partial snapshot kept. */
  stop(): void;
  /** Stops, then back to idle. */
  reset(): void;
  /** Stops and lets go of every subscriber; later `start` calls do nothing. */
  dispose(): void;
}

const idle: RunState = {
  status: 'idle',
  snapshot: undefined,
  completion: undefined,
  usage: undefined,
  error: undefined,
  timings: undefined,
  request: undefined,
};

interface Attempt {
  controller: AbortController;
  stream?: ChatCompletionStream;
}

function scheduler(notify: NotifyEvery): ((flush: () => void) => () => void) | null {
  if (notify === 'chunk' || notify === 0) return null;
  if (notify === 'frame' && typeof requestAnimationFrame === 'function') {
    return (flush) => {
      const frame = requestAnimationFrame(flush);
      return () => cancelAnimationFrame(frame);
    };
  }
  const delay = notify === 'frame' ? 16 : notify;
  return (flush) => {
    const timer = setTimeout(flush, delay);
    return () => clearTimeout(timer);
  };
}

function streamPart(stream: ChatCompletionStream): Partial<RunState> {
  const snapshot = stream.snapshot;
  return { snapshot, usage: snapshot?.usage ?? undefined, timings: stream.timings, error: stream.error };
}

function asError(caught: unknown): ChatCompletionsError {
  if (caught instanceof ChatCompletionsError) return caught;
  return new ChatCompletionsError('connection', String(caught), { cause: caught });
}

/** The run's machinery; `createCompletionRun` hands it out as a `CompletionRun`. */
class Run implements CompletionRun {
  readonly #options: CompletionRunOptions;
  readonly #schedule: ((flush: () => void) => () => void) | null;
  readonly #listeners = new Set<(state: RunState) => void>();
  #state = idle;
  #live: Attempt | null = null;
  #cancelFlush: (() => void) | null = null;
  #disposed = false;

  constructor(options: CompletionRunOptions) {
    this.#options = options;
    this.#schedule = scheduler(options.notify ?? 'frame');
  }

  // Arrow properties: bindings pass these around unbound (useSyncExternalStore, store actions).
  getState = (): RunState => this.#state;

  subscribe = (listener: (state: RunState) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  start = async (params: ChatCompletionCreateParams): Promise<ChatCompletion | undefined> => {
    if (this.#disposed || (this.#live && this.#options.whileRunning === 'refuse')) return undefined;
    this.stop();
    const attempt: Attempt = { controller: new AbortController() };
    this.#live = attempt;
    this.#state = idle;
    this.#publish({ status: 'submitted', request: params });
    let result: ChatCompletion | ChatCompletionStream;
    try {
      result = await this.#options.client().chat.completions.create(params, { signal: attempt.controller.signal });
    } catch (caught) {
      const error = asError(caught);
      this.#settle(attempt, { status: error.kind === 'abort' ? 'aborted' : 'error', error });
      return undefined;
    }
    if (this.#live !== attempt) {
      // Superseded or stopped while the headers were on their way: this answer belongs to nobody.
      if (result instanceof ChatCompletionStream) result.abort();
      return undefined;
    }
    if (result instanceof ChatCompletionStream) return this.#follow(attempt, result);
    const snapshot = result as unknown as ChatCompletionSnapshot;
    this.#settle(attempt, { status: 'done', completion: result, snapshot, usage: result.usage });
    return result;
  };

  stop = (): void => {
    const attempt = this.#live;
    if (!attempt) return;
    attempt.controller.abort();
    if (attempt.stream) {
      attempt.stream.abort();
      this.#settle(attempt, { ...streamPart(attempt.stream), status: 'aborted' });
    } else {
      this.#settle(attempt, {
        status: 'aborted',
        error: new ChatCompletionsError('abort', 'The request was stopped.'),
      });
    }
  };

  reset = (): void => {
    this.stop();
    this.#publish(idle);
  };

  dispose = (): void => {
    this.stop();
    this.#disposed = true;
    this.#listeners.clear();
  };

  async #follow(attempt: Attempt, stream: ChatCompletionStream): Promise<ChatCompletion | undefined> {
    attempt.stream = stream;
    this.#publish({ status: 'streaming', timings: stream.timings });
    try {
      for await (const chunk of stream) this.#onChunk(attempt, stream, chunk);
    } catch {
      // The stream's status and error say what happened; they are read below.
    }
    if (this.#live !== attempt) return undefined;
    const part = streamPart(stream);
    const completion = stream.status === 'done' && part.snapshot ? finalizeSnapshot(part.snapshot) : undefined;
    this.#settle(attempt, { ...part, status: stream.status, completion });
    return completion;
  }

  #onChunk(attempt: Attempt, stream: ChatCompletionStream, chunk: ChatCompletionChunk): void {
    this.#options.onChunk?.(chunk);
    if (this.#live !== attempt) return;
    if (!this.#schedule) {
      this.#publish(streamPart(stream));
      return;
    }
    this.#cancelFlush ??= this.#schedule(() => {
      this.#cancelFlush = null;
      if (this.#live === attempt) this.#publish(streamPart(stream));
    });
  }

  #publish(patch: Partial<RunState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }

  #settle(attempt: Attempt, patch: Partial<RunState>): void {
    if (this.#live !== attempt) return;
    this.#live = null;
    this.#cancelFlush?.();
    this.#cancelFlush = null;
    this.#publish(patch);
    this.#options.onFinish?.(this.#state);
  }
}

/**
 * One request's whole life, owned in one place: submitted, streaming, then done, error, aborted or
 * incomplete. The stream store, the conversation store and the run hook are bindings of it.
 *
 * @example
 * const run = createCompletionRun({ client: () => client });
 * run.subscribe((state) => render(state.status, state.snapshot));
 * await run.start({ model, messages, stream: true });
 */
export function createCompletionRun(options: CompletionRunOptions): CompletionRun {
  return new Run(options);
}
