import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { Choices, Message, UsageView } from '../../../packages/components/src/index.ts';
import type { RunStatus } from '../../../packages/core/src/index.ts';
import { ChatCompletionsProvider, useCompletionStream } from '../../../packages/hooks/src/index.ts';
import { hasRecordings, replayClient } from './replay-fetch.ts';

const recordings = {
  'py-plain-content': 'Plain text',
  'py-tool-calls-parallel-2': 'Two parallel tool calls',
  'py-refusal': 'A refusal',
  'py-n3-multiple-choices': 'n = 3 choices',
} as const;
type Recording = keyof typeof recordings;

/** The providers an app puts at its root, with a client whose fetch replays `recording`. */
export function ReplayProviders({
  recording = 'py-plain-content',
  children,
}: {
  recording?: string;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const client = useMemo(() => replayClient(recording), [recording]);
  if (!hasRecordings) return <p>The recordings were not found when this Storybook was built.</p>;
  return (
    <QueryClientProvider client={queryClient}>
      <ChatCompletionsProvider client={client}>{children}</ChatCompletionsProvider>
    </QueryClientProvider>
  );
}

function messageStatus(status: RunStatus): RunStatus {
  if (status === 'submitted' || status === 'streaming') return 'streaming';
  return status === 'idle' ? 'done' : status;
}

function StreamPanel() {
  const { status, snapshot, completion, timings, error, start, stop } = useCompletionStream();
  const running = status === 'submitted' || status === 'streaming';
  const choices = snapshot?.choices ?? [];
  return (
    <>
      <div className="ck-demo-bar">
        <button
          type="button"
          disabled={running}
          onClick={() => void start({ model: 'gpt-4o-2024-08-06', messages: [] })}
        >
          Start
        </button>
        <button type="button" disabled={!running} onClick={stop}>
          Stop
        </button>
        <output aria-label="Stream state">
          status {status} · chunks {timings?.chunkCount ?? 0} · first token{' '}
          {timings?.timeToFirstTokenMs != null ? `${Math.round(timings.timeToFirstTokenMs)} ms` : '…'}
        </output>
      </div>
      {error ? <p role="alert">{error.message}</p> : null}
      {choices.length > 1 ? (
        <Choices choices={choices} layout="side-by-side" />
      ) : choices[0] ? (
        <Message message={choices[0].message} status={messageStatus(status)} finishReason={choices[0].finish_reason} />
      ) : null}
      {completion?.usage ? <UsageView completion={completion} /> : null}
    </>
  );
}

/** useCompletionStream on a recorded stream: start, stop half way, watch the state. */
export function CompletionStreamDemo() {
  const [recording, setRecording] = useState<Recording>('py-plain-content');
  return (
    <section className="ck-demo sb-unstyled" aria-label="useCompletionStream demo">
      <label>
        Recording{' '}
        <select value={recording} onChange={(event) => setRecording(event.target.value as Recording)}>
          {Object.entries(recordings).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ReplayProviders recording={recording}>
        <StreamPanel key={recording} />
      </ReplayProviders>
    </section>
  );
}
