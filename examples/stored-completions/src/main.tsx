import '@completions-kit/components/styles.css';
import './browser.css';
import { createChatCompletionsClient } from '@completions-kit/core';
import { ChatCompletionsProvider } from '@completions-kit/hooks';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Browser } from './browser.tsx';

// Same-origin /v1: the dev server and `vite preview` forward it to the completions server. For the
// real API, keep the key on a server of your own and point Vite's proxy (vite.config.ts) at it.
const client = createChatCompletionsClient({ baseURL: `${location.origin}/v1` });
const queryClient = new QueryClient();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ChatCompletionsProvider client={client}>
        <Browser />
      </ChatCompletionsProvider>
    </QueryClientProvider>
  </StrictMode>,
);
