import type { NotifyEvery, SnapshotChoice } from '@completions-kit/core';
import { useState } from 'react';
import { useStore } from 'zustand';
import {
  bindRun,
  type CompletionStreamActions,
  type CompletionStreamState,
  type CompletionStreamStore,
  type StreamCallbacks,
} from './stream-store.ts';
import { useRunOnce } from './use-completion-run.ts';

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
  const run = useRunOnce(options);
  const [store] = useState(() => bindRun(run));
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
