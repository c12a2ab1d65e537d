import { type FormEvent, useState } from 'react';
import { Message } from '../../../packages/components/src/index.ts';
import { createConversation } from '../../../packages/core/src/index.ts';
import { useConversation } from '../../../packages/hooks/src/index.ts';
import { inPageClient } from './replay-fetch.ts';

/** The smallest chat, live: a conversation, its turns as messages, a form. */
export function SmallestChat() {
  const [conversation] = useState(() => {
    const client = inPageClient();
    return createConversation({ client: () => client, params: () => ({ model: 'gpt-4o-2024-08-06' }) });
  });
  const { turns, running, send } = useConversation(conversation);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('prompt') as HTMLInputElement;
    if (input.value.trim()) void send(input.value);
    input.value = '';
  };
  return (
    <section className="ck-demo sb-unstyled" aria-label="Smallest chat">
      {turns.map(({ node }) => (
        <Message key={node.id} message={node.message} status={node.status} />
      ))}
      <form className="ck-demo-bar" onSubmit={onSubmit}>
        <label>
          Message <input name="prompt" defaultValue="What's the weather like in SF?" />
        </label>
        <button type="submit" disabled={running}>
          Send
        </button>
      </form>
    </section>
  );
}
