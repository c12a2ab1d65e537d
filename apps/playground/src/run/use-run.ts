import type { ChatCompletionChunk, ChatCompletionCreateParams } from '@completions-kit/core';
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

/**
 * The playground's run: the hooks' run (streamed or not, one status vocabulary), plus the arrival
 * time of every chunk for the timeline. Stop keeps what arrived.
 */
export function useRun() {
  const [chunks, setChunks] = useState<ChunkTime[]>([]);
  const pending = useRef<ChunkTime[]>([]);
  const sentAt = useRef(0);
  const current = useCompletionRun({
    onChunk: (chunk) => pending.current.push({ at: performance.now() - sentAt.current, characters: characters(chunk) }),
    onFinish: () => setChunks([...pending.current]),
  });
  const { start } = current;
  const run = useCallback(
    (body: ChatCompletionCreateParams) => {
      pending.current = [];
      setChunks([]);
      sentAt.current = performance.now();
      void start(body);
    },
    [start],
  );
  const running = current.status === 'submitted' || current.status === 'streaming';
  return { ...current, run, running, chunks: running ? pending.current : chunks };
}

export type Run = ReturnType<typeof useRun>;
