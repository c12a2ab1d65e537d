import {
  type ChatCompletionsClient,
  type ChatCompletionsClientOptions,
  createChatCompletionsClient,
} from '@completions-kit/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { inject } from 'vitest';
import { ChatCompletionsProvider } from '../provider.tsx';

export function testClient(options: Partial<ChatCompletionsClientOptions> = {}): ChatCompletionsClient {
  return createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0, ...options });
}

/** A fresh QueryClient per test, and the providers around the hook under test. */
export function providers(client: ChatCompletionsClient = testClient()) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ChatCompletionsProvider client={client}>{children}</ChatCompletionsProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper, client };
}

export const user = (content: string) => [{ role: 'user' as const, content }];
