import { Chat } from '@completions-kit/chat';
import { useChatCompletionsClient } from '@completions-kit/hooks';
import { useMemo } from 'react';
import { buildRequest } from '../request/build-request.ts';
import { useDraft } from '../state/draft.ts';

const starters = ['Explain streaming in one paragraph', 'Write a haiku about the sea', 'What is the weather in Paris?'];
// Thumbs on every answer: with Store on, <Chat> writes each verdict into the stored completion's
// metadata (feedback: up | down), which the Logs view filters by. Nothing else to do with it here.
const takeFeedback = () => undefined;

/**
 * The drop-in chat on the playground's connection and parameters (model, sampling, tools, logprobs,
 * n...). The playground's own messages are left out: the chat's threads are its messages.
 */
export function ChatView() {
  const client = useChatCompletionsClient();
  const draft = useDraft((state) => state.draft);
  const { model, params, stream } = useMemo(() => {
    const { messages: _messages, model, stream, ...params } = buildRequest(draft).body;
    return { model, params, stream: stream !== false };
  }, [draft]);
  return (
    <section className="chat-view" aria-label="Chat">
      <Chat
        client={client}
        model={model}
        params={params}
        stream={stream}
        starters={starters}
        storageKey="ck-playground-chat"
        onFeedback={takeFeedback}
      />
    </section>
  );
}
