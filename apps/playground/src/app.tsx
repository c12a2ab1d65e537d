import { createChatCompletionsClient } from '@completions-kit/core';
import { ChatCompletionsProvider } from '@completions-kit/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ChatView } from './chat/chat-view.tsx';
import { CompareView } from './compare/compare-view.tsx';
import { ConnectionPanel } from './connection-panel.tsx';
import { ViewErrorBoundary } from './error-boundary.tsx';
import { HistoryView } from './history/history-view.tsx';
import { LogsView } from './logs/logs-view.tsx';
import { PlaygroundView } from './playground-view.tsx';
import { draftFromHash } from './share/share-url.ts';
import { useBrowserKey, useConnection } from './state/connection.ts';
import { useDraft } from './state/draft.ts';

type View = 'playground' | 'chat' | 'logs' | 'compare' | 'history';
const views: { id: View; label: string }[] = [
  { id: 'playground', label: 'Playground' },
  { id: 'chat', label: 'Chat' },
  { id: 'logs', label: 'Logs' },
  { id: 'compare', label: 'Compare' },
  { id: 'history', label: 'History' },
];

const viewOf = (hash: string): View =>
  (views.find((entry) => entry.id !== 'playground' && hash.startsWith(`#/${entry.id}`))?.id ?? 'playground') as View;

export function App() {
  const [view, setView] = useState<View>(() => viewOf(location.hash));
  const connection = useConnection((state) => state.connection);
  const key = useBrowserKey((state) => state.key);
  const client = useMemo(
    () =>
      createChatCompletionsClient({
        baseURL: new URL(connection.baseURL, location.origin).href.replace(/\/$/, ''),
        provider: connection.provider,
        apiKey: key || undefined,
        apiVersion: connection.apiVersion || undefined,
        deployment: connection.deployment || undefined,
        maxRetries: 1,
      }),
    [connection, key],
  );
  const queryClient = useQueryClient();
  // Stored lists and details belong to one connection: switching resets them, and what is on screen refetches.
  useEffect(() => {
    // Runs when the client changes; the cleanup resets the old connection's data.
    if (!client) return;
    return () => void queryClient.resetQueries();
  }, [client, queryClient]);
  useEffect(() => {
    // A shared link opens its prompt, then the hash is cleared so a reload does not undo edits. A link
    // pasted into this same tab changes only the hash: it is read there too.
    const openShared = () => {
      const shared = draftFromHash(location.hash);
      if (!shared) return false;
      useDraft.getState().replace(shared);
      history.replaceState(null, '', location.pathname);
      setView('playground');
      return true;
    };
    openShared();
    const onHash = () => openShared() || setView(viewOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: View) => {
    setView(next);
    history.replaceState(null, '', next === 'playground' ? location.pathname : `#/${next}`);
  };
  return (
    <ChatCompletionsProvider client={client}>
      <header className="app-header">
        <h1>completions-kit playground</h1>
        <nav aria-label="Views">
          {views.map((entry) => (
            <button
              key={entry.id}
              type="button"
              aria-current={view === entry.id ? 'page' : undefined}
              onClick={() => go(entry.id)}
            >
              {entry.label}
            </button>
          ))}
        </nav>
        <ConnectionPanel />
      </header>
      <main>
        <ViewErrorBoundary key={view}>
          {view === 'playground' ? <PlaygroundView /> : null}
          {view === 'chat' ? <ChatView /> : null}
          {view === 'logs' ? <LogsView onOpenInPlayground={() => go('playground')} /> : null}
          {view === 'compare' ? <CompareView /> : null}
          {view === 'history' ? <HistoryView onOpenInPlayground={() => go('playground')} /> : null}
        </ViewErrorBoundary>
      </main>
    </ChatCompletionsProvider>
  );
}
