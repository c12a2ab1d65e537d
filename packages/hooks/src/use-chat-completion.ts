import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionsError,
} from '@completions-kit/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { chatCompletionMutationOptions } from './options.ts';
import { useChatCompletionsClient } from './provider.tsx';
import { cacheStoredCompletion } from './query-cache.ts';

export interface UseChatCompletionOptions {
  /** Called with the completion once it arrives (after it is cached when stored). */
  onSuccess?: (completion: ChatCompletion) => void;
  /** Called with the typed error when the request fails (after its retries). */
  onError?: (error: ChatCompletionsError) => void;
}

export type UseChatCompletionResult = UseMutationResult<
  ChatCompletion,
  ChatCompletionsError,
  ChatCompletionCreateParamsNonStreaming
> & {
  /** Aborts the request in flight (the mutation fails with an error of kind `abort`). */
  abort: () => void;
};

/**
 * A non-streamed create as a mutation. A completion made with `store: true` goes into the query
 * cache under its id, and stored lists are refreshed. Unmounting aborts the request.
 *
 * @example
 * const { mutate, data, status, error, abort } = useChatCompletion();
 * mutate({ model, messages });
 */
export function useChatCompletion(options: UseChatCompletionOptions = {}): UseChatCompletionResult {
  const client = useChatCompletionsClient();
  const queryClient = useQueryClient();
  const controller = useRef<AbortController | null>(null);
  const callbacks = useRef(options);
  callbacks.current = options;
  const mutation = useMutation({
    ...chatCompletionMutationOptions(client, {
      signal: () => {
        // A new request replaces the one in flight.
        controller.current?.abort();
        controller.current = new AbortController();
        return controller.current.signal;
      },
    }),
    onSuccess: (completion, params) => {
      cacheStoredCompletion(queryClient, completion, params);
      callbacks.current.onSuccess?.(completion);
    },
    onError: (error) => callbacks.current.onError?.(error),
  });
  const abort = useCallback(() => controller.current?.abort(), []);
  useEffect(() => () => controller.current?.abort(), []);
  return { ...mutation, abort };
}
