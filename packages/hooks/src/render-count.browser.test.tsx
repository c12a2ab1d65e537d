import { createChatCompletionsClient } from '@completions-kit/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { memo, Profiler, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, inject, it, vi } from 'vitest';
import { ChatCompletionsProvider } from './provider.tsx';
import type { NotifyEvery } from './stream-store.ts';
import { useCompletionChoice, useCompletionStream } from './use-completion-stream.ts';

// In headless Chromium, against the local server: 2,000 tokens at 500 tokens/s (2 ms apart).
const TOKENS = 2000;

type Store = ReturnType<typeof useCompletionStream>['store'];
const Quiet = memo(function Quiet({ store, counts }: { store: Store; counts: { quiet: number } }) {
  useCompletionChoice(store, 1);
  counts.quiet++;
  return null;
});

function Stream({
  notify,
  counts,
  begin,
}: {
  notify: NotifyEvery;
  counts: { quiet: number };
  begin: { start?: ReturnType<typeof useCompletionStream>['start'] };
}) {
  const stream = useCompletionStream({ notify });
  begin.start = stream.start;
  const store = useRef(stream.store).current;
  return (
    <>
      <p>{stream.snapshot?.choices[0]?.message.content?.length ?? 0}</p>
      <Quiet store={store} counts={counts} />
    </>
  );
}

async function measure(notify: NotifyEvery) {
  const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), headers: { 'x-ck-fault': 'pace-ms=2' } });
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const counts = { quiet: 0 };
  const begin: { start?: ReturnType<typeof useCompletionStream>['start'] } = {};
  let commits = 0;
  root.render(
    <QueryClientProvider client={new QueryClient()}>
      <ChatCompletionsProvider client={client}>
        <Profiler id="stream" onRender={() => commits++}>
          <Stream notify={notify} counts={counts} begin={begin} />
        </Profiler>
      </ChatCompletionsProvider>
    </QueryClientProvider>,
  );
  // Mounted, and two frames drawn since: the mount's own commits are not counted.
  await vi.waitFor(() => expect(begin.start).toBeDefined());
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  let frames = 0;
  let counting = true;
  const countFrames = () => {
    frames++;
    if (counting) requestAnimationFrame(countFrames);
  };
  requestAnimationFrame(countFrames);
  const commitsBefore = commits;
  const completion = await begin.start?.({
    model: 'ck-local-ngram',
    messages: [{ role: 'user', content: 'Count my renders' }],
    max_completion_tokens: TOKENS,
    logit_bias: { '199999': -100 },
    stream_options: { include_usage: true },
  });
  counting = false;
  root.unmount();
  container.remove();
  return {
    commits: commits - commitsBefore,
    frames,
    quiet: counts.quiet,
    tokens: completion?.usage?.completion_tokens,
  };
}

it('commits at most once per animation frame while 2,000 tokens stream in, and leaves an unchanged choice alone', async () => {
  const perFrame = await measure('frame');
  const perChunk = await measure(0);
  console.log(
    `2,000 tokens at 500/s: ${perFrame.commits} commits per frame (${perFrame.frames} frames) vs ${perChunk.commits} committing every chunk`,
  );
  expect(perFrame.tokens).toBe(TOKENS);
  // Status changes (submitted, streaming, done) may add a commit or two of their own.
  expect(perFrame.commits).toBeLessThanOrEqual(perFrame.frames + 3);
  expect(perFrame.commits).toBeLessThan(perChunk.commits / 2);
  expect(perFrame.quiet).toBe(1);
  expect(perChunk.quiet).toBe(1);
});
