import type { ChatCompletionsClient } from '@completions-kit/core';
import { createContext, type ReactNode, useContext } from 'react';

const ClientContext = createContext<ChatCompletionsClient | null>(null);

export interface ChatCompletionsProviderProps {
  /** A client from `createChatCompletionsClient`. Create it once, outside render. */
  client: ChatCompletionsClient;
  children?: ReactNode;
}

/**
 * Makes a client available to the hooks below it. Works beside (inside) the app's own
 * `QueryClientProvider`, which the hooks use for caching.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <ChatCompletionsProvider client={client}><App /></ChatCompletionsProvider>
 * </QueryClientProvider>
 */
export function ChatCompletionsProvider({ client, children }: ChatCompletionsProviderProps) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The client of the nearest `ChatCompletionsProvider`; throws a clear error outside one. */
export function useChatCompletionsClient(): ChatCompletionsClient {
  const client = useContext(ClientContext);
  if (!client) {
    throw new Error(
      'useChatCompletionsClient needs a <ChatCompletionsProvider client={createChatCompletionsClient(...)}> above it.',
    );
  }
  return client;
}
