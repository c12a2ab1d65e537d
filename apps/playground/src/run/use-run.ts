import type { ChatCompletionChunk, ChatCompletionCreateParams, RunState } from '@completions-kit/core';
import { useCompletionRun } from '@completions-kit/hooks';
import { useCallback, useRef, useState } from 'react';

export interface ChunkTime {
  /** Milliseconds since the request was sent. */
  at: number;
  /** Characters of content this chunk carried. */
  characters: number;
}

const characters = (chunk: ChatCompletionChunk) =>
  (chunk.choices ?? []).reduce((sum, choice) => sum + (choice.delta?.content?.length ?? 0), 0);

export interface UseRunOptions {
  /** Called as each request is sent (the history notes the draft then). Default: none. */
  onStart?: (body: ChatCompletionCreateParams) => void;
  /** Called once as each request ends (done, stopped, failed), with its final state. Default: none. */
  onSettled?: (state: RunState) => void;
}

/**
 * The playground's run: the hooks' run (streamed or not, one status vocabulary), plus the arrival
 * time of every chunk for the timeline. Stop keeps what arrived.
 */
export function useRun({ onStart, onSettled }: UseRunOptions = {}) {
  const [chunks, setChunks] = useState<ChunkTime[]>([]);
  const pending = useRef<ChunkTime[]>([]);
  const sentAt = useRef(0);
  const current = useCompletionRun({
    onChunk: (chunk) => pending.current.push({ at: performance.now() - sentAt.current, characters: characters(chunk) }),
    onFinish: () => {
      setChunks([...pending.current]);
      onSettled?.(current.run.getState());
    },
  });
  const { start } = current;
  const run = useCallback(
    (body: ChatCompletionCreateParams) => {
      pending.current = [];
      setChunks([]);
      sentAt.current = performance.now();
      onStart?.(body);
      void start(body);
    },
    [start, onStart],
  );
  const running = current.status === 'submitted' || current.status === 'streaming';
  return { ...current, run, running, chunks: running ? pending.current : chunks };
}

export type Run = ReturnType<typeof useRun>;
