import { Message } from '@completions-kit/components';
import { createChatCompletionsClient } from '@completions-kit/core';
import { ChatCompletionsProvider, useCompletionStream } from '@completions-kit/hooks';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

function Answer() {
  const stream = useCompletionStream();
  const message = stream.snapshot?.choices[0]?.message;
  return (
    <>
      <button
        type="button"
        onClick={() => stream.start({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })}
      >
        Ask
      </button>
      {message ? <Message message={message} status={stream.status} /> : null}
    </>
  );
}

const client = createChatCompletionsClient({ baseURL: '/v1' });
const queryClient = new QueryClient();

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <ChatCompletionsProvider client={client}>
      <Answer />
    </ChatCompletionsProvider>
  </QueryClientProvider>
);
