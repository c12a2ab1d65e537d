import {
  type ChatCompletion,
  type ChatCompletionCreateParams,
  type CompletionRun,
  type CompletionRunOptions,
  createCompletionRun,
  type NotifyEvery,
  type RunState,
} from '@completions-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useChatCompletionsClient } from './provider.tsx';
import { cacheStoredCompletion } from './query-cache.ts';
import { runCallbacks, type StreamCallbacks } from './stream-store.ts';

export interface UseCompletionRunOptions extends StreamCallbacks {
  /** How often React hears of new chunks: `frame`, every N ms, or `chunk`. Default: `frame`. Set at mount. */
  notify?: NotifyEvery;
  /** What `start` does while a request is live: `supersede` (default) or `refuse`. Set at mount. */
  whileRunning?: CompletionRunOptions['whileRunning'];
}

export type UseCompletionRunResult = RunState & {
  /** Sends the request, streamed when `params.stream` is true. Resolves to the completion, or undefined. */
  readonly start: (params: ChatCompletionCreateParams) => Promise<ChatCompletion | undefined>;
  /** Aborts the live request; what arrived stays. */
  readonly stop: () => void;
  /** Stops, then back to idle. */
  readonly reset: () => void;
  /** The core run behind the hook. */
  readonly run: CompletionRun;
};

/**
 * One request at a time, streamed or not, with one status vocabulary: `submitted`, `streaming`,
 * `done`, `error`, `aborted` or `incomplete`. A new `start` replaces the live request (its partial
 * answer is reported to `onFinish` as `aborted`); unmounting aborts. With `store: true` the
 * completion goes into the query cache. Callbacks may change on every render.
 *
 * @example
 * const { start, stop, status, snapshot } = useCompletionRun();
 * start({ model, messages, stream: true });
 */
export function useCompletionRun(options: UseCompletionRunOptions = {}): UseCompletionRunResult {
  const run = useRunOnce(options);
  const state = useSyncExternalStore(run.subscribe, run.getState, run.getState);
  return { ...state, start: run.start, stop: run.stop, reset: run.reset, run };
}

/**
 * The run behind a hook: made once, sending with the provider's latest client, calling the latest
 * callbacks, writing stored completions into the query cache, and stopped on unmount.
 */
export function useRunOnce(options: UseCompletionRunOptions): CompletionRun {
  const client = useChatCompletionsClient();
  const queryClient = useQueryClient();
  const latest = useRef({ client, options, queryClient });
  latest.current = { client, options, queryClient };
  const [run] = useState(() =>
    createCompletionRun({
      client: () => latest.current.client,
      notify: options.notify ?? 'frame',
      whileRunning: options.whileRunning ?? 'supersede',
      ...runCallbacks(
        () => latest.current.options,
        (completion, params) => cacheStoredCompletion(latest.current.queryClient, completion, params),
      ),
    }),
  );
  useEffect(() => () => run.stop(), [run]);
  return run;
}
