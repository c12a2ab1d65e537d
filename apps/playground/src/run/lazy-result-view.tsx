import { lazy } from 'react';

// The answer's parts (markdown, choices, logprobs, usage) load after the first paint: nothing is
// shown in them before a run, and the idle preload has them ready long before a first answer.
const load = () => import('./result-view.tsx');

export const LazyResultView = lazy(() => load().then((module) => ({ default: module.ResultView })));

export function preloadResultView() {
  const start = () => void load();
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
