import '@completions-kit/components/styles.css';
import '@completions-kit/components/styles/page.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/panel.css';
import './styles/thread.css';
import './playground.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { applyTheme, readTheme } from './shell/theme.ts';

// Before the first paint, so a dark choice never flashes light.
applyTheme(readTheme());

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
