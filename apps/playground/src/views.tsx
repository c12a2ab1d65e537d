import { lazy, type ReactNode } from 'react';
import { PlaygroundView } from './playground-view.tsx';

// Every view but the default loads on first use: the first load carries the playground only.
const ChatView = lazy(() => import('./chat/chat-view.tsx').then((module) => ({ default: module.ChatView })));
const LogsView = lazy(() => import('./logs/logs-view.tsx').then((module) => ({ default: module.LogsView })));
const CompareView = lazy(() =>
  import('./compare/compare-view.tsx').then((module) => ({ default: module.CompareView })),
);
const HistoryView = lazy(() =>
  import('./history/history-view.tsx').then((module) => ({ default: module.HistoryView })),
);
const ExperimentsView = lazy(() =>
  import('./experiments/experiments-view.tsx').then((module) => ({ default: module.ExperimentsView })),
);

export interface ViewContext {
  /** Switch to another view by id. */
  go: (view: string) => void;
}

export interface ViewEntry {
  /** In the URL as #/id; the first entry is the default view at the bare path. */
  id: string;
  /** The nav button's text, also its accessible name. */
  label: string;
  render: (context: ViewContext) => ReactNode;
}

/** The views in nav order. A new view is one more entry here (lazy unless it is the default). */
export const views: ViewEntry[] = [
  { id: 'playground', label: 'Playground', render: () => <PlaygroundView /> },
  { id: 'chat', label: 'Chat', render: () => <ChatView /> },
  { id: 'logs', label: 'Logs', render: ({ go }) => <LogsView onOpenInPlayground={() => go('playground')} /> },
  { id: 'compare', label: 'Compare', render: () => <CompareView /> },
  { id: 'history', label: 'History', render: ({ go }) => <HistoryView onOpenInPlayground={() => go('playground')} /> },
  {
    id: 'experiments',
    label: 'Experiments',
    render: ({ go }) => <ExperimentsView onOpenInPlayground={() => go('playground')} />,
  },
];

export const defaultView = 'playground';

export const viewOf = (hash: string): string =>
  views.find((entry) => entry.id !== defaultView && hash.startsWith(`#/${entry.id}`))?.id ?? defaultView;
