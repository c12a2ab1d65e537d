import { TokenLogprobs, UsageView } from '@completions-kit/components';
import { useChatLabels } from '@completions-kit/components/chat';
import type { CompletionRecord } from '@completions-kit/core';
import { useState } from 'react';

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
      {showLogprobs && logprobs?.length ? <TokenLogprobs tokens={logprobs} /> : null}
      {showUsage && completion?.usage ? <UsageView completion={completion} /> : null}
    </>
  );
}
