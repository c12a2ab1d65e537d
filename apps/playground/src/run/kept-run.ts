import {
  type ChatCompletionChunk,
  type ChatCompletionsClient,
  type CompletionRun,
  createCompletionRun,
  type RunState,
} from '@completions-kit/core';
import { useChatCompletionsClient } from '@completions-kit/hooks';
import { useSyncExternalStore } from 'react';

interface KeptRun {
  run: CompletionRun;
  client: ChatCompletionsClient;
  onChunk?: (chunk: ChatCompletionChunk) => void;
  onFinish?: (state: RunState) => void;
  /** What its view keeps beside the run (the chunk times), across remounts too. */
  extra: Map<string, unknown>;
}

/** Runs that outlive their view, by name: leaving a view and coming back finds the answer as it was. */
const kept = new Map<string, KeptRun>();

function keep(name: string, client: ChatCompletionsClient): KeptRun {
  const existing = kept.get(name);
  if (existing) return existing;
  const entry = { client, extra: new Map() } as KeptRun;
  entry.run = createCompletionRun({
    client: () => entry.client,
    notify: 'frame',
    whileRunning: 'supersede',
    onChunk: (chunk) => entry.onChunk?.(chunk),
    onFinish: (state) => entry.onFinish?.(state),
  });
  kept.set(name, entry);
  return entry;
}

export interface UseKeptRunOptions {
  onChunk?: (chunk: ChatCompletionChunk) => void;
  onFinish?: (state: RunState) => void;
}

/**
 * Like the hooks' `useCompletionRun`, but the run lives at module level under `name`: an unmount
 * (a switch of views) neither stops nor forgets it. Sends with the provider's latest client and
 * calls the latest callbacks.
 */
export function useKeptRun(name: string, options: UseKeptRunOptions) {
  const entry = keep(name, useChatCompletionsClient());
  // The latest client and callbacks, read when the run needs them (as a ref would be).
  entry.client = useChatCompletionsClient();
  entry.onChunk = options.onChunk;
  entry.onFinish = options.onFinish;
  const state = useSyncExternalStore(entry.run.subscribe, entry.run.getState, entry.run.getState);
  return {
    ...state,
    start: entry.run.start,
    stop: entry.run.stop,
    reset: entry.run.reset,
    run: entry.run,
    extra: entry.extra,
  };
}
