import type { ChatCompletionChunk, ChatCompletionCreateParams, RunState } from '@completions-kit/core';
import { useCallback, useState } from 'react';
import { useKeptRun } from './kept-run.ts';

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

interface ChunkTimes {
  sentAt: number;
  /** The live request's chunks so far. */
  pending: ChunkTime[];
  /** The last finished request's chunks. */
  finished: ChunkTime[];
}

/**
 * The playground's run: a run kept under `name` beyond its view (streamed or not, one status
 * vocabulary, see kept-run.ts), plus the arrival time of every chunk for the timeline. Stop keeps
 * what arrived; a switch of views keeps the answer, its timeline and a request still streaming.
 */
export function useRun({ onStart, onSettled }: UseRunOptions = {}, name = 'playground') {
  const [, rerender] = useState(0);
  const current = useKeptRun(name, {
    onChunk: (chunk) => times.pending.push({ at: performance.now() - times.sentAt, characters: characters(chunk) }),
    onFinish: (state) => {
      times.finished = [...times.pending];
      rerender((count) => count + 1);
      onSettled?.(state);
    },
  });
  const times = (current.extra.get('times') as ChunkTimes | undefined) ?? { sentAt: 0, pending: [], finished: [] };
  current.extra.set('times', times);
  const { start } = current;
  const run = useCallback(
    (body: ChatCompletionCreateParams) => {
      times.pending = [];
      times.finished = [];
      times.sentAt = performance.now();
      onStart?.(body);
      void start(body);
    },
    [start, onStart, times],
  );
  const running = current.status === 'submitted' || current.status === 'streaming';
  return { ...current, run, running, chunks: running ? times.pending : times.finished };
}

export type Run = ReturnType<typeof useRun>;
