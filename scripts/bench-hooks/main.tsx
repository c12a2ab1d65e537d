// The benchmark page: one stream rendered by one contender, figures left on window.__result.
import { useChat } from '@ai-sdk/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { DefaultChatTransport } from 'ai';
import { Profiler, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createChatCompletionsClient } from '../../packages/core/src/index.ts';
import { ChatCompletionsProvider, useCompletionStream } from '../../packages/hooks/src/index.ts';

const search = new URLSearchParams(location.search);
const server = search.get('server') as string;
const mode = search.get('mode') as 'kit' | 'usechat' | 'usechat-throttle-50';
const tokens = Number(search.get('tokens') ?? 2000);
const request = {
  model: 'ck-local-ngram',
  messages: [{ role: 'user' as const, content: 'Benchmark' }],
  seed: 7,
  max_completion_tokens: tokens,
  logit_bias: { '199999': -100 },
};
// 500 tokens per second from the local server.
const pace = { 'x-ck-fault': 'pace-ms=2' };

const marks = { lastTokenAt: 0, commits: 0, mutations: [] as { at: number; length: number }[] };

/** When the last text arrived from the network, timed in the page for both contenders alike. */
const carriesText = /"text-delta"|"content":"[^"]/;
const timedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const decoder = new TextDecoder();
  const timed = (response.body as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(bytes, controller) {
        if (carriesText.test(decoder.decode(bytes, { stream: true }))) marks.lastTokenAt = performance.now();
        controller.enqueue(bytes);
      },
    }),
  );
  return new Response(timed, { status: response.status, headers: response.headers });
};
const done = (finalText: string) => {
  setTimeout(() => {
    const shown = marks.mutations.find((mutation) => mutation.length === finalText.length);
    (window as unknown as { __result: unknown }).__result = {
      commits: marks.commits,
      lagMs: shown ? shown.at - marks.lastTokenAt : null,
      length: finalText.length,
    };
  }, 300);
};

function Kit() {
  const { start, snapshot } = useCompletionStream();
  useEffect(() => {
    start(request).then((completion) => done(completion?.choices[0]?.message.content ?? ''));
  }, [start]);
  return <p id="out">{snapshot?.choices[0]?.message.content}</p>;
}

function UseChat({ throttle }: { throttle?: number }) {
  const { messages, sendMessage } = useChat({
    // The bench script re-frames the same server stream as the AI SDK's UI message stream, in Node,
    // so the page does only useChat's own work.
    transport: new DefaultChatTransport({ api: search.get('uiStream') as string, fetch: timedFetch }),
    ...(throttle ? { throttle } : {}),
    onFinish: ({ message }) => done(message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('')),
  });
  useEffect(() => {
    void sendMessage({ text: 'Benchmark' });
  }, [sendMessage]);
  const last = messages.at(-1);
  const text =
    last?.role === 'assistant' ? last.parts.map((part) => (part.type === 'text' ? part.text : '')).join('') : '';
  return <p id="out">{text}</p>;
}

const root = document.getElementById('root') as HTMLElement;
new MutationObserver(() => {
  marks.mutations.push({ at: performance.now(), length: document.getElementById('out')?.textContent?.length ?? 0 });
}).observe(root, { subtree: true, childList: true, characterData: true });

const client = createChatCompletionsClient({ baseURL: server, headers: pace, fetch: timedFetch });
createRoot(root).render(
  <Profiler id="bench" onRender={() => marks.commits++}>
    {mode === 'kit' ? (
      <QueryClientProvider client={new QueryClient()}>
        <ChatCompletionsProvider client={client}>
          <Kit />
        </ChatCompletionsProvider>
      </QueryClientProvider>
    ) : (
      <UseChat throttle={mode === 'usechat-throttle-50' ? 50 : undefined} />
    )}
  </Profiler>,
);
