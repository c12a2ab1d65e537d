import { Message } from '@completions-kit/components';
import { useConversation } from '@completions-kit/hooks';
import { type FormEvent, useState } from 'react';
import { conversation } from './conversation.ts';

/** The conversation, its streaming answer, and a composer that turns into a Stop button while it runs. */
export function Chat() {
  const { turns, streaming, status, error, send, stop, clear } = useConversation(conversation);
  const [text, setText] = useState('');
  const running = status === 'running';
  const answer = streaming?.choices[0];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || running) return;
    void send(text.trim());
    setText('');
  };

  return (
    <main className="chat">
      <h1>Chat</h1>
      <section className="chat-log" aria-label="Conversation" aria-live="polite">
        {turns.map(({ node }) => (
          <Message key={node.id} message={node.message} />
        ))}
        {answer ? <Message message={answer.message} status="streaming" finishReason={answer.finish_reason} /> : null}
        {error ? <p role="alert">{error.message}</p> : null}
      </section>
      <form className="chat-composer" onSubmit={onSubmit}>
        <label htmlFor="prompt">Message</label>
        <textarea id="prompt" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        {running ? (
          <button type="button" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!text.trim()}>
            Send
          </button>
        )}
        <button type="button" onClick={clear} disabled={turns.length === 0}>
          New chat
        </button>
      </form>
    </main>
  );
}
