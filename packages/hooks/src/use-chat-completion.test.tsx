import { completionKeys } from '@completions-kit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useChatCompletionsClient } from './provider.tsx';
import { providers, testClient, user } from './test-support/render.tsx';
import { useChatCompletion } from './use-chat-completion.ts';

describe('the provider', () => {
  it('says clearly when a hook is used outside it', () => {
    expect(() => renderHook(() => useChatCompletionsClient())).toThrow(/ChatCompletionsProvider/);
  });
});

describe('useChatCompletion against the local server', () => {
  it('creates a completion: status, data and a stored one in the cache', async () => {
    const { wrapper, queryClient } = providers();
    const { result } = renderHook(() => useChatCompletion(), { wrapper });
    expect(result.current.status).toBe('idle');
    const completion = await act(() =>
      result.current.mutateAsync({ model: 'm', messages: user('Hello'), max_completion_tokens: 5, store: true }),
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual(completion);
    expect(queryClient.getQueryData(completionKeys.detail(completion.id))).toEqual(completion);
  });

  it('gives a typed error naming the bad parameter', async () => {
    const { wrapper } = providers();
    const { result } = renderHook(() => useChatCompletion(), { wrapper });
    act(() => result.current.mutate({ model: 'm', messages: user('x'), temperature: 5 }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ kind: 'api', status: 400, param: 'temperature' });
    act(() => result.current.reset());
    await waitFor(() => expect(result.current.status).toBe('idle'));
  });

  it('abort() stops a request in flight with an error of kind abort', async () => {
    let answered = 0;
    const counted: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      answered++;
      return response;
    };
    const { wrapper } = providers(
      testClient({ headers: { 'x-ck-fault': 'status=503; retry-after=5' }, maxRetries: 2, fetch: counted }),
    );
    const { result } = renderHook(() => useChatCompletion(), { wrapper });
    act(() => result.current.mutate({ model: 'm', messages: user('x') }));
    // In flight: the first attempt was refused and the client waits 5 s to retry.
    await waitFor(() => expect(answered).toBe(1), { timeout: 10_000 });
    act(() => result.current.abort());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.kind).toBe('abort');
  });
});
