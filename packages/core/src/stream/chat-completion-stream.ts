import { ChatCompletionsError, requestIdOf, streamErrorFromPayload } from '../client/errors.ts';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionSnapshot,
  StreamStatus,
  StreamTimings,
  WireChunk,
} from '../types.ts';
import { type AccumulatorDraft, accumulateChunk, createDraft } from './accumulate-chunk.ts';
import { finalizeSnapshot } from './finalize.ts';
import { type EventSourceMessage, readEvents } from './sse.ts';

export interface ChatCompletionStreamOptions {
  /** Aborts the request behind the body; `abort()` and leaving a `for await` loop use it. Default: a new one. */
  controller?: AbortController;
  /** Milliseconds allowed between two network reads. Default: no limit. */
  idleTimeoutMs?: number | undefined;
  /** `performance.now()` when the request was sent, for time to first token. Default: now. */
  startedAt?: number;
}

type Listener = () => void;

/**
 * A streamed chat completion: async-iterable over its chunks, with the completion accumulated so far
 * in `snapshot`, a `status`, `abort()` and `finalCompletion()`. Reading starts at once; chunks are
 * kept for a `for await` loop until `subscribe()` or `finalCompletion()` shows nobody will iterate.
 * An error, an abort or an incomplete end keeps the partial `snapshot` readable.
 *
 * @example
 * const stream = await client.chat.completions.create({ model, messages, stream: true });
 * for await (const chunk of stream) render(stream.snapshot);
 * const completion = await stream.finalCompletion();
 */
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  #status: StreamStatus = 'streaming';
  #error: ChatCompletionsError | undefined;
  /** The request id the server sent (`x-request-id`, or Azure's `apim-request-id`). */
  readonly requestId: string | null;
  readonly #controller: AbortController;
  #snapshot: ChatCompletionSnapshot | undefined;
  #draft: AccumulatorDraft | null = null;
  readonly #listeners = new Set<Listener>();
  readonly #startedAt: number;
  #firstTokenAt: number | null = null;
  #lastChunkAt: number | null = null;
  #chunkCount = 0;
  #textChunks = 0;
  #sawDone = false;
  #buffer: WireChunk[] | null = [];
  #iterating = false;
  #wake: (() => void) | null = null;
  #final: Promise<ChatCompletion>;
  #settle!: (completion: ChatCompletion | ChatCompletionsError) => void;

  constructor(response: Response, options: ChatCompletionStreamOptions = {}) {
    this.#controller = options.controller ?? new AbortController();
    this.#startedAt = options.startedAt ?? performance.now();
    this.requestId = requestIdOf(response.headers);
    this.#final = new Promise<ChatCompletion>((resolve, reject) => {
      this.#settle = (result) => (result instanceof ChatCompletionsError ? reject(result) : resolve(result));
    });
    // Nobody may ask for the final completion: that must not surface as an unhandled rejection.
    this.#final.catch(() => undefined);
    void this.#pump(response, options.idleTimeoutMs);
  }

  /** `streaming` until the stream ends as `done`, `error`, `aborted` or `incomplete`. */
  get status(): StreamStatus {
    return this.#status;
  }

  /** Why the stream ended early (also set on `aborted` and `incomplete`). */
  get error(): ChatCompletionsError | undefined {
    return this.#error;
  }

  /**
   * The completion accumulated so far (undefined before the first chunk). A snapshot once read is
   * never changed by later chunks, logprob arrays included. Reading one ends the accumulator's
   * draft: the next chunk copies the path it changes (once), and the chunks after it write into
   * that copy until the next read, so a burst of chunks between two renders costs one copy.
   */
  get snapshot(): ChatCompletionSnapshot | undefined {
    this.#draft = null;
    return this.#snapshot;
  }

  /** Figures so far: time to first token, chunk count, tokens per second. */
  get timings(): StreamTimings {
    const first = this.#firstTokenAt;
    const last = this.#lastChunkAt;
    const tokens = this.#snapshot?.usage?.completion_tokens ?? this.#textChunks;
    const seconds = first !== null && last !== null ? (last - first) / 1000 : 0;
    return {
      startedAt: this.#startedAt,
      firstTokenAt: first,
      lastChunkAt: last,
      chunkCount: this.#chunkCount,
      timeToFirstTokenMs: first === null ? null : first - this.#startedAt,
      tokensPerSecond: seconds > 0 ? tokens / seconds : null,
    };
  }

  /** Stops the stream and its request. The partial snapshot stays; the status becomes `aborted`. */
  abort(): void {
    if (this.#status !== 'streaming') return;
    this.#finish('aborted', new ChatCompletionsError('abort', 'The stream was aborted.'));
    this.#controller.abort();
  }

  /** Resolves to the finished completion; rejects with a typed error on error, abort or an incomplete end. */
  finalCompletion(): Promise<ChatCompletion> {
    if (!this.#iterating) this.#buffer = null;
    return this.#final;
  }

  /** Calls `listener` after every chunk and on every status change. Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    if (!this.#iterating) this.#buffer = null;
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    this.#iterating = true;
    const buffer = this.#buffer ?? [];
    this.#buffer = buffer;
    // A read position instead of shift(): a long backlog must not cost a copy per chunk.
    let position = 0;
    let completed = false;
    try {
      while (true) {
        if (position < buffer.length) {
          const chunk = buffer[position++] as WireChunk;
          if (position === buffer.length) {
            buffer.length = 0;
            position = 0;
          }
          yield chunk as ChatCompletionChunk;
          continue;
        }
        if (this.#status !== 'streaming') break;
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
      }
      completed = true;
      // An abort was asked for, so the loop just ends; errors and incomplete ends throw.
      if (this.#error && this.#status !== 'aborted') throw this.error;
    } finally {
      // Leaving the loop early (break, return, a throw in its body) ends the request.
      if (!completed) this.abort();
    }
  }

  async #pump(response: Response, idleTimeoutMs: number | undefined): Promise<void> {
    if (!response.body) {
      this.#finish('error', new ChatCompletionsError('malformed', 'The stream response had no body.'));
      return;
    }
    try {
      await readEvents(response.body, (event) => this.#onEvent(event), {
        idleTimeoutMs,
        signal: this.#controller.signal,
        onIdle: () =>
          new ChatCompletionsError('timeout', `No data for ${idleTimeoutMs} ms: the stream went quiet.`, {
            phase: 'idle',
            requestId: this.requestId,
          }),
      });
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (this.#status !== 'streaming') return;
    if (this.#sawDone || this.#allChoicesEnded()) {
      this.#finish('done');
    } else {
      const message = 'The stream ended without [DONE] or a finish_reason: the completion is incomplete.';
      this.#finish('incomplete', new ChatCompletionsError('incomplete', message, { requestId: this.requestId }));
    }
  }

  #onEvent(event: EventSourceMessage): boolean | undefined {
    if (this.#status !== 'streaming') return true;
    if (event.data === '[DONE]') {
      this.#sawDone = true;
      return true;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch (cause) {
      const excerpt = event.data.slice(0, 80);
      throw new ChatCompletionsError('malformed', `The stream sent an event that is not JSON: ${excerpt}`, {
        cause,
        requestId: this.requestId,
      });
    }
    if (event.event === 'error' || (payload !== null && typeof payload === 'object' && 'error' in payload)) {
      throw streamErrorFromPayload(payload, this.requestId);
    }
    this.#onChunk(payload as WireChunk);
    return undefined;
  }

  #onChunk(chunk: WireChunk): void {
    const now = performance.now();
    this.#chunkCount++;
    this.#lastChunkAt = now;
    if (carriesText(chunk)) {
      this.#textChunks++;
      if (this.#firstTokenAt === null) this.#firstTokenAt = now;
    }
    this.#draft ??= createDraft();
    this.#snapshot = accumulateChunk(this.#snapshot, chunk, this.#draft);
    this.#buffer?.push(chunk);
    this.#notify();
  }

  #allChoicesEnded(): boolean {
    const choices = this.#snapshot?.choices ?? [];
    return (
      choices.length > 0 &&
      choices.every((choice) => choice.finish_reason !== null || choice.message.audio?.expires_at !== undefined)
    );
  }

  #fail(error: unknown): void {
    if (this.#status !== 'streaming') return;
    if (error instanceof ChatCompletionsError) {
      this.#finish(error.kind === 'abort' ? 'aborted' : 'error', error);
    } else {
      const message = 'The connection closed mid-stream; the partial completion is kept.';
      this.#finish(
        'error',
        new ChatCompletionsError('connection', message, { cause: error, requestId: this.requestId }),
      );
    }
    this.#controller.abort();
  }

  #finish(status: Exclude<StreamStatus, 'streaming'>, error?: ChatCompletionsError): void {
    this.#status = status;
    this.#error = error;
    if (error) this.#settle(error);
    else if (this.#snapshot) this.#settle(finalizeSnapshot(this.#snapshot));
    else this.#settle(new ChatCompletionsError('incomplete', 'The stream ended before any chunk.'));
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
    for (const listener of this.#listeners) listener();
  }
}

function carriesText(chunk: WireChunk): boolean {
  const choices = chunk.choices;
  if (!choices) return false;
  for (const choice of choices) {
    const delta = choice.delta;
    if (!delta) continue;
    if (delta.content || delta.refusal || delta.tool_calls || delta.function_call || delta.audio?.transcript) {
      return true;
    }
  }
  return false;
}
