import { createChatCompletionsClient } from '@completions-kit/core';
import { ChatCompletionsProvider } from '@completions-kit/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { ConnectionStatus } from './connection/connection-status.tsx';
import { fetchWhenReady } from './connection/server-status.ts';
import { ConnectionPanel } from './connection-panel.tsx';
import { ViewErrorBoundary } from './error-boundary.tsx';
import { draftFromHash } from './share/share-url.ts';
import { ShortcutsDialog, typingIn } from './shell/shortcuts.tsx';
import { ThemeSwitch } from './shell/theme-switch.tsx';
import { useBrowserKey, useConnection } from './state/connection.ts';
import { useDraft } from './state/draft.ts';
import { defaultView, viewOf, views } from './views.tsx';

function useClient() {
  const connection = useConnection((state) => state.connection);
  const key = useBrowserKey((state) => state.key);
  return useMemo(
    () =>
      createChatCompletionsClient({
        baseURL: new URL(connection.baseURL, location.origin).href.replace(/\/$/, ''),
        provider: connection.provider,
        apiKey: key || undefined,
        apiVersion: connection.apiVersion || undefined,
        deployment: connection.deployment || undefined,
        maxRetries: 1,
        // A message sent while the local server is still starting waits for it instead of failing.
        fetch: fetchWhenReady,
      }),
    [connection, key],
  );
}

export function App() {
  const [view, setView] = useState(() => viewOf(location.hash));
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const client = useClient();
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
      setView(defaultView);
      return true;
    };
    openShared();
    const onHash = () => openShared() || setView(viewOf(location.hash));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      event.preventDefault();
      setShortcutsOpen(true);
    };
    addEventListener('hashchange', onHash);
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('keydown', onKey);
    };
  }, []);
  const go = (next: string) => {
    setView(next);
    history.replaceState(null, '', next === defaultView ? location.pathname : `#/${next}`);
  };
  const current = views.find((entry) => entry.id === view) ?? views[0];
  return (
    <ChatCompletionsProvider client={client}>
      <header className="app-header">
        <h1>
          completions-kit <span>playground</span>
        </h1>
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
        <div className="app-tools">
          <ThemeSwitch />
          <button
            type="button"
            className="icon-button"
            aria-label="Keyboard shortcuts"
            onClick={() => setShortcutsOpen(true)}
          >
            <span aria-hidden="true">⌨</span> <span className="icon-button-label">Shortcuts</span>
          </button>
        </div>
        <ConnectionStatus />
        <ConnectionPanel />
      </header>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <main data-view={view}>
        <ViewErrorBoundary key={view}>
          <Suspense fallback={<p role="status">Loading…</p>}>{current?.render({ go })}</Suspense>
        </ViewErrorBoundary>
      </main>
    </ChatCompletionsProvider>
  );
}
