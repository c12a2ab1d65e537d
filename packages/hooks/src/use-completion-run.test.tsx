import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { providers, testClient, user } from './test-support/render.tsx';
import { useCompletionRun } from './use-completion-run.ts';

const request = {
  model: 'ck-local-ngram',
  messages: user('Run please'),
  max_completion_tokens: 8,
  logit_bias: { '199999': -100 },
};

describe('useCompletionRun against the local server', () => {
  it('runs streamed and whole requests through one vocabulary of statuses', async () => {
    const { wrapper } = providers();
    const seen: string[] = [];
    const { result } = renderHook(
      () => {
        const run = useCompletionRun({ notify: 'chunk' });
        if (seen.at(-1) !== run.status) seen.push(run.status);
        return run;
      },
      { wrapper },
    );
    await act(() => result.current.start({ ...request, stream: true }));
    expect(seen).toEqual(['idle', 'submitted', 'streaming', 'done']);
    expect(result.current.timings?.chunkCount).toBeGreaterThan(0);
    await act(() => result.current.start(request));
    expect(seen).toEqual(['idle', 'submitted', 'streaming', 'done', 'submitted', 'done']);
    expect(result.current.snapshot?.choices[0]?.message.content).toBe(
      result.current.completion?.choices[0]?.message.content,
    );
  });

  it('a second start while streaming replaces the first, whose partial answer is reported as aborted', async () => {
    const { wrapper } = providers(testClient({ headers: { 'x-ck-fault': 'pace-ms=20' } }));
    const onFinish = vi.fn();
    const { result } = renderHook(() => useCompletionRun({ onFinish }), { wrapper });
    let first: Promise<unknown> = Promise.resolve();
    act(() => {
      first = result.current.start({ ...request, max_completion_tokens: 200, stream: true });
    });
    await waitFor(() => expect(result.current.snapshot?.choices[0]?.message.content?.length).toBeGreaterThan(3));
    await act(() => result.current.start({ ...request, max_completion_tokens: 3, stream: true }));
    await first;
    expect(onFinish.mock.calls.map(([finish]) => finish.reason)).toEqual(['aborted', 'done']);
    expect(onFinish.mock.calls[0]?.[0].snapshot.choices[0].message.content.length).toBeGreaterThan(3);
    expect(result.current.status).toBe('done');
    expect(result.current.request?.max_completion_tokens).toBe(3);
  });

  it('unmounting mid-stream aborts the request and keeps what arrived', async () => {
    const { wrapper } = providers(testClient({ headers: { 'x-ck-fault': 'pace-ms=20' } }));
    const onFinish = vi.fn();
    const { result, unmount } = renderHook(() => useCompletionRun({ onFinish }), { wrapper });
    let running: Promise<unknown> = Promise.resolve();
    act(() => {
      running = result.current.start({ ...request, max_completion_tokens: 300, stream: true });
    });
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    const run = result.current.run;
    unmount();
    await running;
    expect(run.getState().status).toBe('aborted');
    expect(onFinish).toHaveBeenCalledTimes(1);
  });
});
