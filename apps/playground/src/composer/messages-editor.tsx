import { type DraftMessage, message as newMessage, useDraft } from '../state/draft.ts';
import { MessageCard } from './message-card.tsx';

/** The conversation to send, as cards: instructions first, every role, reorder, delete, add. */
export function MessagesEditor() {
  const messages = useDraft((state) => state.draft.messages);
  const set = useDraft((state) => state.set);
  const update = (id: string, change: Partial<DraftMessage>) =>
    set({ messages: messages.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)) });
  const move = (index: number, by: number) => {
    const next = [...messages];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    set({ messages: next });
  };
  const first = messages[0]?.role;
  const hasInstructions = first === 'system' || first === 'developer';
  return (
    <section className="messages" aria-label="Messages">
      {hasInstructions ? null : (
        <button
          type="button"
          className="add-instructions"
          onClick={() => set({ messages: [newMessage('system'), ...messages] })}
        >
          Add instructions
        </button>
      )}
      <ol>
        {messages.map((entry, index) => (
          <MessageCard
            key={entry.id}
            message={entry}
            index={index}
            count={messages.length}
            onChange={(change) => update(entry.id, change)}
            onMove={(by) => move(index, by)}
            onDelete={() => set({ messages: messages.filter((other) => other.id !== entry.id) })}
          />
        ))}
      </ol>
      <button
        type="button"
        className="add-message"
        onClick={() =>
          set({ messages: [...messages, newMessage(messages.at(-1)?.role === 'user' ? 'assistant' : 'user')] })
        }
      >
        Add message
      </button>
    </section>
  );
}
