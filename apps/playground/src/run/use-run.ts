import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionsError,
} from '@completions-kit/core';
import { useChatCompletion, useCompletionStream } from '@completions-kit/hooks';
import { useCallback, useRef, useState } from 'react';

export interface ChunkTime {
  /** Milliseconds since the request was sent. */
  at: number;
  /** Characters of content this chunk carried. */
  characters: number;
}

/**
 * One place to run a request streamed or not: the stream hook or the create mutation, plus the
 * arrival time of every chunk for the timeline. Stop keeps what arrived.
 */
export function useRun() {
  const [request, setRequest] = useState<ChatCompletionCreateParams | null>(null);
  const [chunks, setChunks] = useState<ChunkTime[]>([]);
  const sentAt = useRef(0);
  const pending = useRef<ChunkTime[]>([]);
  const stream = useCompletionStream({
    onChunk: (chunk) => {
      const characters = (chunk.choices ?? []).reduce((sum, choice) => sum + (choice.delta?.content?.length ?? 0), 0);
      pending.current.push({ at: performance.now() - sentAt.current, characters });
    },
    onFinish: () => setChunks([...pending.current]),
  });
  const create = useChatCompletion();
  const streamed = request?.stream === true;
  const run = useCallback(
    (body: ChatCompletionCreateParams) => {
      setRequest(body);
      setChunks([]);
      pending.current = [];
      sentAt.current = performance.now();
      stream.reset();
      create.reset();
      if (body.stream) {
        const { stream: _, ...rest } = body;
        void stream.start(rest);
      } else create.mutate(body as ChatCompletionCreateParamsNonStreaming);
    },
    [stream, create],
  );
  const running = streamed ? stream.status === 'submitted' || stream.status === 'streaming' : create.isPending;
  const completion: ChatCompletion | undefined = streamed ? stream.completion : create.data;
  const error: ChatCompletionsError | undefined = streamed ? stream.error : (create.error ?? undefined);
  return {
    run,
    stop: streamed ? stream.stop : create.abort,
    request,
    running,
    status: streamed ? stream.status : create.status,
    snapshot: streamed ? stream.snapshot : create.data,
    completion,
    error,
    timings: streamed ? stream.timings : undefined,
    chunks: streamed && running ? pending.current : chunks,
  };
}

export type Run = ReturnType<typeof useRun>;
