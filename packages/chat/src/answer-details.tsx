import { useChatLabels } from '@completions-kit/components/chat';
import type { CompletionRecord } from '@completions-kit/core';
import { lazy, Suspense, useState } from 'react';

// Opened by a click, so loaded on it: a chat that never opens them (most) does not download them.
const TokenLogprobs = lazy(() =>
  import('@completions-kit/components/logprobs').then((module) => ({ default: module.TokenLogprobs })),
);
const UsageView = lazy(() =>
  import('@completions-kit/components/usage').then((module) => ({ default: module.UsageView })),
);

/** The toggle that opens an answer's usage and cost (beside its other actions). */
export function UsageToggle({
  completion,
  open,
  onToggle,
}: {
  completion: CompletionRecord | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const labels = useChatLabels();
  if (!completion?.usage) return null;
  return (
    <button type="button" data-slot="chat-usage-toggle" aria-expanded={open} onClick={onToggle}>
      {labels.usage(completion.usage.total_tokens)}
    </button>
  );
}

/** What an answer's completion says beyond its message: its tokens' logprobs (when asked for) and usage. */
export function AnswerDetails({
  completion,
  choice,
  showUsage,
}: {
  completion: CompletionRecord | undefined;
  /** The choice the answer shows (n > 1). Default: the first. */
  choice: number | undefined;
  showUsage: boolean;
}) {
  const labels = useChatLabels();
  const [showLogprobs, setShowLogprobs] = useState(false);
  const logprobs = completion?.choices.find((item) => item.index === (choice ?? 0))?.logprobs?.content;
  return (
    <>
      {logprobs?.length ? (
        <button
          type="button"
          data-slot="chat-logprobs-toggle"
          aria-expanded={showLogprobs}
          onClick={() => setShowLogprobs(!showLogprobs)}
        >
          {labels.showLogprobs}
        </button>
      ) : null}
      <Suspense fallback={<div data-slot="chat-details-loading" aria-busy="true" />}>
        {showLogprobs && logprobs?.length ? <TokenLogprobs tokens={logprobs} /> : null}
        {showUsage && completion?.usage ? <UsageView completion={completion} /> : null}
      </Suspense>
    </>
  );
}
