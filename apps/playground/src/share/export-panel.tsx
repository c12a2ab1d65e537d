import type { ChatCompletion, ChatCompletionCreateParams } from '@completions-kit/core';
import { lazy, Suspense, useState } from 'react';

const ExportContent = lazy(() => import('./export-content.tsx').then((module) => ({ default: module.ExportContent })));

export interface ExportPanelProps {
  body: ChatCompletionCreateParams;
  /** The last finished run's answer (for the test fixture). Default: none. */
  completion?: ChatCompletion | undefined;
}

/** The request as code (the key read from the environment), a share link, and saved prompts: loaded on first open. */
export function ExportPanel(props: ExportPanelProps) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="export" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>Export, share and saved prompts</summary>
      {opened ? (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <ExportContent {...props} />
        </Suspense>
      ) : null}
    </details>
  );
}
