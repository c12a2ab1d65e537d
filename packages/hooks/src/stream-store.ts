import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionSnapshot,
  ChatCompletionsError,
  CompletionRun,
  NotifyEvery,
  RunState,
  StreamStatus,
} from '@completions-kit/core';
import { createStore, type StoreApi } from 'zustand/vanilla';

export type { NotifyEvery };

/** A stream's state: the run's, without the request. */
export type CompletionStreamState = Omit<RunState, 'request'>;

export interface StreamCallbacks {
  /** Called with every chunk as it arrives, before React hears of it. */
  onChunk?: (chunk: ChatCompletionChunk) => void;
  /** Once per request when it ends, also when stopped or replaced by a newer one (`aborted`). */
  onFinish?: (result: {
    completion: ChatCompletion | undefined;
    snapshot: ChatCompletionSnapshot | undefined;
    reason: StreamStatus;
  }) => void;
  /** Called with the typed error when the request fails; what arrived before it stays in the snapshot. */
  onError?: (error: ChatCompletionsError) => void;
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

/** The callbacks a run reports to, from a binding's `StreamCallbacks` and its `onDone`. */
export function runCallbacks(
  callbacks: (() => StreamCallbacks) | undefined,
  onDone?: (completion: ChatCompletion, params: ChatCompletionCreateParamsStreaming) => void,
) {
  return {
    onChunk: (chunk: ChatCompletionChunk) => callbacks?.().onChunk?.(chunk),
    onFinish(state: RunState) {
      const { completion, snapshot, error, request } = state;
      if (completion && request) onDone?.(completion, request as ChatCompletionCreateParamsStreaming);
      if (error && state.status !== 'aborted') callbacks?.().onError?.(error);
      callbacks?.().onFinish?.({ completion, snapshot, reason: state.status as StreamStatus });
    },
  };
}

const pick = ({ status, snapshot, completion, usage, error, timings }: RunState): CompletionStreamState => ({
  status,
  snapshot,
  completion,
  usage,
  error,
  timings,
});

/** The zustand face of a core run: state as the run publishes it, plus the run's actions. */
export function bindRun(run: CompletionRun): CompletionStreamStore {
  const store = createStore<CompletionStreamState & CompletionStreamActions>()(() => ({
    ...pick(run.getState()),
    start: (params) => run.start({ ...params, stream: true }),
    stop: run.stop,
    reset: run.reset,
  }));
  run.subscribe((state) => store.setState(pick(state)));
  return store;
}
