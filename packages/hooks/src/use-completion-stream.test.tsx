import { completionKeys } from '@completions-kit/core';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { memo, useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { providers, testClient, user } from './test-support/render.tsx';
import { useCompletionChoice, useCompletionStream } from './use-completion-stream.ts';

const long = {
  model: 'ck-local-ngram',
  messages: user('Stream please'),
  max_completion_tokens: 60,
  logit_bias: { '199999': -100 },
};

type Store = ReturnType<typeof useCompletionStream>['store'];

// Memoized, as a list of choices would be: only its own selector can re-render it.
const Choice = memo(function Choice({ store, index, renders }: { store: Store; index: number; renders: number[] }) {
  const choice = useCompletionChoice(store, index);
  renders[index] = (renders[index] ?? 0) + 1;
  return <p>{choice?.message.content}</p>;
});

function Harness({
  renders,
  started,
}: {
  renders: number[];
  started: { start?: (params: typeof long) => Promise<unknown> };
}) {
  const stream = useCompletionStream({ notify: 0 });
  started.start = stream.start;
  const store = useRef(stream.store).current;
  return (
    <>
      <Choice store={store} index={0} renders={renders} />
      <Choice store={store} index={1} renders={renders} />
    </>
  );
}

describe('useCompletionStream against the local server', () => {
  it('goes idle -> submitted -> streaming -> done, with the snapshot, usage and timings', async () => {
    const { wrapper } = providers();
    const seen: string[] = [];
    const { result } = renderHook(
      () => {
        const stream = useCompletionStream();
        seen.push(stream.status);
        return stream;
      },
      { wrapper },
    );
    expect(result.current.status).toBe('idle');
    await act(() => result.current.start({ ...long, stream_options: { include_usage: true } }));
    expect(result.current.status).toBe('done');
    expect(result.current.completion?.choices[0]?.message.content).toBe(
      result.current.snapshot?.choices[0]?.message.content,
    );
    expect(result.current.usage?.completion_tokens).toBe(60);
    expect(result.current.timings?.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(seen).toContain('submitted');
    expect(seen.at(-1)).toBe('done');
  });

  it('streams n = 3 choices', async () => {
    const { wrapper } = providers();
    const { result } = renderHook(() => useCompletionStream(), { wrapper });
    await act(() => result.current.start({ ...long, n: 3, max_completion_tokens: 10 }));
    expect(result.current.snapshot?.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    expect(result.current.completion?.choices.every((choice) => choice.finish_reason === 'length')).toBe(true);
  });

  it('stop() mid-stream keeps the partial text and says aborted', async () => {
    const { wrapper } = providers(testClient({ headers: { 'x-ck-fault': 'pace-ms=15' } }));
    const { result } = renderHook(() => useCompletionStream(), { wrapper });
    let running: Promise<unknown> = Promise.resolve();
    act(() => {
      running = result.current.start({ ...long, max_completion_tokens: 400 });
    });
    await waitFor(() => expect(result.current.snapshot?.choices[0]?.message.content?.length ?? 0).toBeGreaterThan(10));
    act(() => result.current.stop());
    await act(() => running);
    expect(result.current.status).toBe('aborted');
    const partial = result.current.snapshot?.choices[0]?.message.content ?? '';
    expect(partial.length).toBeGreaterThan(10);
    expect(result.current.completion).toBeUndefined();
  });

  it('keeps the partial text on an error mid-stream and on a truncated stream', async () => {
    for (const [fault, status, kind] of [
      ['error-after=5', 'error', 'stream'],
      ['end-after=5', 'incomplete', 'incomplete'],
    ] as const) {
      const onError = vi.fn();
      const { wrapper } = providers(testClient({ headers: { 'x-ck-fault': fault } }));
      const { result } = renderHook(() => useCompletionStream({ onError }), { wrapper });
      await act(() => result.current.start(long));
      expect([fault, result.current.status, result.current.error?.kind]).toEqual([fault, status, kind]);
      expect(result.current.snapshot?.choices[0]?.message.content?.length).toBeGreaterThan(0);
      expect(onError).toHaveBeenCalledWith(result.current.error);
    }
  });

  it('retries a 429 and then streams', async () => {
    const client = testClient({
      maxRetries: 2,
      headers: { 'x-ck-fault': `status=429; retry-after=0; times=1; key=hooks-${Math.random()}` },
    });
    const { wrapper } = providers(client);
    const { result } = renderHook(() => useCompletionStream(), { wrapper });
    await act(() => result.current.start(long));
    expect(result.current.status).toBe('done');
  });

  it('calls the latest callbacks: onChunk for each chunk, onFinish once', async () => {
    const { wrapper } = providers();
    const first = vi.fn();
    const second = vi.fn();
    const onFinish = vi.fn();
    const { result, rerender } = renderHook(({ onChunk }) => useCompletionStream({ onChunk, onFinish }), {
      wrapper,
      initialProps: { onChunk: first },
    });
    rerender({ onChunk: second });
    await act(() => result.current.start({ ...long, max_completion_tokens: 5 }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(7);
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish.mock.calls[0]?.[0]).toMatchObject({ reason: 'done', completion: { object: 'chat.completion' } });
  });

  it('aborts when the component unmounts', async () => {
    const { wrapper } = providers(testClient({ headers: { 'x-ck-fault': 'pace-ms=20' } }));
    const { result, unmount } = renderHook(() => useCompletionStream(), { wrapper });
    let running: Promise<unknown> = Promise.resolve();
    act(() => {
      running = result.current.start({ ...long, max_completion_tokens: 300 });
    });
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    const store = result.current.store;
    unmount();
    await running;
    expect(store.getState().status).toBe('aborted');
  });

  it('writes a stored completion into the query cache and refreshes stored lists', async () => {
    const { wrapper, queryClient } = providers();
    queryClient.setQueryData(completionKeys.list({}), { pages: [], pageParams: [] });
    const { result } = renderHook(() => useCompletionStream(), { wrapper });
    await act(() => result.current.start({ ...long, max_completion_tokens: 5, store: true }));
    const id = result.current.completion?.id as string;
    expect(queryClient.getQueryData(completionKeys.detail(id))).toEqual(result.current.completion);
    expect(queryClient.getQueryState(completionKeys.list({}))?.isInvalidated).toBe(true);
  });

  it('re-renders a choice only when that choice changes', async () => {
    // Replayed traffic (through the client's fetch option): the local server cannot be asked for a
    // stream where choice 0 ends after two tokens while choice 1 goes on for thirty.
    const chunk = (index: number, delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-replay', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index, delta, finish_reason: finish }] })}\n\n`;
    const events = [
      chunk(0, { role: 'assistant', content: 'A' }),
      chunk(1, { role: 'assistant', content: 'B' }),
      chunk(0, { content: '!' }, 'stop'),
    ];
    for (let index = 0; index < 30; index++) events.push(chunk(1, { content: ` ${index}` }));
    events.push(chunk(1, {}, 'length'), 'data: [DONE]\n\n');
    // One event per network read, a few milliseconds apart, as a server would send them.
    const body = () =>
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = events.shift();
          if (next === undefined) return controller.close();
          await new Promise((resolve) => setTimeout(resolve, 3));
          controller.enqueue(new TextEncoder().encode(next));
        },
      });
    const replay = testClient({
      fetch: async () => new Response(body(), { headers: { 'content-type': 'text/event-stream' } }),
    });
    const { wrapper } = providers(replay);
    const renders = [0, 0];
    const started: { start?: (params: typeof long) => Promise<unknown> } = {};
    const view = render(<Harness renders={renders} started={started} />, { wrapper });
    // Outside act(), so React renders as it would in an app instead of batching the whole test.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      await started.start?.(long);
      await waitFor(() => expect(view.container.textContent).toContain('29'), { timeout: 15_000 });
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(view.container.textContent).toBe(
      'A!B 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29',
    );
    expect(renders[1]).toBeGreaterThan(10);
    expect(renders[0]).toBeLessThanOrEqual(4);
  });
});
