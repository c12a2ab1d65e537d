import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionSnapshot,
  ChatCompletionStream,
  ChatCompletionsClient,
  ChatCompletionsError,
  CompletionUsage,
  StreamStatus,
  StreamTimings,
} from '@completions-kit/core';
import { createStore, type StoreApi } from 'zustand/vanilla';

export type CompletionStreamStatus = 'idle' | 'submitted' | StreamStatus;

export interface CompletionStreamState {
  status: CompletionStreamStatus;
  /** Every choice accumulated so far; kept after stop() and errors. */
  snapshot: ChatCompletionSnapshot | undefined;
  /** The finished completion, once status is `done`. */
  completion: ChatCompletion | undefined;
  usage: CompletionUsage | undefined;
  error: ChatCompletionsError | undefined;
  timings: StreamTimings | undefined;
}

export interface StreamCallbacks {
  onChunk?: (chunk: ChatCompletionChunk) => void;
  onFinish?: (result: {
    completion: ChatCompletion | undefined;
    snapshot: ChatCompletionSnapshot | undefined;
    reason: StreamStatus;
  }) => void;
  onError?: (error: ChatCompletionsError) => void;
}

/** How often React hears about new chunks: once per animation frame, every N ms, or at once (0). */
export type NotifyEvery = 'frame' | number;

export interface CompletionStreamStoreOptions {
  client: () => ChatCompletionsClient;
  callbacks?: () => StreamCallbacks;
  /** Default: `frame`. Every chunk is accumulated at once whatever this says. */
  notify?: NotifyEvery;
  /** Told about a finished completion (the hook writes stored ones into the query cache). */
  onDone?: (completion: ChatCompletion, params: ChatCompletionCreateParamsStreaming) => void;
}

export interface CompletionStreamActions {
  /** Starts a stream, stopping any running one. Resolves with the completion, or undefined if it did not finish. */
  start(params: Omit<ChatCompletionCreateParamsStreaming, 'stream'>): Promise<ChatCompletion | undefined>;
  /** Aborts the running stream; the partial snapshot stays and the status becomes `aborted`. */
  stop(): void;
  /** Back to idle, forgetting the last stream. */
  reset(): void;
}

export type CompletionStreamStore = StoreApi<CompletionStreamState & CompletionStreamActions>;

const idle: CompletionStreamState = {
  status: 'idle',
  snapshot: undefined,
  completion: undefined,
  usage: undefined,
  error: undefined,
  timings: undefined,
};

function scheduler(notify: NotifyEvery): (flush: () => void) => () => void {
  if (notify === 0) {
    return (flush) => {
      flush();
      return () => undefined;
    };
  }
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

/**
 * A stream's state outside React (zustand vanilla): chunks are folded as they arrive, listeners are
 * told at most once per frame (or per `notify`), and the last state of a stream is never lost.
 */
export function createCompletionStreamStore(options: CompletionStreamStoreOptions): CompletionStreamStore {
  const schedule = scheduler(options.notify ?? 'frame');
  let current: ChatCompletionStream | null = null;
  let starting: AbortController | null = null;
  let cancelFlush: (() => void) | null = null;
  let pending = false;

  return createStore<CompletionStreamState & CompletionStreamActions>()((set, get) => {
    const flush = (stream: ChatCompletionStream) => {
      pending = false;
      cancelFlush = null;
      if (current !== stream) return;
      const snapshot = stream.snapshot;
      set({ snapshot, status: stream.status, timings: stream.timings, usage: snapshot?.usage ?? undefined });
    };

    const run = async (
      params: Omit<ChatCompletionCreateParamsStreaming, 'stream'>,
    ): Promise<ChatCompletion | undefined> => {
      get().stop();
      const controller = new AbortController();
      starting = controller;
      set({ ...idle, status: 'submitted' });
      let stream: ChatCompletionStream;
      try {
        stream = await options
          .client()
          .chat.completions.create({ ...params, stream: true }, { signal: controller.signal });
      } catch (caught) {
        if (starting !== controller) return undefined;
        starting = null;
        const error = caught as ChatCompletionsError;
        set({ status: error.kind === 'abort' ? 'aborted' : 'error', error });
        if (error.kind !== 'abort') options.callbacks?.().onError?.(error);
        options.callbacks?.().onFinish?.({
          completion: undefined,
          snapshot: undefined,
          reason: error.kind === 'abort' ? 'aborted' : 'error',
        });
        return undefined;
      }
      if (starting !== controller) {
        stream.abort();
        return undefined;
      }
      starting = null;
      current = stream;
      set({ status: 'streaming' });
      try {
        for await (const chunk of stream) {
          options.callbacks?.().onChunk?.(chunk);
          if (!pending) {
            pending = true;
            // With notify 0 this flushes at once and `pending` is already false again.
            cancelFlush = schedule(() => flush(stream));
          }
        }
      } catch {
        // The stream's status and error say what happened; they are read below.
      }
      cancelFlush?.();
      cancelFlush = null;
      pending = false;
      if (current !== stream) return undefined;
      const completion = stream.status === 'done' ? await stream.finalCompletion() : undefined;
      const snapshot = stream.snapshot;
      set({
        status: stream.status,
        snapshot,
        completion,
        error: stream.error,
        timings: stream.timings,
        usage: snapshot?.usage ?? undefined,
      });
      if (completion) options.onDone?.(completion, { ...params, stream: true });
      if (stream.error && stream.status !== 'aborted') options.callbacks?.().onError?.(stream.error);
      options.callbacks?.().onFinish?.({ completion, snapshot, reason: stream.status });
      return completion;
    };

    return {
      ...idle,
      start: run,
      stop() {
        starting?.abort();
        current?.abort();
      },
      reset() {
        get().stop();
        current = null;
        set(idle);
      },
    };
  });
}
