import { createCompletionRun, type NotifyEvery, type SnapshotChoice } from '@completions-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useChatCompletionsClient } from './provider.tsx';
import { cacheStoredCompletion } from './query-cache.ts';
import {
  bindRun,
  type CompletionStreamActions,
  type CompletionStreamState,
  type CompletionStreamStore,
  runCallbacks,
  type StreamCallbacks,
} from './stream-store.ts';

export interface UseCompletionStreamOptions extends StreamCallbacks {
  /** How often React hears of new chunks: `frame`, every N ms, or `chunk`. Default: `frame`. Set at mount. */
  notify?: NotifyEvery;
}

export type UseCompletionStreamResult = CompletionStreamState &
  CompletionStreamActions & {
    /** The store behind the hook, for `useCompletionChoice` and selectors of your own. */
    readonly store: CompletionStreamStore;
  };

/**
 * Streams a completion. Every chunk is folded at once; React re-renders at most once per frame.
 * `stop()`, errors and incomplete streams keep the partial snapshot. Unmounting aborts. With
 * `store: true` the finished completion goes into the query cache and stored lists refresh.
 * Callbacks may change on every render; the latest ones are called.
 *
 * @example
 * const { start, stop, status, snapshot } = useCompletionStream();
 * start({ model, messages });
 */
export function useCompletionStream(options: UseCompletionStreamOptions = {}): UseCompletionStreamResult {
  const client = useChatCompletionsClient();
  const queryClient = useQueryClient();
  const latest = useRef({ client, options, queryClient });
  latest.current = { client, options, queryClient };
  const [store] = useState(() =>
    bindRun(
      createCompletionRun({
        client: () => latest.current.client,
        notify: options.notify ?? 'frame',
        ...runCallbacks(
          () => latest.current.options,
          (completion, params) => cacheStoredCompletion(latest.current.queryClient, completion, params),
        ),
      }),
    ),
  );
  useEffect(() => () => store.getState().stop(), [store]);
  const status = useStore(store, (state) => state.status);
  const snapshot = useStore(store, (state) => state.snapshot);
  const completion = useStore(store, (state) => state.completion);
  const usage = useStore(store, (state) => state.usage);
  const error = useStore(store, (state) => state.error);
  const timings = useStore(store, (state) => state.timings);
  const { start, stop, reset } = store.getState();
  return { status, snapshot, completion, usage, error, timings, start, stop, reset, store };
}

/**
 * One choice of a stream. A chunk for another choice leaves this one the same object, so the
 * component using it does not re-render.
 */
export function useCompletionChoice(store: CompletionStreamStore, index: number): SnapshotChoice | undefined {
  return useStore(store, (state) => state.snapshot?.choices.find((choice) => choice.index === index));
}
